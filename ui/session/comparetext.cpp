#include "ui/session/comparetext.h"

#include "app/protocol/opcode.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>

#include <algorithm>
#include <functional>

namespace Frameline {

namespace {

constexpr int BytesPerLine = 16;

// A scalar (or an empty container) as compact JSON.
QString compactScalar(const QJsonValue &value)
{
    QByteArray json = QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact);
    // "[...]" around the one element.
    return QString::fromUtf8(json.mid(1, json.size() - 2));
}

void writeJson(const QJsonValue &value, const Compare::Location &location, int indent, QString &out,
    QHash<QString, CompareText::Range> &ranges, qsizetype rangeStart)
{
    const QString pad(indent, QLatin1Char(' '));
    const QString innerPad(indent + 2, QLatin1Char(' '));
    if (value.isObject() && !value.toObject().isEmpty()) {
        const QJsonObject object = value.toObject();
        out += QLatin1Char('{');
        out += QLatin1Char('\n');
        qsizetype remaining = object.size();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            out += innerPad;
            const qsizetype start = out.size();
            out += compactScalar(QJsonValue(it.key()));
            out += QStringLiteral(": ");
            Compare::Location member = location;
            member.append(Compare::PathStep(it.key()));
            writeJson(it.value(), member, indent + 2, out, ranges, start);
            if (--remaining > 0)
                out += QLatin1Char(',');
            out += QLatin1Char('\n');
        }
        out += pad;
        out += QLatin1Char('}');
    } else if (value.isArray() && !value.toArray().isEmpty()) {
        const QJsonArray array = value.toArray();
        out += QLatin1Char('[');
        out += QLatin1Char('\n');
        for (qsizetype i = 0; i < array.size(); ++i) {
            out += innerPad;
            Compare::Location element = location;
            element.append(Compare::PathStep(i));
            writeJson(array.at(i), element, indent + 2, out, ranges, out.size());
            if (i + 1 < array.size())
                out += QLatin1Char(',');
            out += QLatin1Char('\n');
        }
        out += pad;
        out += QLatin1Char(']');
    } else {
        out += compactScalar(value);
    }
    ranges.insert(Compare::pathText(location), CompareText::Range { rangeStart, out.size() - rangeStart });
}

// UTF-16 index of code point `codePoint` of `text` (its size when past the end).
qsizetype utf16Index(const QString &text, qsizetype codePoint)
{
    qsizetype index = 0;
    for (qsizetype seen = 0; seen < codePoint && index < text.size(); ++seen)
        index += text.at(index).isHighSurrogate() && index + 1 < text.size() ? 2 : 1;
    return index;
}

// The differing span of `mine` against `theirs`, both starting to differ at `start`: up to the common end.
CompareText::Range differingSpan(qsizetype mineSize, qsizetype start,
    const std::function<bool(qsizetype fromEnd)> &sameFromEnd, qsizetype theirsSize)
{
    qsizetype suffix = 0;
    const qsizetype maxSuffix = qMin(mineSize, theirsSize) - start;
    while (suffix < maxSuffix && sameFromEnd(suffix))
        ++suffix;
    return CompareText::Range { start, qMax<qsizetype>(0, mineSize - suffix - start) };
}

QString hexText(const QByteArray &bytes)
{
    QString text;
    text.reserve(bytes.size() * 3);
    static const char digits[] = "0123456789abcdef";
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const auto byte = quint8(bytes.at(i));
        text += QLatin1Char(digits[byte >> 4]);
        text += QLatin1Char(digits[byte & 0xF]);
        if (i + 1 < bytes.size())
            text += (i + 1) % BytesPerLine == 0 ? QLatin1Char('\n') : QLatin1Char(' ');
    }
    return text;
}

} // namespace

QStringList CompareText::Rendered::highlightedParts() const
{
    QStringList parts;
    for (const Range &range : highlights)
        parts.append(text.mid(range.start, range.length));
    return parts;
}

CompareText::PrettyJson CompareText::prettyJson(const QJsonValue &value)
{
    PrettyJson pretty;
    writeJson(value, Compare::Location(), 0, pretty.text, pretty.ranges, 0);
    return pretty;
}

CompareText::Rendered CompareText::render(const Compare::Pair &pair, Side side)
{
    const std::optional<Message> &mine = side == Side::Recorded ? pair.recorded : pair.replayed;
    const std::optional<Message> &theirs = side == Side::Recorded ? pair.replayed : pair.recorded;
    Rendered rendered;
    if (!mine)
        return rendered;
    const bool text = mine->opcode == quint8(Opcode::Text);

    // JSON when the comparison was made as JSON, or when both sides are equal JSON.
    std::optional<QJsonValue> json;
    if (text && (pair.difference == Compare::Difference::Json || pair.outcome != Compare::Outcome::Different))
        json = Compare::parseJson(mine->payload);
    if (json) {
        PrettyJson pretty = prettyJson(*json);
        rendered.format = Format::Json;
        rendered.text = pretty.text;
        if (pair.difference == Compare::Difference::Json) {
            for (const Compare::JsonDifference &difference : pair.jsonDifferences) {
                const bool present = difference.kind == Compare::JsonDifference::Kind::Changed
                    || (side == Side::Recorded
                        && difference.kind == Compare::JsonDifference::Kind::OnlyRecorded)
                    || (side == Side::Replayed
                        && difference.kind == Compare::JsonDifference::Kind::OnlyReplayed);
                const auto found = pretty.ranges.constFind(difference.path);
                if (present && found != pretty.ranges.constEnd())
                    rendered.highlights.append(*found);
            }
            std::sort(rendered.highlights.begin(), rendered.highlights.end(),
                [](const Range &a, const Range &b) { return a.start < b.start; });
            // A changed object inside another changed path: keep the outer one.
            QList<Range> outer;
            for (const Range &range : std::as_const(rendered.highlights)) {
                if (!outer.isEmpty() && range.start < outer.constLast().start + outer.constLast().length)
                    continue;
                outer.append(range);
            }
            rendered.highlights = outer;
        }
    } else if (text) {
        rendered.format = Format::Text;
        rendered.text = QString::fromUtf8(mine->payload);
        if (pair.difference == Compare::Difference::Text && theirs) {
            const QString other = QString::fromUtf8(theirs->payload);
            const qsizetype start = utf16Index(rendered.text, pair.offset);
            const QString &self = rendered.text;
            const Range range = differingSpan(
                self.size(), start,
                [&self, &other](qsizetype fromEnd) {
                    return self.at(self.size() - 1 - fromEnd) == other.at(other.size() - 1 - fromEnd);
                },
                other.size());
            if (range.length > 0)
                rendered.highlights.append(range);
        }
    } else {
        rendered.format = Format::Binary;
        rendered.text = hexText(mine->payload);
        if (pair.difference == Compare::Difference::Binary && theirs) {
            const QByteArray &self = mine->payload;
            const QByteArray &other = theirs->payload;
            const Range bytes = differingSpan(
                self.size(), pair.offset,
                [&self, &other](qsizetype fromEnd) {
                    return self.at(self.size() - 1 - fromEnd) == other.at(other.size() - 1 - fromEnd);
                },
                other.size());
            if (bytes.length > 0)
                rendered.highlights.append(Range { bytes.start * 3, bytes.length * 3 - 1 });
        }
    }
    // A message against one of the other kind, or one the other side lacks: all of it.
    const bool whole = pair.outcome == Compare::Outcome::Missing || pair.outcome == Compare::Outcome::Extra
        || pair.difference == Compare::Difference::Opcode;
    if (whole && !rendered.text.isEmpty())
        rendered.highlights = { Range { 0, rendered.text.size() } };
    return rendered;
}

} // namespace Frameline
