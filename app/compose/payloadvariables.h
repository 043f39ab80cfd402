#pragma once

#include <QtCore/QByteArray>
#include <QtCore/QCoreApplication>
#include <QtCore/QDateTime>
#include <QtCore/QList>
#include <QtCore/QString>

#include <functional>

namespace Frameline {

// The per-tab send counter behind {{counter}}: the number of the send in progress, starting at 1. Owned by
// the composer tab (a plain value, GUI thread); PayloadVariables::expand() advances it once per successful
// expansion, whether or not the payload uses {{counter}}, so it counts sends.
class PayloadCounter
{
public:
    quint64 value() const { return m_value; }
    void advance() { ++m_value; }
    void reset(quint64 value = 1) { m_value = value; }

private:
    quint64 m_value = 1;
};

// Expands the variables a composer payload may contain, on its UTF-8 bytes:
//
//   {{timestamp}}       Unix time in milliseconds, in decimal ("1795253600123")
//   {{timestamp:s}}     Unix time in whole seconds ("1795253600")
//   {{timestamp:iso}}   ISO 8601 UTC time with milliseconds ("2026-11-21T09:33:20.123Z")
//   {{uuid}}            a random (version 4) UUID, lowercase, without braces
//   {{counter}}         the tab's send counter (1 for the first send, then 2, 3, ...)
//   {{random:N}}        N random characters from A-Z, a-z and 0-9, 1 <= N <= 65536
//
// Spaces just inside the braces are allowed ("{{ uuid }}"). Every "{{" starts a variable, so an unknown
// name, a bad argument or a "{{" without "}}" is an error with its byte position, never sent as is; write
// "\{{" for a literal "{{" (the backslash is dropped; a backslash anywhere else is kept). Every occurrence
// of a variable in one payload is expanded separately (two {{uuid}} give two UUIDs), except {{counter}}
// and the timestamps, which are the same throughout one send.
//
// Pure and stateless apart from the counter passed in; any thread. A payload without "{{" costs one scan
// and is returned shared, not copied. The clock and the random source can be replaced for tests.
class PayloadVariables
{
    Q_DECLARE_TR_FUNCTIONS(PayloadVariables)
public:
    static constexpr int MaxRandomLength = 65536;

    struct Sources
    {
        std::function<QDateTime()> now; // default: QDateTime::currentDateTimeUtc()
        std::function<quint32()> random; // default: QRandomGenerator::system()
    };

    struct Result
    {
        QByteArray bytes; // the expanded payload (empty on error)
        QString error; // translated; empty when the expansion succeeded
        qsizetype errorOffset = -1; // byte offset of the offending "{{" in the input
        qsizetype errorLength = 0; // bytes to mark, up to and including the "}}" when there is one
        bool ok() const { return error.isEmpty(); }
    };

    // Expands `payload`. On success advances *counter (when given) once.
    static Result expand(
        const QByteArray &payload, PayloadCounter *counter = nullptr, const Sources &sources = {});
    // The variables with a translated one-line description each, for the composer's help and completion.
    struct VariableInfo
    {
        QString syntax; // "{{random:N}}"
        QString description; // translated
    };
    static QList<VariableInfo> variables();

    // True when the payload contains "{{", that is when expand() may change it.
    static bool mayContainVariables(QByteArrayView payload);
};

} // namespace Frameline
