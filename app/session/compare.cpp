#include "app/session/compare.h"

#include "app/protocol/opcode.h"
#include "app/protocol/utf8validator.h"

#include <QtCore/QJsonArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>

#include <algorithm>

namespace Frameline {

namespace {

// Longest value or excerpt an explanation shows; the rest is cut with an ellipsis.
constexpr qsizetype MaxShownCharacters = 120;
// Characters of context shown before a text difference, and bytes shown from a binary one.
constexpr qsizetype TextContextBefore = 20;
constexpr qsizetype TextContextAfter = 40;
constexpr qsizetype BinaryBytesShown = 16;

bool isMemberNameCharacter(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'-' || c == u'$';
}

QString shorten(const QString &text, qsizetype limit = MaxShownCharacters)
{
    if (text.size() <= limit)
        return text;
    qsizetype cut = limit;
    if (text.at(cut - 1).isHighSurrogate())
        --cut;
    return text.left(cut) + QChar(0x2026);
}

// A JSON value written compactly, scalars included (QJsonDocument writes only arrays and objects).
QString compactJson(const QJsonValue &value)
{
    const QByteArray array = QJsonDocument(QJsonArray { value }).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(1, array.size() - 2));
}

QString quoted(const QString &text)
{
    return compactJson(QJsonValue(text));
}

bool isValidUtf8(const QByteArray &bytes)
{
    return Utf8Validator::isValid(bytes);
}

QList<char32_t> codePoints(const QByteArray &utf8)
{
    const QString text = QString::fromUtf8(utf8);
    QList<char32_t> result;
    result.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            result.append(QChar::surrogateToUcs4(c, text.at(i + 1)));
            ++i;
        } else {
            result.append(c.unicode());
        }
    }
    return result;
}

QString fromCodePoints(const QList<char32_t> &points, qsizetype from, qsizetype count)
{
    from = qBound<qsizetype>(0, from, points.size());
    count = qBound<qsizetype>(0, count, points.size() - from);
    return QString::fromUcs4(points.constData() + from, count);
}

// An excerpt of a text around `offset` (in code points), quoted, with ellipses where it is cut.
QString excerpt(const QList<char32_t> &points, qsizetype offset)
{
    const qsizetype start = qMax<qsizetype>(0, offset - TextContextBefore);
    const qsizetype end = qMin<qsizetype>(points.size(), offset + TextContextAfter);
    QString text = quoted(fromCodePoints(points, start, end - start));
    if (start > 0)
        text.prepend(QChar(0x2026));
    if (end < points.size())
        text.append(QChar(0x2026));
    return text;
}

QString hexFrom(const QByteArray &bytes, qsizetype offset)
{
    if (offset >= bytes.size())
        return Compare::tr("(end)");
    const QByteArray part = bytes.mid(offset, BinaryBytesShown);
    QString text = QString::fromLatin1(part.toHex(' '));
    if (offset + part.size() < bytes.size())
        text += u' ' + QChar(0x2026);
    return text;
}

QString kindName(quint8 opcode)
{
    if (opcode == quint8(Opcode::Text))
        return Compare::tr("text");
    if (opcode == quint8(Opcode::Binary))
        return Compare::tr("binary");
    return Compare::tr("opcode %1").arg(opcode);
}

// "text 5 B "Hello"", "binary 3 B 00 ff 10": a message in one line.
QString describeMessage(const Message &message)
{
    QString text = Compare::tr("%1, %2 B").arg(kindName(message.opcode)).arg(message.payload.size());
    if (message.opcode == quint8(Opcode::Text) && isValidUtf8(message.payload))
        text += u' ' + shorten(quoted(QString::fromUtf8(message.payload)));
    else if (!message.payload.isEmpty())
        text += u' ' + hexFrom(message.payload, 0);
    return text;
}

void diffJson(const QJsonValue &recorded, const QJsonValue &replayed, Compare::Location &location,
    const QList<Compare::Path> &ignore, QList<Compare::JsonDifference> &out)
{
    for (const Compare::Path &path : ignore) {
        if (path.matches(location))
            return;
    }
    using Kind = Compare::JsonDifference::Kind;
    if (recorded.isObject() && replayed.isObject()) {
        const QJsonObject a = recorded.toObject();
        const QJsonObject b = replayed.toObject();
        // QJsonObject keeps its keys sorted: that is the document order reported.
        for (auto it = a.constBegin(); it != a.constEnd(); ++it) {
            location.append(it.key());
            const auto other = b.constFind(it.key());
            if (other == b.constEnd()) {
                bool ignored = false;
                for (const Compare::Path &path : ignore)
                    ignored = ignored || path.matches(location);
                if (!ignored)
                    out.append({ Kind::OnlyRecorded, Compare::pathText(location),
                        shorten(compactJson(it.value())), {} });
            } else {
                diffJson(it.value(), other.value(), location, ignore, out);
            }
            location.removeLast();
        }
        for (auto it = b.constBegin(); it != b.constEnd(); ++it) {
            if (a.contains(it.key()))
                continue;
            location.append(it.key());
            bool ignored = false;
            for (const Compare::Path &path : ignore)
                ignored = ignored || path.matches(location);
            if (!ignored)
                out.append({ Kind::OnlyReplayed, Compare::pathText(location), {},
                    shorten(compactJson(it.value())) });
            location.removeLast();
        }
        return;
    }
    if (recorded.isArray() && replayed.isArray()) {
        const QJsonArray a = recorded.toArray();
        const QJsonArray b = replayed.toArray();
        const qsizetype common = qMin(a.size(), b.size());
        for (qsizetype i = 0; i < qMax(a.size(), b.size()); ++i) {
            location.append(i);
            bool ignored = false;
            if (i >= common) {
                for (const Compare::Path &path : ignore)
                    ignored = ignored || path.matches(location);
            }
            if (i < common)
                diffJson(a.at(i), b.at(i), location, ignore, out);
            else if (!ignored && i < a.size())
                out.append(
                    { Kind::OnlyRecorded, Compare::pathText(location), shorten(compactJson(a.at(i))), {} });
            else if (!ignored)
                out.append(
                    { Kind::OnlyReplayed, Compare::pathText(location), {}, shorten(compactJson(b.at(i))) });
            location.removeLast();
        }
        return;
    }
    if (recorded != replayed) {
        out.append({ Kind::Changed, Compare::pathText(location), shorten(compactJson(recorded)),
            shorten(compactJson(replayed)) });
    }
}

} // namespace

// ---- Path -------------------------------------------------------------------------------------------

std::optional<Compare::Path> Compare::Path::parse(const QString &text, QString *error)
{
    const auto fail = [&](const QString &why) -> std::optional<Path> {
        if (error)
            *error = Compare::tr("'%1' is not a JSONPath this understands: %2").arg(text, why);
        return std::nullopt;
    };
    if (!text.startsWith(u'$'))
        return fail(Compare::tr("it must start with $ (for example $.timestamp, $.items[*].id or $..id)"));

    Path path;
    path.m_text = text;
    qsizetype i = 1;
    while (i < text.size()) {
        Segment segment;
        if (text.at(i) == u'.') {
            ++i;
            if (i < text.size() && text.at(i) == u'.') {
                segment.descendant = true;
                ++i;
            }
            if (i >= text.size())
                return fail(Compare::tr("a name, * or [ is missing after the dot at the end"));
            if (text.at(i) == u'[') {
                if (!segment.descendant)
                    return fail(Compare::tr("'.[' at offset %1: write [ without the dot").arg(i - 1));
                // "..[3]", "..['a b']": handled with the bracket below.
            } else if (text.at(i) == u'*') {
                segment.kind = Segment::Kind::Any;
                ++i;
                path.m_segments.append(segment);
                continue;
            } else {
                const qsizetype start = i;
                while (i < text.size() && isMemberNameCharacter(text.at(i)))
                    ++i;
                if (i == start)
                    return fail(
                        Compare::tr("unexpected '%1' at offset %2 (a member name in brackets can hold any "
                                    "character: ['%1'])")
                            .arg(text.at(i))
                            .arg(i));
                segment.kind = Segment::Kind::Member;
                segment.name = text.mid(start, i - start);
                path.m_segments.append(segment);
                continue;
            }
        }
        if (text.at(i) != u'[')
            return fail(
                Compare::tr("unexpected '%1' at offset %2: expected '.' or '['").arg(text.at(i)).arg(i));
        ++i;
        if (i >= text.size())
            return fail(Compare::tr("']' is missing at the end"));
        const QChar open = text.at(i);
        if (open == u'\'' || open == u'"') {
            const qsizetype quoteStart = i;
            ++i;
            QString name;
            bool closed = false;
            while (i < text.size()) {
                const QChar c = text.at(i);
                if (c == u'\\') {
                    if (i + 1 >= text.size())
                        break;
                    name += text.at(i + 1);
                    i += 2;
                    continue;
                }
                if (c == open) {
                    closed = true;
                    ++i;
                    break;
                }
                name += c;
                ++i;
            }
            if (!closed)
                return fail(Compare::tr("the quoted name that starts at offset %1 has no closing %2")
                                .arg(quoteStart)
                                .arg(open));
            segment.kind = Segment::Kind::Member;
            segment.name = name;
        } else if (open == u'*') {
            segment.kind = Segment::Kind::Any;
            ++i;
        } else {
            const qsizetype start = i;
            while (i < text.size() && text.at(i).isDigit() && text.at(i).unicode() < 128)
                ++i;
            if (i == start)
                return fail(Compare::tr("expected an index, * or a quoted name after '[' at offset %1")
                                .arg(start - 1));
            bool ok = false;
            const qint64 index = text.mid(start, i - start).toLongLong(&ok);
            if (!ok)
                return fail(Compare::tr("the index at offset %1 is too large").arg(start));
            segment.kind = Segment::Kind::Element;
            segment.index = qsizetype(index);
        }
        if (i >= text.size() || text.at(i) != u']')
            return fail(Compare::tr("']' is missing at offset %1").arg(i));
        ++i;
        path.m_segments.append(segment);
    }
    return path;
}

bool Compare::Path::stepMatches(const Segment &segment, const PathStep &step)
{
    switch (segment.kind) {
    case Segment::Kind::Any:
        return true;
    case Segment::Kind::Member:
        return std::holds_alternative<QString>(step) && std::get<QString>(step) == segment.name;
    case Segment::Kind::Element:
        return std::holds_alternative<qsizetype>(step) && std::get<qsizetype>(step) == segment.index;
    }
    return false;
}

bool Compare::Path::matchFrom(qsizetype segment, const Location &location, qsizetype step) const
{
    if (segment == m_segments.size())
        return step == location.size();
    const Segment &current = m_segments.at(segment);
    if (!current.descendant)
        return step < location.size() && stepMatches(current, location.at(step))
            && matchFrom(segment + 1, location, step + 1);
    // '..': the step may come after any number of others.
    for (qsizetype at = step; at < location.size(); ++at) {
        if (stepMatches(current, location.at(at)) && matchFrom(segment + 1, location, at + 1))
            return true;
    }
    return false;
}

bool Compare::Path::matches(const Location &location) const
{
    return matchFrom(0, location, 0);
}

// ---- comparison -------------------------------------------------------------------------------------

QString Compare::pathText(const Location &location)
{
    QString text = QStringLiteral("$");
    for (const PathStep &step : location) {
        if (const auto *index = std::get_if<qsizetype>(&step)) {
            text += u'[' + QString::number(*index) + u']';
            continue;
        }
        const QString &name = std::get<QString>(step);
        const bool plain = !name.isEmpty() && std::all_of(name.cbegin(), name.cend(), isMemberNameCharacter);
        if (plain) {
            text += u'.' + name;
        } else {
            QString escaped = name;
            escaped.replace(u'\\', QStringLiteral("\\\\")).replace(u'\'', QStringLiteral("\\'"));
            text += QStringLiteral("['") + escaped + QStringLiteral("']");
        }
    }
    return text;
}

std::optional<QJsonValue> Compare::parseJson(const QByteArray &payload)
{
    // QJsonDocument reads only arrays and objects at the top: wrap the payload in one, so a bare string,
    // number, boolean or null is JSON too, and unwrap it. "1, 2" becomes a two-element array: not JSON.
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson('[' + payload + ']', &error);
    if (error.error != QJsonParseError::NoError || !document.isArray())
        return std::nullopt;
    const QJsonArray array = document.array();
    if (array.size() != 1)
        return std::nullopt;
    // "[]" wrapped is "[[]]"; an empty payload wrapped is "[]", of size 0, refused above.
    return array.at(0);
}

QList<Compare::JsonDifference> Compare::json(
    const QJsonValue &recorded, const QJsonValue &replayed, const QList<Path> &ignore)
{
    QList<JsonDifference> out;
    Location location;
    diffJson(recorded, replayed, location, ignore, out);
    return out;
}

Compare::Pair Compare::pair(
    const Message &recorded, const Message &replayed, const Options &options, qsizetype index)
{
    Pair result;
    result.index = index;
    result.recorded = recorded;
    result.replayed = replayed;
    const auto different = [&](Difference difference, const QString &explanation) {
        result.outcome = Outcome::Different;
        result.difference = difference;
        result.explanation = explanation;
        return result;
    };

    if (recorded.opcode != replayed.opcode) {
        return different(Difference::Opcode,
            tr("recorded %1, replayed %2").arg(describeMessage(recorded), describeMessage(replayed)));
    }

    const bool text = recorded.opcode == quint8(Opcode::Text) && isValidUtf8(recorded.payload)
        && isValidUtf8(replayed.payload);
    if (text) {
        const auto recordedJson = parseJson(recorded.payload);
        const auto replayedJson = parseJson(replayed.payload);
        if (recordedJson && replayedJson) {
            result.jsonDifferences = json(*recordedJson, *replayedJson, options.ignore);
            if (result.jsonDifferences.isEmpty())
                return result;
            QStringList lines;
            for (const JsonDifference &difference : std::as_const(result.jsonDifferences)) {
                switch (difference.kind) {
                case JsonDifference::Kind::Changed:
                    lines.append(tr("%1: recorded %2, replayed %3")
                                     .arg(difference.path, difference.recorded, difference.replayed));
                    break;
                case JsonDifference::Kind::OnlyRecorded:
                    lines.append(
                        tr("%1: only in the recording: %2").arg(difference.path, difference.recorded));
                    break;
                case JsonDifference::Kind::OnlyReplayed:
                    lines.append(tr("%1: only in the replay: %2").arg(difference.path, difference.replayed));
                    break;
                }
            }
            return different(Difference::Json, tr("JSON differs:") + u'\n' + lines.join(u'\n'));
        }
        if (recorded.payload == replayed.payload)
            return result;
        const QList<char32_t> a = codePoints(recorded.payload);
        const QList<char32_t> b = codePoints(replayed.payload);
        qsizetype offset = 0;
        while (offset < a.size() && offset < b.size() && a.at(offset) == b.at(offset))
            ++offset;
        result.offset = offset;
        return different(Difference::Text,
            tr("text differs from character %1 on (length in characters: recorded %2, replayed %3):")
                    .arg(offset)
                    .arg(a.size())
                    .arg(b.size())
                + u'\n' + tr("recorded %1").arg(excerpt(a, offset)) + u'\n'
                + tr("replayed %1").arg(excerpt(b, offset)));
    }

    if (recorded.payload == replayed.payload)
        return result;
    const QByteArray &a = recorded.payload;
    const QByteArray &b = replayed.payload;
    qsizetype offset = 0;
    while (offset < a.size() && offset < b.size() && a.at(offset) == b.at(offset))
        ++offset;
    result.offset = offset;
    return different(Difference::Binary,
        tr("bytes differ from offset %1 on (length: recorded %2 B, replayed %3 B):")
                .arg(offset)
                .arg(a.size())
                .arg(b.size())
            + u'\n' + tr("recorded %1").arg(hexFrom(a, offset)) + u'\n'
            + tr("replayed %1").arg(hexFrom(b, offset)));
}

Compare::Result Compare::messages(
    const QList<Message> &recorded, const QList<Message> &replayed, const Options &options)
{
    Result result;
    result.recordedCount = recorded.size();
    result.replayedCount = replayed.size();
    const qsizetype total = qMax(recorded.size(), replayed.size());
    result.pairs.reserve(total);
    for (qsizetype i = 0; i < total; ++i) {
        if (i < recorded.size() && i < replayed.size()) {
            Pair compared = pair(recorded.at(i), replayed.at(i), options, i);
            if (compared.outcome == Outcome::Equal)
                ++result.equal;
            else
                ++result.different;
            result.pairs.append(std::move(compared));
            continue;
        }
        Pair alone;
        alone.index = i;
        if (i < recorded.size()) {
            alone.outcome = Outcome::Missing;
            alone.recorded = recorded.at(i);
            alone.explanation = tr("the replay did not receive it: %1").arg(describeMessage(recorded.at(i)));
            ++result.missing;
        } else {
            alone.outcome = Outcome::Extra;
            alone.replayed = replayed.at(i);
            alone.explanation = tr("not in the recording: %1").arg(describeMessage(replayed.at(i)));
            ++result.extra;
        }
        result.pairs.append(std::move(alone));
    }
    return result;
}

QString Compare::summary(const Result &result)
{
    if (result.passed())
        return tr("PASS: %1 recorded, %2 replayed, all equal")
            .arg(result.recordedCount)
            .arg(result.replayedCount);
    return tr("FAIL: %1 recorded, %2 replayed: %3 equal, %4 different, %5 missing, %6 extra")
        .arg(result.recordedCount)
        .arg(result.replayedCount)
        .arg(result.equal)
        .arg(result.different)
        .arg(result.missing)
        .arg(result.extra);
}

QString Compare::report(const Result &result)
{
    QString text;
    for (const Pair &pair : result.pairs) {
        QString heading;
        switch (pair.outcome) {
        case Outcome::Equal:
            continue;
        case Outcome::Different:
            heading = tr("message #%1 differs").arg(pair.index + 1);
            break;
        case Outcome::Missing:
            heading = tr("message #%1 missing").arg(pair.index + 1);
            break;
        case Outcome::Extra:
            heading = tr("message #%1 extra").arg(pair.index + 1);
            break;
        }
        const QStringList lines = pair.explanation.split(u'\n');
        text += heading + QStringLiteral(": ") + lines.constFirst() + u'\n';
        for (qsizetype i = 1; i < lines.size(); ++i)
            text += QStringLiteral("    ") + lines.at(i) + u'\n';
    }
    text += summary(result) + u'\n';
    return text;
}

} // namespace Frameline
