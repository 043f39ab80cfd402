#pragma once

#include "app/net/clientconnection.h"
#include "app/net/connectionevent.h"
#include "app/net/server.h"
#include "app/protocol/framewriter.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QHash>
#include <QtCore/QObject>
#include <QtCore/QStringList>
#include <QtCore/QUrl>

#include <optional>

namespace Frameline {

class ReplayPlayer;

// One thing a replay sends, taken from a recording.
struct ReplayStep
{
    enum class Kind : quint8 {
        Message, // a data message: opcode and payload, through the connection's encoders
        Frame, // one frame exactly as recorded (frame)
        Close, // starts the closing handshake with closeCode and closeReason
        CloseWithoutCode, // starts the closing handshake with a Close frame without a body
    };
    Kind kind = Kind::Message;
    qint64 timestampNs = 0; // when the recording saw it sent
    quint8 opcode = 0x1; // Message
    QByteArray payload; // Message
    FrameSpec frame; // Frame
    quint16 closeCode = 1000; // Close
    QString closeReason; // Close
    // How many messages the other end had sent before this one, in the recording: the replies it came
    // after.
    qsizetype peerMessagesBefore = 0;
};

// What one end of a recorded connection did, ready to be played again: the handshake to repeat, the
// messages (or exact frames) that end sent with their times and the number of the other end's messages
// each one followed, and what the other end sent (for the comparison after a client replay).
//
// Built from a loaded session (SessionReader::load()'s EventBatch) by build(). Either end of either kind
// of recording can be played: a client replay of a client's recording sends what it sent; a mock server
// of the same recording sends what it received; a recording made by a server works the other way round.
// A plain value; any thread.
struct ReplayScript
{
    Q_DECLARE_TR_FUNCTIONS(ReplayScript)
public:
    enum class Content : quint8 {
        Messages, // the data messages (and the Close that started the closing handshake, if this end sent it)
        Frames, // every frame, header bits, masking key and length form as recorded, except the automatic
                // answers (pongs to the other end's pings, the echo of its Close): the connection sends those
    };

    quint64 connectionId = 0; // in the recording
    Endpoint recordedEnd = Endpoint::Client; // the end that made the recording
    Endpoint plays = Endpoint::Client; // the end this script plays
    Content content = Content::Messages;

    // Client end: the URL dialled (a server's recording gives ws[s]://Host/target); empty when unknown.
    QUrl url;
    // The request's header fields to send again: all but those every handshake generates afresh (Host,
    // Upgrade, Connection, Sec-WebSocket-Key, -Version, -Extensions, -Protocol).
    QList<HttpMessage::Field> headers;
    QList<QByteArray> subprotocols; // offered in the recording, in order
    QByteArray subprotocol; // agreed in the recording; empty: none
    std::optional<DeflateParameters> deflate; // agreed in the recording
    DeflateOffer deflateOffer; // the client's (first) permessage-deflate offer, when deflate is set

    qint64 startNs = 0; // when the recorded connection opened (the gap before the first step counts from it)
    QList<ReplayStep> steps;
    // What the other end sent, in order, with the times the recording saw them.
    QList<Message> peerMessages;
    QList<qint64> peerMessageTimesNs;
    bool peerClosedFirst = false; // the other end started the closing handshake
    // What cannot be played exactly (a payload the recording did not keep), one translated sentence each.
    QStringList warnings;

    // Which end recorded a connection: from its handshake (a client records the URL it dialled and the
    // accept key it expected, a server the request target) or else from the masking of its frames.
    static std::optional<Endpoint> recordingEnd(const EventBatch &events, quint64 connectionId);
    // The connections of a recording, in the order they first appear.
    static QList<quint64> connectionIds(const EventBatch &events);
    // The first connection recorded by that end (any end for nullopt) whose end is known; 0 for none.
    static quint64 firstConnection(const EventBatch &events, std::optional<Endpoint> recordedBy);

    // The script for one end of one connection. Nothing and *error (translated) when the recording has no
    // such connection or cannot tell which end recorded it.
    static std::optional<ReplayScript> build(
        const EventBatch &events, quint64 connectionId, Endpoint plays, Content content, QString *error);

    // The options of a client connection that repeats the recorded handshake (URL, headers, subprotocols,
    // permessage-deflate when it was agreed).
    ClientConnection::Options clientOptions() const;
    // The handshake options of a server that agrees to what the recorded one agreed to.
    Handshake::ServerOptions serverHandshake() const;
};

// How a replay paces its sends.
struct ReplayOptions
{
    enum class Timing : quint8 {
        Recorded, // the recorded gaps, divided by `speed`
        Fast, // one after the other, as fast as possible
        Step, // one send per next()
    };
    Timing timing = Timing::Recorded;
    double speed = 1.0; // Recorded: 2.0 plays twice as fast; must be above 0
    // Client: before each send, wait until as many messages have arrived as the recording had received
    // before it (a mock server always waits for the client's messages).
    bool waitForReplies = false;
    // Client: how long to wait for awaited replies, and for the last replies (and the server's close, when
    // the recorded server closed first) before closing; then the replay goes on with a warning.
    int replyTimeoutMs = 10000;
};

// Replays the client end of a recorded connection against a server: dials the recorded URL (or another)
// with the recorded handshake options, sends the recorded messages or frames paced as asked, then waits
// for the replies the recording got (at most replyTimeoutMs), closes with 1000 (unless the script sent its
// own recorded Close; when the recorded server closed first, it first waits, as long, for the server to
// close) and reports finished(). What the replay's connection reports (its frames,
// sends with FrameOrigin::Replay, handshake, states, plus the replay's own notes as Info notices) is kept
// in events() and passed on through eventsReady(), a new session the caller can save; what it received
// is receivedMessages(), for Compare::messages(script.peerMessages, ...).
//
// A QObject living in one thread with the ClientConnection it owns (a network thread, or the main thread
// of frameline-cli); call it only there.
class ClientReplay : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        ReplayOptions replay;
        QUrl url; // empty: the script's
        TlsOptions tls;
        ProxySettings proxy;
        Connection::Settings settings;
        int connectTimeoutMs = 10000;
    };

    ClientReplay(const ReplayScript &script, const Options &options, QObject *parent = nullptr);
    ~ClientReplay() override;

    // Dials; the replay runs from there. Once only.
    void start();
    // Timing::Step: sends the next step (or lets it go once its awaited replies have arrived). Calls
    // ahead of time are remembered.
    void next();
    // Stops sending and closes the connection with 1000; finished() follows once it is closed.
    void stop();

    const ReplayScript &script() const { return m_script; }
    ClientConnection *connection() const { return m_connection; }
    QUrl url() const;
    bool isFinished() const { return m_finished; }
    int sent() const;
    int total() const { return int(m_script.steps.size()); }
    // Finished: every step was sent (over a connection that opened).
    bool completed() const;
    bool wasStopped() const { return m_stopped; }
    // Finished without completing: why (the connection failed, closed early, was stopped). Translated.
    QString errorString() const { return m_error; }
    QStringList warnings() const { return m_warnings; }

    const EventBatch &events() const { return m_events; }
    QList<Message> receivedMessages() const;

Q_SIGNALS:
    void eventsReady(const Frameline::EventBatch &events);
    void progressChanged(int sent, int total);
    // Timing::Step: step `index` (0-based) is ready and waits for next().
    void awaitingNext(int index);
    // Something that did not go as recorded (a reply that did not come in time, a send that failed).
    void warning(const QString &text);
    void finished();

private:
    void onEvents(const EventBatch &batch);
    void onClosed();
    // A note of the replay's own in the session (an Info notice, "Replay: ..."); warn() also reports it.
    void addNotice(const QString &text);
    void warn(const QString &text);

    ReplayScript m_script;
    Options m_options;
    ClientConnection *m_connection = nullptr;
    ReplayPlayer *m_player = nullptr;
    EventBatch m_events;
    QStringList m_warnings;
    QString m_error;
    bool m_started = false;
    bool m_opened = false;
    bool m_stopped = false;
    bool m_finished = false;
};

// A mock server: listens and answers every client that connects with the server end of a recording,
// each client with its own replay from the start. For each recorded server message it waits until the
// client has sent as many messages as the recorded client had sent before it, then sends it (after the
// recorded gap, scaled, unless Timing::Fast); it closes when the recorded server closed first, and
// otherwise leaves the closing to the client. Every client's events are kept in events() and passed on
// through eventsReady().
//
// A QObject living in one thread with the Server it owns; call it only there.
class MockServerReplay : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        // Timing and speed; Timing::Step is not offered (there may be many clients), waitForReplies and
        // replyTimeoutMs do not apply (the server always waits for its client).
        ReplayOptions replay;
        // Address, port, TLS and connection settings; behaviour and handshake come from the script.
        Server::Options server;
    };

    MockServerReplay(const ReplayScript &script, const Options &options, QObject *parent = nullptr);
    ~MockServerReplay() override;

    bool listen(QString *error);
    // Closes every client (1001 by default) and stops listening.
    void stop(quint16 code = 1001, const QString &reason = {});

    const ReplayScript &script() const { return m_script; }
    Server *server() const { return m_server; }
    QString url() const;
    const EventBatch &events() const { return m_events; }
    int activeClients() const { return int(m_players.size()); }

Q_SIGNALS:
    void eventsReady(const Frameline::EventBatch &events);
    void clientStarted(quint64 connectionId);
    void clientProgress(quint64 connectionId, int sent, int total);
    void warning(quint64 connectionId, const QString &text);
    // The client's connection ended; `completed`: every step had been sent.
    void clientFinished(quint64 connectionId, bool completed);

private:
    void onClientConnected(Connection *client);
    void onClientClosed(Connection *client);

    ReplayScript m_script;
    Options m_options;
    Server *m_server = nullptr;
    QHash<quint64, ReplayPlayer *> m_players;
    EventBatch m_events;
};

} // namespace Frameline
