// The live timeline under load, through the real engine path: a raw WebSocket server in its own thread
// writes pre-built frames at a fixed rate (100 000 frames/s) to Frameline's ClientConnection in a
// NetworkThread; every event batch goes to a FrameStore in the GUI thread, shown by a TimelineWidget that
// follows the tail (offscreen platform). Measured:
//   - the GUI event-loop stall: gaps between the ticks of a 2 ms timer (max, p99, p50) while ingesting,
//     and while a regular-expression filter runs over everything;
//   - memory per frame: the store's overhead (records, indexes) and the proxy's row vector, beyond the
//     payload bytes; and the process's RSS growth per frame;
//   - the time to apply a regular-expression filter over all the rows (set to swapped in);
//   - the time to scroll to the end (from the top: scrollToBottom and the repaint).
//
//   QT_QPA_PLATFORM=offscreen build/tests/bench/bench_timeline [--frames N] [--rate R]
//
// Prints a Markdown table. Never asserts on time: figures go to docs/performance.md.

#include "app/net/clientconnection.h"
#include "app/net/networkthread.h"
#include "app/protocol/framewriter.h"
#include "app/protocol/handshake.h"
#include "app/session/framestore.h"
#include "ui/timeline/timelinemodel.h"
#include "ui/timeline/timelineproxymodel.h"
#include "ui/timeline/timelinewidget.h"

#include <QtCore/QCommandLineParser>
#include <QtCore/QElapsedTimer>
#include <QtCore/QFile>
#include <QtCore/QTimer>
#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>
#include <QtWidgets/QApplication>
#include <QtWidgets/QScrollBar>
#include <QtWidgets/QTreeView>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>

using namespace Frameline;
using namespace Qt::StringLiterals;

namespace {

constexpr int DistinctFrames = 1000;

// A WebSocket server in its own thread that writes `total` text frames at `rate` frames per second
// (in 1 ms slices), cycling through 1000 distinct JSON payloads, then a Close frame.
class PacedSender
{
public:
    PacedSender(qint64 total, double rate)
        : m_total(total)
        , m_rate(rate)
    {
        for (int i = 0; i < DistinctFrames; ++i) {
            QByteArray payload(R"({"type":"tick","seq":)");
            payload.append(QByteArray::number(i))
                .append(R"(,"price":)")
                .append(QByteArray::number(100 + i % 37));
            payload.append(R"(.25,"side":")").append(i % 2 ? "buy" : "sell").append("\"}");
            m_offsets.push_back(m_frames.size());
            m_payloadBytes += payload.size();
            m_frames.append(FrameWriter::text(Endpoint::Server, payload));
        }
        m_offsets.push_back(m_frames.size());
        std::atomic<quint16> port = 0;
        m_thread = std::thread([this, &port] { run(&port); });
        while (port.load() == 0)
            std::this_thread::yield();
        m_port = port.load();
    }
    ~PacedSender()
    {
        m_stop = true;
        m_thread.join();
    }
    QString url() const { return u"ws://127.0.0.1:%1/"_s.arg(m_port); }
    double averagePayload() const { return double(m_payloadBytes) / DistinctFrames; }
    double secondsSending() const { return m_seconds.load(); }

private:
    void run(std::atomic<quint16> *port)
    {
        QTcpServer server;
        server.listen(QHostAddress::LocalHost);
        port->store(server.serverPort());
        while (!m_stop && !server.waitForNewConnection(100)) { }
        if (m_stop)
            return;
        QTcpSocket *socket = server.nextPendingConnection();
        QByteArray request;
        while (!request.contains("\r\n\r\n") && socket->waitForReadyRead(5000))
            request += socket->readAll();
        QByteArray key;
        for (const QByteArray &line : request.split('\n')) {
            if (line.toLower().startsWith("sec-websocket-key:"))
                key = line.mid(18).trimmed();
        }
        socket->write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                      "Sec-WebSocket-Accept: "
            + Handshake::acceptFor(key) + "\r\n\r\n");
        socket->flush();
        const auto start = std::chrono::steady_clock::now();
        qint64 sent = 0;
        while (sent < m_total && !m_stop && socket->state() == QAbstractSocket::ConnectedState) {
            const double elapsed
                = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            const qint64 due = std::min(m_total, qint64(elapsed * m_rate));
            while (sent < due) {
                // Whole frames, from frame `sent % 1000` up to the end of the cycle or `due`.
                const qint64 first = sent % DistinctFrames;
                const qint64 count = std::min<qint64>(due - sent, DistinctFrames - first);
                socket->write(m_frames.constData() + m_offsets[size_t(first)],
                    m_offsets[size_t(first + count)] - m_offsets[size_t(first)]);
                sent += count;
            }
            socket->waitForBytesWritten(0);
            std::this_thread::sleep_for(std::chrono::microseconds(500));
        }
        while (socket->bytesToWrite() > 0 && socket->waitForBytesWritten(1000)) { }
        m_seconds.store(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        socket->write(FrameWriter::close(Endpoint::Server, 1000));
        while (socket->bytesToWrite() > 0 && socket->waitForBytesWritten(5000)) { }
        socket->waitForReadyRead(10000);
        socket->disconnectFromHost();
        if (socket->state() != QAbstractSocket::UnconnectedState)
            socket->waitForDisconnected(2000);
        delete socket;
    }

    qint64 m_total;
    double m_rate;
    QByteArray m_frames;
    std::vector<qint64> m_offsets;
    qint64 m_payloadBytes = 0;
    quint16 m_port = 0;
    std::atomic<bool> m_stop = false;
    std::atomic<double> m_seconds = 0;
    std::thread m_thread;
};

// Gaps between the ticks of a fast timer in the GUI thread: how long the event loop was unavailable.
class StallMeter
{
public:
    explicit StallMeter(int intervalMs)
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(intervalMs);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            if (m_last >= 0)
                m_gaps.push_back(now - m_last);
            m_last = now;
        });
    }
    void start()
    {
        m_gaps.clear();
        m_last = -1;
        m_clock.start();
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    double percentileMs(double p) const
    {
        if (m_gaps.empty())
            return 0;
        std::vector<qint64> sorted = m_gaps;
        std::sort(sorted.begin(), sorted.end());
        const size_t at = std::min(sorted.size() - 1, size_t(p / 100.0 * double(sorted.size())));
        return double(sorted[at]) / 1e6;
    }
    double maxMs() const
    {
        return m_gaps.empty() ? 0 : double(*std::max_element(m_gaps.begin(), m_gaps.end())) / 1e6;
    }
    qint64 ticks() const { return qint64(m_gaps.size()); }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = -1;
    std::vector<qint64> m_gaps;
};

qint64 rssBytes()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').constFirst().toLongLong() * 1024;
    }
    return 0;
}

// Runs the event loop until done() (a GUI thread's normal life: sleeping when idle).
void runUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    QTimer wake;
    wake.start(20);
    while (!done() && timer.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
}

void row(const char *what, const QString &value, const char *target)
{
    std::printf("| %s | %s | %s |\n", what, qPrintable(value), target);
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    QCommandLineOption framesOption(
        u"frames"_s, u"Frames to send (default 1000000)."_s, u"N"_s, u"1000000"_s);
    QCommandLineOption rateOption(u"rate"_s, u"Frames per second (default 100000)."_s, u"R"_s, u"100000"_s);
    QCommandLineOption messagesOption(u"messages"_s, u"Show the timeline in message mode while ingesting."_s);
    parser.addOption(framesOption);
    parser.addOption(rateOption);
    parser.addOption(messagesOption);
    parser.process(app);
    const qint64 total = parser.value(framesOption).toLongLong();
    const double rate = parser.value(rateOption).toDouble();
    const bool messageMode = parser.isSet(messagesOption);

    FrameStore store;
    TimelineWidget widget(&store);
    widget.setMessageMode(messageMode);
    widget.resize(1280, 800);
    widget.show();
    runUntil([] { return false; }, 200);
    StallMeter meter(2);

    const qint64 rssBefore = rssBytes();
    PacedSender sender(total, rate);
    ClientConnection::Options options;
    options.url = QUrl(sender.url());
    auto *client = new ClientConnection(options);
    NetworkThread network;
    network.adopt(client);
    bool closed = false;
    QElapsedTimer ingest;
    QObject context;
    QObject::connect(client, &Connection::eventsReady, &context, [&](const EventBatch &batch) {
        store.append(batch);
        for (const ConnectionEvent &event : batch) {
            if (const auto *notice = std::get_if<ConnectionNotice>(&event); notice
                && notice->kind == ConnectionNotice::Kind::StateChanged
                && notice->state == ConnectionState::Closed)
                closed = true;
        }
    });
    QObject::connect(client, &Connection::opened, &context, [&] {
        ingest.start();
        meter.start();
    });
    NetworkThread::post(client, [client] { client->open(); });
    runUntil([&] { return closed; }, int(total / rate * 1000) + 120000);
    meter.stop();
    const double ingestSeconds = ingest.nsecsElapsed() / 1e9;
    // The last publication (its interval grows with the row count).
    runUntil([&] { return widget.viewModel()->rowCount() == store.entryCount(); }, 5000);
    const bool followed = widget.isFollowingTail()
        && widget.view()->verticalScrollBar()->value() == widget.view()->verticalScrollBar()->maximum();

    const qint64 entries = store.entryCount();
    const qint64 rows = widget.viewModel()->rowCount();
    const qint64 rssAfter = rssBytes();
    const double storePerFrame = double(store.overheadBytes()) / double(entries);
    const double proxyPerFrame = double(widget.proxyModel()->memoryBytes()) / double(entries);
    const double rssPerFrame = double(rssAfter - rssBefore - store.payloadBytes()) / double(entries);

    // A regular expression over everything, in the background; the GUI timer keeps ticking meanwhile.
    StallMeter filterMeter(2);
    TimelineFilter filter;
    filter.search = uR"("seq":\d*7,)"_s;
    filter.regularExpression = true;
    filterMeter.start();
    QElapsedTimer filterTimer;
    filterTimer.start();
    widget.setFilter(filter);
    runUntil([&] { return !widget.proxyModel()->isFiltering(); }, 120000);
    const double filterMs = filterTimer.nsecsElapsed() / 1e6;
    filterMeter.stop();
    const qint64 matches = widget.viewModel()->rowCount();

    // The matcher alone over every row, single-threaded (what the worker does, without the hand-over).
    QElapsedTimer pure;
    pure.start();
    const TimelineMatcher matcher(filter);
    qint64 pureMatches = 0;
    for (qint64 entry = 0; entry < entries; ++entry)
        pureMatches += matcher
                           .apply(store,
                               TimelineModel::rowFor(
                                   store, entry, widget.timelineModel()->mode(), store.messageCount()))
                           .passes;
    const double pureMs = pure.nsecsElapsed() / 1e6;

    // Back to everything, then from the top to the end.
    widget.setFilter(TimelineFilter());
    runUntil([&] { return !widget.proxyModel()->isFiltering(); }, 120000);
    widget.view()->scrollToTop();
    widget.view()->viewport()->repaint();
    QElapsedTimer scrollTimer;
    scrollTimer.start();
    widget.view()->scrollToBottom();
    widget.view()->viewport()->repaint();
    const double scrollMs = scrollTimer.nsecsElapsed() / 1e6;

    // The other mode over everything (a model reset and, for message mode, the top-level index).
    QElapsedTimer modeTimer;
    modeTimer.start();
    widget.setMessageMode(!messageMode);
    widget.view()->viewport()->repaint();
    const double modeMs = modeTimer.nsecsElapsed() / 1e6;
    // Message mode keeps one 32-bit entry id per top-level row besides the proxy's.
    const qint64 topLevelRows = messageMode ? rows : widget.viewModel()->rowCount();
    const double messageModePerFrame
        = double(store.overheadBytes() + widget.proxyModel()->memoryBytes() + topLevelRows * 4)
        / double(entries);

    std::printf("\n### Live timeline: %lld frames at %.0f frames/s through ClientConnection (network thread) "
                "into FrameStore + TimelineWidget (%s mode, following the tail)\n\n",
        total, rate, messageMode ? "message" : "frame");
    std::printf("| measure | value | target |\n|---|---:|---|\n");
    row("entries in the store / rows shown", u"%1 / %2"_s.arg(entries).arg(rows), "all");
    row("ingest time (first to last frame at the GUI)",
        u"%1 s (%2 frames/s)"_s.arg(ingestSeconds, 0, 'f', 2).arg(double(entries) / ingestSeconds, 0, 'f', 0),
        "");
    row("sender's own time", u"%1 s"_s.arg(sender.secondsSending(), 0, 'f', 2), "");
    row("GUI stall while ingesting: p50 / p99 / max (2 ms timer)",
        u"%1 / %2 / %3 ms (%4 ticks)"_s.arg(meter.percentileMs(50), 0, 'f', 1)
            .arg(meter.percentileMs(99), 0, 'f', 1)
            .arg(meter.maxMs(), 0, 'f', 1)
            .arg(meter.ticks()),
        "p99 < 30 ms, max < 200 ms");
    row("view at the tail after ingest", followed ? u"yes"_s : u"no"_s, "yes");
    row("store overhead per frame (records, indexes, notices)", u"%1 B"_s.arg(storePerFrame, 0, 'f', 1), "");
    row("filter proxy row vector per frame", u"%1 B"_s.arg(proxyPerFrame, 0, 'f', 1), "");
    row("total per frame beyond payload (store + proxy)",
        u"%1 B"_s.arg(storePerFrame + proxyPerFrame, 0, 'f', 1), "<= 80 B");
    row("same in message mode (+ top-level index)", u"%1 B"_s.arg(messageModePerFrame, 0, 'f', 1), "<= 80 B");
    row("average payload per frame", u"%1 B"_s.arg(sender.averagePayload(), 0, 'f', 1), "");
    row("process RSS growth per frame beyond payload (incl. QTreeView items, allocator)",
        u"%1 B"_s.arg(rssPerFrame, 0, 'f', 1), "");
    row("regex filter over all rows, set to swapped in (background worker)",
        u"%1 ms (%2 rows match)"_s.arg(filterMs, 0, 'f', 0).arg(matches), "< 500 ms");
    row("GUI stall while filtering: p99 / max",
        u"%1 / %2 ms (%3 ticks)"_s.arg(filterMeter.percentileMs(99), 0, 'f', 1)
            .arg(filterMeter.maxMs(), 0, 'f', 1)
            .arg(filterMeter.ticks()),
        "input never blocked");
    row("the same regex, matcher alone in one thread",
        u"%1 ms (%2 match)"_s.arg(pureMs, 0, 'f', 0).arg(pureMatches), "");
    row("scroll from the top to the end (scrollToBottom + repaint)", u"%1 ms"_s.arg(scrollMs, 0, 'f', 1), "");
    row(messageMode ? "switch to frame mode (reset + repaint)" : "switch to message mode (reset + repaint)",
        u"%1 ms"_s.arg(modeMs, 0, 'f', 0), "");
    std::fflush(stdout);
    return 0;
}
