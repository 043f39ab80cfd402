#include "ui/widgets/colors.h"

namespace Frameline::Colors {

QColor mix(const QColor &base, const QColor &tint, qreal amount)
{
    const QColor b = base.toRgb();
    const QColor t = tint.toRgb();
    return QColor::fromRgbF(float(b.redF() * (1 - amount) + t.redF() * amount),
        float(b.greenF() * (1 - amount) + t.greenF() * amount),
        float(b.blueF() * (1 - amount) + t.blueF() * amount));
}

} // namespace Frameline::Colors
