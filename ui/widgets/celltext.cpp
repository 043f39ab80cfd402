#include "ui/widgets/celltext.h"

#include "app/protocol/utf8validator.h"

#include <algorithm>

namespace Frameline::CellText {

QString escapedLine(QStringView text, int limit, bool alreadyCut)
{
    QString out;
    out.reserve(std::min<qsizetype>(text.size(), limit) + 8);
    bool cut = alreadyCut;
    int shown = 0;
    for (const QChar c : text) {
        if (shown == limit) {
            cut = true;
            break;
        }
        const char16_t u = c.unicode();
        if (u == u'\n')
            out += QStringLiteral("\\n");
        else if (u == u'\r')
            out += QStringLiteral("\\r");
        else if (u == u'\t')
            out += QStringLiteral("\\t");
        else if (u < 0x20 || u == 0x7F)
            out += QStringLiteral("\\x%1").arg(uint(u), 2, 16, QLatin1Char('0'));
        else
            out += c;
        ++shown;
    }
    if (cut)
        out += QStringLiteral("\u2026");
    return out;
}

bool isPrintableText(QByteArrayView bytes)
{
    if (!Utf8Validator::isValid(bytes))
        return false;
    return std::none_of(bytes.begin(), bytes.end(), [](char c) {
        const auto b = quint8(c);
        return (b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7F;
    });
}

} // namespace Frameline::CellText
