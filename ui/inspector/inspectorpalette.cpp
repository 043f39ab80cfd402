#include "ui/inspector/inspectorpalette.h"

#include "ui/widgets/colors.h"

namespace Frameline {

namespace {

// A colour of the given hue that stands out against the palette's base: dark text on a light base,
// light text on a dark one.
QColor contrasting(const QPalette &palette, int hue, int saturation)
{
    return QColor::fromHsl(hue, saturation, InspectorPalette::isDark(palette) ? 180 : 85);
}

} // namespace

bool InspectorPalette::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QColor InspectorPalette::color(const QPalette &palette, Role role)
{
    switch (role) {
    case Role::Key:
        return contrasting(palette, 210, 200);
    case Role::String:
        return contrasting(palette, 120, 150);
    case Role::Number:
        return contrasting(palette, 30, 200);
    case Role::Keyword:
        return contrasting(palette, 285, 150);
    case Role::Operator:
        return palette.color(QPalette::Text);
    case Role::Good:
        return contrasting(palette, 130, 160);
    case Role::Bad:
        return contrasting(palette, 0, 200);
    case Role::Muted:
        return Colors::mix(palette.color(QPalette::Text), palette.color(QPalette::Base), 0.45);
    }
    return palette.color(QPalette::Text);
}

QColor InspectorPalette::markBackground(const QPalette &palette)
{
    return Colors::mix(palette.color(QPalette::Base), QColor::fromHsl(0, 220, 128), isDark(palette) ? 0.45 : 0.3);
}

QColor InspectorPalette::markForeground(const QPalette &palette)
{
    return palette.color(QPalette::Text);
}

} // namespace Frameline
