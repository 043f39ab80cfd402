#include "app/script/scriptbridge.h"

#include "app/protocol/securerandom.h"
#include "app/script/scripthost.h"

#include <QtCore/QUuid>
#include <QtQml/QJSEngine>

#include <algorithm>
#include <limits>

namespace Frameline {

namespace {

constexpr double maxRandomBytes = 64.0 * 1024 * 1024;

quint64 idOf(double connectionId)
{
    return connectionId > 0 ? quint64(connectionId) : 0;
}

} // namespace

ScriptBridge::ScriptBridge(ScriptHost *host)
    : QObject(host)
    , m_host(host)
{
}

bool ScriptBridge::sendText(double connectionId, const QString &text)
{
    ScriptSend send;
    send.opcode = 0x1;
    send.payload = text.toUtf8();
    return m_host->send(idOf(connectionId), send);
}

bool ScriptBridge::sendMessage(double connectionId, int opcode, const QByteArray &payload)
{
    ScriptSend send;
    send.opcode = quint8(opcode);
    send.payload = payload;
    return m_host->send(idOf(connectionId), send);
}

bool ScriptBridge::sendFragmented(double connectionId, int opcode, const QByteArray &payload, int count)
{
    ScriptSend send;
    send.kind = ScriptSend::Kind::Fragmented;
    send.opcode = quint8(opcode);
    send.payload = payload;
    send.count = qBound(1, count, 65536);
    return m_host->send(idOf(connectionId), send);
}

bool ScriptBridge::sendControl(double connectionId, int opcode, const QByteArray &payload)
{
    ScriptSend send;
    send.kind = opcode == 0x9 ? ScriptSend::Kind::Ping : ScriptSend::Kind::Pong;
    send.opcode = quint8(opcode);
    send.payload = payload;
    return m_host->send(idOf(connectionId), send);
}

bool ScriptBridge::close(double connectionId, int code, const QString &reason)
{
    if (code < 0 || code > 0xFFFF) {
        m_host->engine()->throwError(QJSValue::RangeError, tr("ws.close: the code must be 0-65535, got %1").arg(code));
        return false;
    }
    ScriptSend send;
    send.kind = ScriptSend::Kind::Close;
    send.opcode = 0x8;
    send.code = quint16(code);
    send.reason = reason;
    return m_host->send(idOf(connectionId), send);
}

bool ScriptBridge::sendFrame(double connectionId, const QJSValue &spec, const QByteArray &payload)
{
    ScriptSend send;
    send.kind = ScriptSend::Kind::Frame;
    QString error;
    if (!m_host->makeFrameSpec(spec, payload, &send.spec, &error)) {
        m_host->engine()->throwError(QJSValue::TypeError, error);
        return false;
    }
    send.opcode = send.spec.opcode;
    return m_host->send(idOf(connectionId), send);
}

int ScriptBridge::startTimer(double ms, bool repeat)
{
    return m_host->startTimer(int(qBound(0.0, ms, double(std::numeric_limits<int>::max()))), repeat);
}

void ScriptBridge::stopTimer(int id)
{
    m_host->stopTimer(id);
}

void ScriptBridge::log(int kind, const QString &text, int line)
{
    const ScriptLogEntry::Kind entryKind = kind == 1 ? ScriptLogEntry::Kind::Warning
        : kind == 2                                  ? ScriptLogEntry::Kind::Error
                                                     : ScriptLogEntry::Kind::Log;
    m_host->log(entryKind, text, line);
}

void ScriptBridge::assertion(bool passed, const QString &text, int line)
{
    m_host->assertion(passed, text, line);
}

void ScriptBridge::reportError(const QJSValue &error, const QString &where)
{
    m_host->reportError(error, where);
}

void ScriptBridge::unhandledRejection(const QJSValue &reason)
{
    m_host->unhandledRejection(reason);
}

void ScriptBridge::done()
{
    m_host->done();
}

QString ScriptBridge::base64Encode(const QByteArray &bytes) const
{
    return QString::fromLatin1(bytes.toBase64());
}

QByteArray ScriptBridge::base64Decode(const QString &text) const
{
    const auto result = QByteArray::fromBase64Encoding(text.trimmed().toLatin1(),
                                                       QByteArray::AbortOnBase64DecodingErrors);
    if (!result) {
        m_host->engine()->throwError(QJSValue::TypeError, tr("base64.decode: not valid base64"));
        return {};
    }
    return *result;
}

QString ScriptBridge::hexEncode(const QByteArray &bytes) const
{
    return QString::fromLatin1(bytes.toHex());
}

QByteArray ScriptBridge::hexDecode(const QString &text) const
{
    QString digits = text;
    digits.remove(QLatin1Char(' '));
    if (digits.startsWith(QLatin1String("0x"), Qt::CaseInsensitive))
        digits = digits.mid(2);
    const bool valid = digits.size() % 2 == 0
        && std::all_of(digits.cbegin(), digits.cend(), [](QChar c) {
            const char16_t u = c.unicode();
            return (u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f') || (u >= u'A' && u <= u'F');
        });
    if (!valid) {
        m_host->engine()->throwError(QJSValue::TypeError,
                                     tr("hex.decode: expected pairs of hex digits, got \"%1\"").arg(text.left(40)));
        return {};
    }
    return QByteArray::fromHex(digits.toLatin1());
}

QByteArray ScriptBridge::utf8Encode(const QString &text) const
{
    return text.toUtf8();
}

QString ScriptBridge::utf8Decode(const QByteArray &bytes) const
{
    return QString::fromUtf8(bytes);
}

QString ScriptBridge::uuid() const
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QByteArray ScriptBridge::randomBytes(double count) const
{
    if (!(count >= 0 && count <= maxRandomBytes)) {
        m_host->engine()->throwError(QJSValue::RangeError,
                                     tr("randomBytes: the count must be 0-%1").arg(qint64(maxRandomBytes)));
        return {};
    }
    return SecureRandom::bytes(qsizetype(count));
}

} // namespace Frameline
