#include "app/compose/payloadvariables.h"

#include <QtCore/QRandomGenerator>
#include <QtCore/QUuid>

namespace Frameline {

namespace {

constexpr char Alphanumeric[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
constexpr quint32 AlphanumericCount = 62;

QByteArrayView trimmed(QByteArrayView view)
{
    while (!view.isEmpty() && (view.front() == ' ' || view.front() == '\t'))
        view = view.sliced(1);
    while (!view.isEmpty() && (view.back() == ' ' || view.back() == '\t'))
        view.chop(1);
    return view;
}

} // namespace

QList<PayloadVariables::VariableInfo> PayloadVariables::variables()
{
    return {
        { QStringLiteral("{{timestamp}}"), tr("Unix time in milliseconds") },
        { QStringLiteral("{{timestamp:s}}"), tr("Unix time in seconds") },
        { QStringLiteral("{{timestamp:iso}}"), tr("UTC date and time in ISO 8601, with milliseconds") },
        { QStringLiteral("{{uuid}}"), tr("A random UUID (version 4)") },
        { QStringLiteral("{{counter}}"), tr("The number of this send in the tab: 1, 2, 3, ...") },
        { QStringLiteral("{{random:N}}"),
            tr("N random letters and digits (N from 1 to %1)").arg(MaxRandomLength) },
        { QStringLiteral("\\{{"), tr("A literal \"{{\"") },
    };
}

bool PayloadVariables::mayContainVariables(QByteArrayView payload)
{
    return payload.indexOf(QByteArrayView("{{")) >= 0;
}

PayloadVariables::Result PayloadVariables::expand(
    const QByteArray &payload, PayloadCounter *counter, const Sources &sources)
{
    Result result;
    qsizetype next = payload.indexOf("{{");
    if (next < 0) {
        result.bytes = payload;
        if (counter)
            counter->advance();
        return result;
    }

    const auto random = [&sources]() -> quint32 {
        return sources.random ? sources.random() : QRandomGenerator::system()->generate();
    };
    // The timestamps are read once, so that every occurrence in one send agrees.
    QDateTime now;
    const auto timeNow = [&]() -> const QDateTime & {
        if (!now.isValid())
            now = (sources.now ? sources.now() : QDateTime::currentDateTimeUtc()).toUTC();
        return now;
    };
    const quint64 counterValue = counter ? counter->value() : 1;

    const auto fail = [&result](qsizetype offset, qsizetype length, const QString &message) {
        result.bytes.clear();
        result.error = message;
        result.errorOffset = offset;
        result.errorLength = length;
        return result;
    };

    QByteArray out;
    out.reserve(payload.size() + 64);
    qsizetype copied = 0;
    while (next >= 0) {
        // "\{{" is a literal "{{".
        if (next > 0 && payload.at(next - 1) == '\\') {
            out.append(payload.constData() + copied, next - 1 - copied);
            out.append("{{");
            copied = next + 2;
            next = payload.indexOf("{{", copied);
            continue;
        }
        // Searching only up to the "}}" keeps many variables in a large payload linear.
        const qsizetype close = payload.indexOf("}}", next + 2);
        if (close < 0
            || QByteArrayView(payload).sliced(next + 2, close - next - 2).contains(QByteArrayView("{{")))
            return fail(next, 2,
                tr("\"{{\" at byte %1 starts a variable but has no closing \"}}\"; write \"\\{{\" for a "
                   "literal \"{{\"")
                    .arg(next));
        const qsizetype length = close + 2 - next;
        const QByteArrayView inner = trimmed(QByteArrayView(payload).sliced(next + 2, close - next - 2));
        const QString shown = QString::fromUtf8(QByteArrayView(payload).sliced(next, length));

        out.append(payload.constData() + copied, next - copied);
        if (inner == "timestamp") {
            out.append(QByteArray::number(timeNow().toMSecsSinceEpoch()));
        } else if (inner == "timestamp:s") {
            out.append(QByteArray::number(timeNow().toSecsSinceEpoch()));
        } else if (inner == "timestamp:iso") {
            out.append(timeNow().toString(Qt::ISODateWithMs).toLatin1());
        } else if (inner == "uuid") {
            QByteArray raw(16, Qt::Uninitialized);
            for (int i = 0; i < 4; ++i) {
                const quint32 word = random();
                for (int b = 0; b < 4; ++b)
                    raw[i * 4 + b] = char((word >> (24 - 8 * b)) & 0xFF);
            }
            raw[6] = char((quint8(raw[6]) & 0x0F) | 0x40); // version 4
            raw[8] = char((quint8(raw[8]) & 0x3F) | 0x80); // RFC 4122 variant
            out.append(QUuid::fromRfc4122(raw).toByteArray(QUuid::WithoutBraces));
        } else if (inner == "counter") {
            out.append(QByteArray::number(counterValue));
        } else if (inner.startsWith("random:") || inner == "random") {
            const QByteArrayView argument = inner.size() > 7 ? trimmed(inner.sliced(7)) : QByteArrayView();
            bool isNumber = !argument.isEmpty() && argument.size() <= 9;
            for (const char c : argument)
                isNumber = isNumber && c >= '0' && c <= '9';
            const int count = isNumber ? QByteArray(argument.data(), argument.size()).toInt() : 0;
            if (!isNumber || count < 1 || count > MaxRandomLength)
                return fail(next, length,
                    tr("%1 at byte %2: the length must be a whole number from 1 to %3, as in "
                       "{{random:16}}")
                        .arg(shown)
                        .arg(next)
                        .arg(MaxRandomLength));
            // Rejection sampling keeps every character equally likely.
            constexpr quint32 limit = quint32(0xFFFFFFFFu / AlphanumericCount) * AlphanumericCount;
            for (int i = 0; i < count; ++i) {
                quint32 r = random();
                while (r >= limit)
                    r = random();
                out.append(Alphanumeric[r % AlphanumericCount]);
            }
        } else {
            return fail(next, length,
                tr("Unknown variable %1 at byte %2; the variables are {{timestamp}}, {{timestamp:s}}, "
                   "{{timestamp:iso}}, {{uuid}}, {{counter}} and {{random:N}}; write \"\\{{\" for a "
                   "literal \"{{\"")
                    .arg(shown)
                    .arg(next));
        }
        copied = close + 2;
        next = payload.indexOf("{{", copied);
    }
    out.append(payload.constData() + copied, payload.size() - copied);
    result.bytes = std::move(out);
    if (counter)
        counter->advance();
    return result;
}

} // namespace Frameline
