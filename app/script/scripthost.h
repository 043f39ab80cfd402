#pragma once

#include "app/script/scriptlink.h"
#include "app/script/scriptrunner.h"

#include <QtCore/QHash>
#include <QtCore/QMutex>
#include <QtCore/QObject>
#include <QtCore/QTimer>
#include <QtQml/QJSValue>

#include <atomic>
#include <memory>

QT_BEGIN_NAMESPACE
class QJSEngine;
QT_END_NAMESPACE

namespace Frameline {

class ScriptBridge;

// What the runner's thread and the script thread share for the busy-loop watchdog: when the script thread
// last came back to its event loop, and the engine to interrupt. The engine pointer is set and cleared by
// the script thread under the mutex; the watchdog interrupts only under the same mutex.
struct ScriptWatch
{
    QMutex mutex;
    QJSEngine *engine = nullptr;
    std::atomic<qint64> progressNs { 0 }; // Clock::nowNs() of the last return to the event loop; 0: not running
    std::atomic<bool> busyInterrupted { false }; // the watchdog interrupted a busy script
    std::atomic<bool> ending { false }; // the run is ending (stop(), or it ended): no more watching
    std::atomic<bool> stopRequested { false }; // stop() was called: the interrupt is not an error

    // From any thread: interrupts the engine, if there is one.
    void interrupt();
};

// One run of one script: the QJSEngine, the API it sees (through ScriptBridge and the prelude), its timers,
// and the connections it follows. Reports log entries and the outcome with signals.
//
// Created by ScriptRunner and moved to the runner's script thread, where it lives and works; everything
// reaches it through queued connections. Deleted in that thread when the thread ends.
class ScriptHost : public QObject
{
    Q_OBJECT
public:
    ScriptHost(const ScriptRunner::Options &options, bool serverScript, std::shared_ptr<ScriptWatch> watch);
    ~ScriptHost() override;

    // In the script thread, first: creates the engine and the API, arms the run's timeout.
    void setUp();
    // From the ScriptLink (queued): what the target looked like when the link attached.
    void onSnapshot(const Frameline::ScriptTargetSnapshot &snapshot);
    void onEvents(const Frameline::EventBatch &events);
    void onSendResult(quint64 connectionId, int frames, const QString &error);
    void onFlushed(quint64 token);
    void onTargetGone();
    // stop(): the run ends Stopped.
    void stopRun();

    // The bridge's calls (script thread, from JavaScript).
    bool send(quint64 connectionId, const ScriptSend &send);
    bool makeFrameSpec(const QJSValue &spec, const QByteArray &payload, FrameSpec *out, QString *error);
    int startTimer(int ms, bool repeat);
    void stopTimer(int id);
    void log(ScriptLogEntry::Kind kind, const QString &text, int line, quint64 connectionId = 0);
    void assertion(bool passed, const QString &text, int line);
    void reportError(const QJSValue &error, const QString &where);
    void unhandledRejection(const QJSValue &reason);
    void done();
    QJSEngine *engine() const { return m_engine; }

    // The line of the user's script a JavaScript error or stack points at (0: unknown).
    static int userLine(const QJSValue &error, const QString &fileName);
    // The bare message of a JavaScript error value ("TypeError: x is undefined").
    static QString errorText(const QJSValue &error);

Q_SIGNALS:
    void started();
    void logged(const Frameline::ScriptLogEntry &entry);
    void finished(const Frameline::ScriptOutcome &outcome);
    void sendRequested(quint64 connectionId, const Frameline::ScriptSend &send);
    void flushRequested(quint64 token);

private:
    struct Peer
    {
        ConnectionState state = ConnectionState::Idle;
        std::shared_ptr<const HandshakeRecord> handshake;
        bool announced = false; // the script knows it (client script: started; server: 'connection' ran)
    };

    void startScript();
    // Calls into JavaScript as the event loop's direct callee, so the watchdog sees when it returns.
    QJSValue call(const QJSValue &function, const QJSValueList &arguments);
    QJSValue dispatch(const QString &event, const QJSValueList &arguments);
    QJSValue peerInfo(quint64 connectionId, const Peer &peer) const;
    QJSValue bytes(const QByteArray &data) const;
    void handleFrame(const FrameEvent &event);
    void handleMessage(const MessageEvent &event);
    void handleNotice(const ConnectionNotice &notice);
    void onHeartbeat();
    // A failure that ends the run at once with Error.
    void fail(const QString &error, int line = 0, int column = 0);
    // A script error that does not end the run, but makes its result Error.
    void recordError(const QString &error, int line, int column = 0);
    // Ends the run after the JavaScript jobs already queued ran (a few event-loop turns).
    void finishSoon();
    void settle();
    void finish(ScriptOutcome::Result result);
    void emitFinished();
    QString userFileName() const;

    const ScriptRunner::Options m_options;
    const bool m_serverScript;
    std::shared_ptr<ScriptWatch> m_watch;
    QJSEngine *m_engine = nullptr; // a child
    ScriptBridge *m_bridge = nullptr; // a child
    QJSValue m_dispatch; // the prelude's dispatch(event, ...)
    QHash<quint64, Peer> m_peers;
    quint64 m_connectionId = 0; // client script: the connection
    QString m_targetUrl;
    bool m_scriptStarted = false;
    bool m_ending = false; // finish() ran or is waiting for the link's flush: no more JavaScript
    bool m_finished = false;
    bool m_doneRequested = false; // done() was called: no more events for the script
    bool m_settling = false;
    int m_callDepth = 0;
    int m_settleRounds = 0;
    int m_nextTimerId = 1;
    QHash<int, QTimer *> m_timers;
    QTimer m_heartbeat { this };
    QTimer m_runTimeout { this };
    QTimer m_flushFallback { this };
    quint64 m_flushToken = 0;
    qint64 m_startNs = 0;
    ScriptOutcome m_outcome;
};

} // namespace Frameline
