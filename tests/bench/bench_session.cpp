// Session files: what recording costs and what opening costs.
//
//  1. Recording: a stream of 100 000 frames/s (each a small JSON text frame and its message, as a
//     connection reports them) handed to SessionWriter in 10 ms batches for 5 s, with the writer's own
//     200 ms flush timer, on the thread that would run it in the app: the rate it keeps, the CPU it takes,
//     the bytes it writes. Then the same events as fast as the writer takes them (its capacity).
//  2. Opening: files of 100 000 and 1 000 000 frames (frames and messages both ways) opened with
//     SessionReader: the index pass (what opening a tab does), a full sequential read, and random reads by
//     offset; wall time, CPU time of all threads, and peak resident memory (VmHWM, reset before each step
//     through /proc/self/clear_refs).
//  3. Opening in the app (with the desktop application, FRAMELINE_BUILD_GUI): the same files opened in a
//     SessionTab offscreen, as File > Open Session does: the loader thread's index pass into an indexed
//     FrameStore, the hand-over, the timeline model's rows; then the first screen painted (previews read
//     from the file), a jump to the last row painted, and a payload search over every row. Wall time from
//     the tab's construction, peak RSS, and what of it is the process's own memory (RssAnon) and mapped
//     file pages (RssFile).
//
//   build/tests/bench/bench_session [--rate N] [--seconds S] [--sizes N,N] [--dir DIR] [--only-tab]
//
// Prints Markdown tables. Never asserts on time: figures go to docs/performance.md ("Sessions").

#include "app/session/sessionreader.h"
#include "app/session/sessionwriter.h"
#ifdef FRAMELINE_BENCH_GUI
#include "ui/session/sessiontab.h"
#include "ui/timeline/timelinefilter.h"
#include "ui/timeline/timelinemodel.h"
#include "ui/timeline/timelineproxymodel.h"
#include "ui/timeline/timelinewidget.h"

#include <QtWidgets/QApplication>
#include <QtWidgets/QScrollBar>
#include <QtWidgets/QTreeView>
#endif

#include <QtCore/QCommandLineParser>
#include <QtCore/QCoreApplication>
#include <QtCore/QElapsedTimer>
#include <QtCore/QEventLoop>
#include <QtCore/QFile>
#include <QtCore/QFileInfo>
#include <QtCore/QRandomGenerator>
#include <QtCore/QTemporaryDir>
#include <QtCore/QThread>
#include <QtCore/QTimer>

#include <cstdio>
#include <ctime>
#include <numeric>
#include <vector>

#include <sys/resource.h>

using namespace Frameline;
using namespace Qt::StringLiterals;

namespace {

double processCpuSeconds()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1e-6;
}

double threadCpuSeconds()
{
    timespec now {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) + double(now.tv_nsec) * 1e-9;
}

// A field of /proc/self/status in kB ("VmHWM", "VmRSS", "RssAnon", "RssFile").
qint64 statusKb(const char *field)
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').constFirst().toLongLong();
    }
    return -1;
}

// Resets VmHWM to the current RSS (Linux 4.0+), so the next reading is the peak of what follows.
bool resetPeakMemory()
{
    QFile clearRefs(u"/proc/self/clear_refs"_s);
    return clearRefs.open(QIODevice::WriteOnly) && clearRefs.write("5") == 1;
}

double mb(qint64 kb)
{
    return double(kb) / 1024.0;
}

// 1000 distinct JSON payloads of 50 to 60 bytes, like a ticker feed.
QList<QByteArray> payloads()
{
    QList<QByteArray> list;
    for (int i = 0; i < 1000; ++i)
        list.append("{\"seq\":" + QByteArray::number(i) + ",\"price\":" + QByteArray::number(100 + i % 37)
            + "." + QByteArray::number(10 + i % 89) + ",\"symbol\":\"ABCD\",\"side\":\"buy\"}");
    return list;
}

// A frame as a connection reports it (header bytes, index, offset, unmasked for a server's frame) and the
// message it completes.
void appendFrameAndMessage(EventBatch &batch, qint64 n, qint64 ns, const QByteArray &payload, bool bothWays)
{
    const bool outgoing = bothWays && n % 2 == 1;
    const qint64 index = bothWays ? n / 2 : n;
    FrameEvent frame;
    frame.connectionId = 1;
    frame.timestampNs = ns;
    frame.direction = outgoing ? Direction::Outgoing : Direction::Incoming;
    frame.origin = outgoing ? FrameOrigin::User : FrameOrigin::Peer;
    frame.frame.index = index;
    frame.frame.streamOffset = index * (payload.size() + (outgoing ? 6 : 2));
    frame.frame.fin = true;
    frame.frame.opcode = 1;
    frame.frame.messageOpcode = 1;
    frame.frame.masked = outgoing;
    frame.frame.maskingKey = { 0x12, 0x34, 0x56, 0x78 };
    frame.frame.payloadLength = quint64(payload.size());
    frame.frame.header = { 0x81, quint8(payload.size() | (outgoing ? 0x80 : 0)), 0x12, 0x34, 0x56, 0x78 };
    frame.frame.headerLength = outgoing ? 6 : 2;
    frame.payload = payload;
    MessageEvent message;
    message.connectionId = 1;
    message.timestampNs = ns;
    message.direction = frame.direction;
    message.origin = frame.origin;
    message.message.index = index;
    message.message.opcode = 1;
    message.message.streamOffset = frame.frame.streamOffset;
    message.message.frameIndexes.append(index);
    message.message.payload = payload;
    message.message.wireLength = quint64(payload.size());
    batch.append(frame);
    batch.append(message);
}

// ---- 1. recording --------------------------------------------------------------------------------------

void benchRecording(const QString &dir, int rate, int seconds)
{
    const QList<QByteArray> texts = payloads();
    // 10 ms batches, as a connection delivers them (Connection::Settings::batchIntervalMs); ten templates
    // reused with fresh timestamps and indexes, so the benchmark's own cost per frame is two stores.
    const int perBatch = qMax(1, rate / 100);
    std::vector<EventBatch> templates(10);
    for (size_t t = 0; t < templates.size(); ++t) {
        for (int i = 0; i < perBatch; ++i)
            appendFrameAndMessage(
                templates[t], i, 0, texts.at(int((t * perBatch + i) % texts.size())), false);
    }

    const QString path = dir + u"/recording.fls"_s;
    SessionWriter writer;
    if (!writer.create(path)) {
        std::fprintf(stderr, "bench_session: %s\n", qPrintable(writer.errorString()));
        std::exit(1);
    }
    QElapsedTimer clock;
    qint64 written = 0;
    qint64 maxBehind = 0;
    qint64 maxBuffered = 0;
    qint64 batches = 0;
    double writeCpu = 0;
    const qint64 total = qint64(rate) * seconds;
    QEventLoop loop;
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    tick.setInterval(10);
    QObject::connect(&tick, &QTimer::timeout, &loop, [&] {
        // Every frame due by now, in whole batches: the writer must keep up with the clock, not the other
        // way.
        const qint64 due = qMin(total, qint64(double(clock.nsecsElapsed()) * rate / 1e9));
        maxBehind = qMax(maxBehind, due - written);
        while (written + perBatch <= due) {
            EventBatch &batch = templates[size_t(batches++ % qint64(templates.size()))];
            const qint64 now = clock.nsecsElapsed();
            for (qsizetype i = 0; i < batch.size(); i += 2) {
                const qint64 n = written + i / 2;
                auto &frame = std::get<FrameEvent>(batch[i]);
                frame.timestampNs = now;
                frame.frame.index = n;
                frame.frame.streamOffset = n * 60;
                auto &message = std::get<MessageEvent>(batch[i + 1]);
                message.timestampNs = now;
                message.message.index = n;
                message.message.frameIndexes[0] = n;
            }
            const double before = threadCpuSeconds();
            writer.write(batch);
            writeCpu += threadCpuSeconds() - before;
            written += perBatch;
            maxBuffered = qMax(maxBuffered, writer.bufferedBytes());
        }
        if (written >= total)
            loop.quit();
    });
    const double threadBefore = threadCpuSeconds();
    const double processBefore = processCpuSeconds();
    clock.start();
    tick.start();
    loop.exec();
    writer.close();
    const double wall = double(clock.nsecsElapsed()) / 1e9;
    const double threadCpu = threadCpuSeconds() - threadBefore;
    const double processCpu = processCpuSeconds() - processBefore;
    const qint64 size = QFileInfo(path).size();

    // Capacity: the same stream as fast as the writer takes it, into a second file.
    const QString fastPath = dir + u"/capacity.fls"_s;
    SessionWriter fast;
    fast.setFlushInterval(0);
    fast.create(fastPath);
    const qint64 capacityFrames = qMax<qint64>(total, 1000000);
    const double fastCpuBefore = threadCpuSeconds();
    QElapsedTimer fastClock;
    fastClock.start();
    for (qint64 n = 0; n < capacityFrames; n += perBatch) {
        EventBatch &batch = templates[size_t((n / perBatch) % qint64(templates.size()))];
        for (qsizetype i = 0; i < batch.size(); i += 2) {
            std::get<FrameEvent>(batch[i]).timestampNs = n;
            std::get<MessageEvent>(batch[i + 1]).timestampNs = n;
        }
        fast.write(batch);
    }
    fast.close();
    const double fastWall = double(fastClock.nsecsElapsed()) / 1e9;
    const double fastCpu = threadCpuSeconds() - fastCpuBefore;

    // The recording reads back complete.
    SessionReader reader;
    reader.open(path);
    const SessionIndex index = reader.buildIndex();

    std::printf(
        "## Recording: %d frames/s for %d s (JSON text frames of %lld bytes on average, each with its "
        "message: %d events per 10 ms batch)\n\n",
        rate, seconds,
        qint64(std::accumulate(texts.cbegin(), texts.cend(), qint64(0),
                   [](qint64 sum, const QByteArray &text) { return sum + text.size(); })
            / texts.size()),
        perBatch * 2);
    std::printf("| measure | value |\n|---|---:|\n");
    std::printf("| frames written / read back | %lld / %lld (%lld lines, %s) |\n", written, index.frameCount,
        qint64(index.entries.size()),
        index.warnings.isEmpty() ? "no warning" : qPrintable(index.warnings.join(u"; ")));
    std::printf("| wall time | %.3f s |\n", wall);
    std::printf(
        "| rate kept | %.0f frames/s (%.0f lines/s) |\n", double(written) / wall, 2 * double(written) / wall);
    std::printf("| most frames due but not yet written at a tick | %lld (%.1f ms of stream) |\n", maxBehind,
        double(maxBehind) * 1000.0 / rate);
    std::printf("| file | %.1f MB, %.1f MB/s, %.0f bytes per line |\n", double(size) / 1e6,
        double(size) / 1e6 / wall, double(size) / double(2 * written));
    std::printf(
        "| CPU of the recording thread (batches, encoding, flushes) | %.3f s = %.1f %% of one core |\n",
        threadCpu, 100.0 * threadCpu / wall);
    std::printf(
        "| of which SessionWriter::write (encoding into the buffer) | %.3f s = %.1f %% of one core |\n",
        writeCpu, 100.0 * writeCpu / wall);
    std::printf("| CPU of the whole process | %.3f s = %.1f %% of one core |\n", processCpu,
        100.0 * processCpu / wall);
    std::printf("| largest buffer between flushes | %.1f MB |\n", double(maxBuffered) / 1e6);
    std::printf("| capacity: %lld frames as fast as they go (no timer, one flush per 4 MiB) | %.0f frames/s, "
                "%.0f MB/s, CPU %.3f s for %.3f s |\n\n",
        capacityFrames, double(capacityFrames) / fastWall,
        double(QFileInfo(fastPath).size()) / 1e6 / fastWall, fastCpu, fastWall);
    QFile::remove(path);
    QFile::remove(fastPath);
}

// ---- 2. opening ------------------------------------------------------------------------------------------

struct OpenResult
{
    qint64 frames = 0;
    qint64 fileBytes = 0;
    double writeSeconds = 0;
    double indexWall = 0;
    double indexCpu = 0;
    qint64 indexPeakKb = 0;
    qint64 baselineKb = 0;
    qint64 indexFileKb = 0; // RssFile after it: mapped pages of the file (and of the program's libraries)
    qint64 indexBytes = 0;
    double readWall = 0;
    double readCpu = 0;
    qint64 readPeakKb = 0;
    double randomUs = 0;
};

// The file the opening benchmarks read: `frames` small JSON text frames both ways, each with its message.
QString writeOpeningFile(const QString &dir, qint64 frames, double *seconds = nullptr)
{
    const QList<QByteArray> texts = payloads();
    const QString path = dir + u"/open-%1.fls"_s.arg(frames);
    QElapsedTimer clock;
    clock.start();
    SessionWriter writer;
    writer.setFlushInterval(0);
    writer.create(path);
    EventBatch batch;
    for (qint64 n = 0; n < frames; ++n) {
        appendFrameAndMessage(batch, n, 1000000000 + n * 10000, texts.at(int(n % texts.size())), true);
        if (batch.size() >= 20000 || n == frames - 1) {
            writer.write(batch);
            batch.clear();
        }
    }
    writer.close();
    if (seconds)
        *seconds = double(clock.nsecsElapsed()) / 1e9;
    return path;
}

OpenResult benchOpening(const QString &dir, qint64 frames)
{
    OpenResult result;
    result.frames = frames;
    const QString path = writeOpeningFile(dir, frames, &result.writeSeconds);
    result.fileBytes = QFileInfo(path).size();

    // Open and index: what a tab does with a saved session before its first row shows.
    resetPeakMemory();
    result.baselineKb = statusKb("VmRSS");
    {
        QElapsedTimer clock;
        const double cpu = processCpuSeconds();
        clock.start();
        SessionReader reader;
        reader.open(path);
        const SessionIndex index = reader.buildIndex();
        result.indexWall = double(clock.nsecsElapsed()) / 1e9;
        result.indexCpu = processCpuSeconds() - cpu;
        result.indexPeakKb = statusKb("VmHWM");
        result.indexFileKb = statusKb("RssFile");
        result.indexBytes = index.entries.size() * qint64(sizeof(SessionIndex::Entry));
        if (index.frameCount != frames || !index.warnings.isEmpty()) {
            std::fprintf(stderr, "bench_session: the index of %s has %lld frames, expected %lld\n",
                qPrintable(path), index.frameCount, frames);
            std::exit(1);
        }
        // Random events by offset, as a scrolled timeline reads them.
        QRandomGenerator random(1);
        const int reads = 100000;
        clock.start();
        for (int i = 0; i < reads; ++i) {
            if (!reader.readEventAt(index.entries.at(random.bounded(int(index.entries.size()))).offset))
                std::exit(1);
        }
        result.randomUs = double(clock.nsecsElapsed()) / 1e3 / reads;
    }

    // A full sequential read, in batches that are dropped as they go (an export, a replay).
    resetPeakMemory();
    {
        QElapsedTimer clock;
        const double cpu = processCpuSeconds();
        clock.start();
        SessionReader reader;
        reader.open(path);
        qint64 events = 0;
        while (!reader.atEnd())
            events += reader.readBatch(50000).size();
        result.readWall = double(clock.nsecsElapsed()) / 1e9;
        result.readCpu = processCpuSeconds() - cpu;
        result.readPeakKb = statusKb("VmHWM");
        if (events != 2 * frames)
            std::exit(1);
    }
    QFile::remove(path);
    return result;
}

#ifdef FRAMELINE_BENCH_GUI
// ---- 3. opening in the app -------------------------------------------------------------------------------

struct TabResult
{
    qint64 frames = 0;
    qint64 fileBytes = 0;
    double readyMs = 0;   // constructed -> loaded(): indexed, handed over, every row in the model
    double paintedMs = 0; // -> the first screen painted (its previews read from the file)
    double lastMs = 0;    // -> scrolled to the last row and painted
    double searchMs = 0;  // a payload search over every row (the filter worker reading the file)
    qint64 searchRows = 0;
    qint64 peakKb = 0;
    qint64 baselineKb = 0;
    qint64 anonKb = 0; // RssAnon once open and scrolled (the process's own memory)
    qint64 fileKb = 0; // RssFile then (mapped pages: the program's libraries; the file is not mapped)
    qint64 storeBytes = 0; // FrameStore::overheadBytes() + payloadBytes()
};

// Runs the event loop until `done` holds (a benchmark may spin: it is not product code).
template<typename Predicate> void spinUntil(Predicate done)
{
    while (!done())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents | QEventLoop::AllEvents, 50);
}

TabResult benchTab(const QString &path, qint64 frames)
{
    TabResult result;
    result.frames = frames;
    result.fileBytes = QFileInfo(path).size();
    resetPeakMemory();
    result.baselineKb = statusKb("VmRSS");
    QElapsedTimer clock;
    clock.start();
    auto *tab = new SessionTab(path, SessionFiles::Kind::Session, SessionTab::Origin::File);
    tab->resize(1280, 800);
    tab->show();
    spinUntil([tab] { return tab->loadState() != SessionTab::LoadState::Loading; });
    result.readyMs = double(clock.nsecsElapsed()) / 1e6;
    if (!tab->isLoaded() || tab->frameCount() != frames
        || tab->timeline()->viewModel()->rowCount() != int(frames)) {
        std::fprintf(stderr, "bench_session: the tab of %s did not load (%s), %lld frames, %d rows\n",
            qPrintable(path), qPrintable(tab->errorString()), tab->frameCount(),
            tab->timeline()->viewModel()->rowCount());
        std::exit(1);
    }
    QTreeView *view = tab->timeline()->view();
    tab->grab(); // paints the first screen: its rows' previews come from the file
    result.paintedMs = double(clock.nsecsElapsed()) / 1e6;
    view->scrollToBottom();
    tab->grab();
    result.lastMs = double(clock.nsecsElapsed()) / 1e6;
    const QString last = view->model()->index(view->model()->rowCount() - 1, TimelineModel::PreviewColumn)
                             .data()
                             .toString();
    if (!last.startsWith(u"{\"seq\":"_s)) {
        std::fprintf(stderr, "bench_session: last row shows \"%s\"\n", qPrintable(last));
        std::exit(1);
    }
    result.anonKb = statusKb("RssAnon");
    result.fileKb = statusKb("RssFile");
    result.storeBytes = tab->store()->overheadBytes() + tab->store()->payloadBytes();

    // A search through every payload: the proxy's worker reads each one from the file.
    QElapsedTimer search;
    search.start();
    TimelineFilter filter;
    filter.search = u"\"seq\":999,"_s;
    tab->timeline()->setFilter(filter);
    spinUntil([tab] { return !tab->timeline()->proxyModel()->isFiltering(); });
    result.searchMs = double(search.nsecsElapsed()) / 1e6;
    result.searchRows = tab->timeline()->viewModel()->rowCount();
    result.peakKb = statusKb("VmHWM");
    delete tab;
    return result;
}
#endif

} // namespace

int main(int argc, char *argv[])
{
#ifdef FRAMELINE_BENCH_GUI
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
#else
    QCoreApplication app(argc, argv);
#endif
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption rateOption(
        u"rate"_s, u"Frames per second to record (default 100000)."_s, u"N"_s, u"100000"_s);
    const QCommandLineOption secondsOption(
        u"seconds"_s, u"How long to record (default 5)."_s, u"S"_s, u"5"_s);
    const QCommandLineOption sizesOption(u"sizes"_s,
        u"Frames in the files to open (default 100000,1000000)."_s, u"N,N"_s, u"100000,1000000"_s);
    const QCommandLineOption dirOption(
        u"dir"_s, u"Where to write the files (default a temporary folder)."_s, u"DIR"_s);
    const QCommandLineOption onlyTabOption(u"only-tab"_s, u"Only open the files in a session tab."_s);
    parser.addOptions({ rateOption, secondsOption, sizesOption, dirOption, onlyTabOption });
    parser.process(app);

    QTemporaryDir temporary;
    const QString dir = parser.isSet(dirOption) ? parser.value(dirOption) : temporary.path();
    std::printf(
        "# Session files (%d CPU threads; files in %s)\n\n", QThread::idealThreadCount(), qPrintable(dir));
#ifdef FRAMELINE_BENCH_GUI
    const auto runTabs = [&] {
        std::printf("## Opening in a session tab (offscreen; the file in the page cache)\n\n"
                    "| frames | file | loaded (rows ready) | first screen painted | last row painted | "
                    "peak RSS (before) | RssAnon | RssFile | store | search every payload |\n"
                    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (const QString &size : parser.value(sizesOption).split(u',')) {
            const qint64 frames = size.toLongLong();
            if (frames <= 0)
                continue;
            const QString path = writeOpeningFile(dir, frames);
            const TabResult r = benchTab(path, frames);
            std::printf("| %lld | %.0f MB | %.0f ms | %.0f ms | %.0f ms | %.0f MB (%.0f MB) | %.0f MB | %.0f MB | "
                        "%.1f MB | %.0f ms (%lld rows) |\n",
                r.frames, double(r.fileBytes) / 1e6, r.readyMs, r.paintedMs, r.lastMs, mb(r.peakKb),
                mb(r.baselineKb), mb(r.anonKb), mb(r.fileKb), double(r.storeBytes) / (1 << 20), r.searchMs,
                r.searchRows);
            std::fflush(stdout);
            QFile::remove(path);
        }
        std::printf("\n");
    };
    if (parser.isSet(onlyTabOption)) {
        runTabs();
        return 0;
    }
#else
    if (parser.isSet(onlyTabOption)) {
        std::fprintf(stderr, "bench_session: built without the desktop application (FRAMELINE_BUILD_GUI)\n");
        return 2;
    }
#endif
    benchRecording(
        dir, qMax(100, parser.value(rateOption).toInt()), qMax(1, parser.value(secondsOption).toInt()));

    std::printf(
        "## Opening (frames and their messages, both ways: two lines per frame; the file is in the page "
        "cache, as right after recording)\n\n");
    std::printf(
        "| frames | file | index pass (open + buildIndex) | CPU, all threads | peak RSS (VmHWM) | RssFile "
        "after it | the index | full sequential read | its peak RSS | readEventAt |\n"
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (const QString &size : parser.value(sizesOption).split(u',')) {
        const qint64 frames = size.toLongLong();
        if (frames <= 0)
            continue;
        const OpenResult r = benchOpening(dir, frames);
        std::printf(
            "| %lld | %.0f MB | %.0f ms | %.0f ms | %.0f MB (%.0f MB before) | %.0f MB | %.1f MB | %.0f ms "
            "(%.0f ms CPU) | %.0f MB | %.2f us |\n",
            r.frames, double(r.fileBytes) / 1e6, r.indexWall * 1000, r.indexCpu * 1000, mb(r.indexPeakKb),
            mb(r.baselineKb), mb(r.indexFileKb), double(r.indexBytes) / (1 << 20), r.readWall * 1000,
            r.readCpu * 1000, mb(r.readPeakKb), r.randomUs);
        std::fflush(stdout);
    }
#ifdef FRAMELINE_BENCH_GUI
    std::printf("\n");
    runTabs();
#endif
    std::printf(
        "\nRSS counts the pages of the file the reader touched through its memory map (RssFile: shared "
        "with the page cache, given back under memory pressure) as well as its own memory. MB here are "
        "MiB for memory, 10^6 bytes for files.\n");
    return 0;
}
