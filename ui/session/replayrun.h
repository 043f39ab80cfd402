#pragma once

#include "app/net/connectionevent.h"
#include "app/session/compare.h"
#include "app/session/replay.h"

#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QStringList>

namespace Frameline {

class NetworkThread;

// One replay started from the desktop app: a ClientReplay (a client replay against a server) or a
// MockServerReplay (a mock server that answers clients with the recorded server side), living in the
// app's network thread, seen from the GUI thread. Says what the replay is doing (state(), sent()/total(),
// warnings()), passes its traffic on as eventsReady() batches (the ReplayTab shows and records them), and
// takes start(), next() (step by step) and stop(). When a client replay has finished, what it received is
// replayedMessages(), ready to be compared with the script's recorded ones.
//
// The engine object is only reached with NetworkThread::post() and heard through queued signals; when the
// run is destroyed, a replay still running is stopped (its connection closed with 1000, a mock server's
// clients with 1001) and deleted in the network thread once it has ended.
//
// Owned by its ReplayTab (a QObject child); GUI thread.
class ReplayRun : public QObject
{
    Q_OBJECT
public:
    enum class Mode : quint8 {
        Client, // replays the client end against a server
        MockServer, // listens and answers every client with the server end
    };
    enum class State : quint8 {
        Idle, // not started
        Starting, // a client dials; a mock server starts listening
        Running, // a client sends (or waits for replies); a mock server listens
        AwaitingNext, // step by step: the next step waits for next()
        Stopping, // stop() was asked: closing
        Finished, // over (see completed(), errorString())
    };

    struct Settings
    {
        Mode mode = Mode::Client;
        ReplayOptions replay;
        QUrl url; // Client: where to connect (the recorded URL or another)
        bool ignoreCertificateErrors = false; // Client, wss
        quint16 port = 0; // MockServer: 0 picks a free one
    };

    ReplayRun(NetworkThread *network, const ReplayScript &script, const Settings &settings,
        QObject *parent = nullptr);
    ~ReplayRun() override;

    // Starts the replay. Once only.
    void start();
    // Step by step: lets the next step go.
    void next();
    // Ends the replay early: a client closes with 1000; a mock server closes its clients with 1001 and
    // stops listening.
    void stop();

    const ReplayScript &script() const { return m_script; }
    const Settings &settings() const { return m_settings; }
    Mode mode() const { return m_settings.mode; }
    State state() const { return m_state; }
    bool isFinished() const { return m_state == State::Finished; }
    // The URL dialled, or the mock server's URL to connect to once it listens.
    QString url() const { return m_url; }
    int sent() const { return m_sent; }
    int total() const { return int(m_script.steps.size()); }
    // Step by step: the 0-based step waiting for next(), -1 when none waits.
    int awaitedStep() const { return m_awaitedStep; }
    // Finished: a client sent every step over a connection that opened; a mock server stopped cleanly.
    bool completed() const { return m_completed; }
    bool wasStopped() const { return m_stopRequested; }
    // Why the replay did not complete (could not connect, closed early, stopped, could not listen).
    QString errorString() const { return m_error; }
    // What the script could not play exactly, then what did not go as recorded.
    QStringList warnings() const { return m_warnings; }
    // MockServer: clients connected so far and clients connected now.
    int clientCount() const { return m_clients; }
    int activeClients() const { return m_activeClients; }

    // A client replay that finished: the messages the recording received, and those the replay did.
    bool canCompare() const { return m_settings.mode == Mode::Client && m_hasReplayed; }
    const QList<Message> &recordedMessages() const { return m_script.peerMessages; }
    const QList<Message> &replayedMessages() const { return m_replayed; }

    // One line for the state ("Sending: 3 of 5 sent", "Listening on ws://127.0.0.1:5555/", "Complete: 5 of 5
    // sent", ...), translated.
    QString stateText() const;
    // "text message, 5 B: hello": a step of the script, for the step-by-step prompt.
    static QString describeStep(const ReplayStep &step);

Q_SIGNALS:
    void eventsReady(const Frameline::EventBatch &events);
    void stateChanged(Frameline::ReplayRun::State state);
    void progressChanged(int sent, int total);
    void warningAdded(const QString &text);
    void finished();

private:
    void startClient();
    void startMockServer();
    void setState(State state);
    void onEvents(const EventBatch &events);
    void addWarning(const QString &text);
    void finish(bool completed, const QString &error);
    void release();

    NetworkThread *m_network;
    ReplayScript m_script;
    Settings m_settings;
    ClientReplay *m_client = nullptr; // adopted by m_network; only post() to it
    MockServerReplay *m_mock = nullptr; // adopted by m_network; only post() to it
    quint64 m_connectionId = 0; // Client: the replay's connection
    State m_state = State::Idle;
    QString m_url;
    int m_sent = 0;
    int m_awaitedStep = -1;
    bool m_completed = false;
    bool m_stopRequested = false;
    bool m_hasReplayed = false;
    QString m_error;
    QStringList m_warnings;
    QList<Message> m_replayed;
    int m_clients = 0;
    int m_activeClients = 0;
};

} // namespace Frameline
