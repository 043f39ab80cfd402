#pragma once

#include <QtGui/QColor>

namespace Frameline::Colors {

// `base` with `amount` (0..1) of `tint` mixed in: washes derived from the palette, so that they work in
// light and dark themes alike.
QColor mix(const QColor &base, const QColor &tint, qreal amount);

} // namespace Frameline::Colors
