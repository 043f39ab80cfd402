#pragma once

#include <QtCore/QObject>
#include <QtQml/QJSValue>

namespace Frameline {

class ScriptHost;

// The native half of the script API: the only object the API's JavaScript (scriptprelude.cpp) calls into.
// Scripts never see it: the prelude keeps it in a closure. Every call forwards to the ScriptHost.
//
// Owned by its ScriptHost; lives in the script thread.
class ScriptBridge : public QObject
{
    Q_OBJECT
public:
    explicit ScriptBridge(ScriptHost *host);

    Q_INVOKABLE bool sendText(double connectionId, const QString &text);
    Q_INVOKABLE bool sendMessage(double connectionId, int opcode, const QByteArray &payload);
    Q_INVOKABLE bool sendFragmented(double connectionId, int opcode, const QByteArray &payload, int count);
    Q_INVOKABLE bool sendControl(double connectionId, int opcode, const QByteArray &payload);
    Q_INVOKABLE bool close(double connectionId, int code, const QString &reason);
    Q_INVOKABLE bool sendFrame(double connectionId, const QJSValue &spec, const QByteArray &payload);

    Q_INVOKABLE int startTimer(double ms, bool repeat);
    Q_INVOKABLE void stopTimer(int id);

    Q_INVOKABLE void log(int kind, const QString &text, int line);
    Q_INVOKABLE void assertion(bool passed, const QString &text, int line);
    Q_INVOKABLE void reportError(const QJSValue &error, const QString &where);
    Q_INVOKABLE void unhandledRejection(const QJSValue &reason);
    Q_INVOKABLE void done();

    Q_INVOKABLE QString base64Encode(const QByteArray &bytes) const;
    Q_INVOKABLE QByteArray base64Decode(const QString &text) const;
    Q_INVOKABLE QString hexEncode(const QByteArray &bytes) const;
    Q_INVOKABLE QByteArray hexDecode(const QString &text) const;
    Q_INVOKABLE QByteArray utf8Encode(const QString &text) const;
    Q_INVOKABLE QString utf8Decode(const QByteArray &bytes) const;
    Q_INVOKABLE QString uuid() const;
    Q_INVOKABLE QByteArray randomBytes(double count) const;

private:
    ScriptHost *m_host;
};

} // namespace Frameline
