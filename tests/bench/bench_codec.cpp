// Wire codec throughput: decoding (FrameParser, StreamDecoder) and encoding (FrameWriter) of streams of
// masked client frames with payloads of 16 B, 1 KiB, 64 KiB and 1 MiB, next to physical references
// measured in the same run on the same bytes: memcpy of the whole stream, memcpy of each payload into one
// reused buffer (the parser's own access pattern), and a byte-at-a-time XOR unmask loop (how Qt
// WebSockets 6.4 unmasks).
//
// A plain program, not a Qt Test: it prints Markdown tables for docs/performance.md and never asserts on
// time. It does check that every run decoded every frame without a violation, and exits 1 if not.
// Each round runs every measurement once, back to back, so that a busy spell on a shared machine hits a
// whole round rather than one measurement and ratios are taken within a round. Figures are wall clock
// (steady_clock), best and median round; a second table divides by the thread's CPU time instead, which
// leaves out the time it waited for a core (the first table says how large that share was).
//
//   bench_codec [--reps N]   (default 7 timed rounds after one untimed warm-up round)

#include "app/protocol/frameparser.h"
#include "app/protocol/framewriter.h"
#include "app/protocol/streamdecoder.h"

#include <QtCore/QByteArray>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <functional>
#include <memory>
#include <string>
#include <vector>

using namespace Frameline;

namespace {

using Clock = std::chrono::steady_clock;

// Results are folded into this so that no measured work can be optimised away.
volatile quint64 g_sink = 0;

constexpr quint8 BinaryOpcode = 0x2;

struct Workload
{
    qsizetype payloadSize = 0;
    qsizetype frameCount = 0;
    int headerSize = 0;
    QByteArray stream; // the frames as a client sends them (masked), back to back
    QByteArray payloads; // the same payloads unmasked, back to back: the writer's input

    qint64 payloadBytes() const { return qint64(payloadSize) * frameCount; }
    qsizetype frameSize() const { return headerSize + payloadSize; }
};

void fillPseudoRandom(char *data, qsizetype size, quint64 seed)
{
    quint64 state = seed;
    qsizetype i = 0;
    for (; i + 8 <= size; i += 8) {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        std::memcpy(data + i, &state, 8);
    }
    for (; i < size; ++i)
        data[i] = char(i);
}

// Roughly 256 MiB of payload per size (memory-bound: far beyond the caches), and at least ten million
// frames of the smallest size.
Workload makeWorkload(qsizetype payloadSize)
{
    constexpr qint64 TargetPayloadBytes = 256ll * 1024 * 1024;
    constexpr qsizetype MinimumSmallFrames = 10 * 1024 * 1024;
    Workload w;
    w.payloadSize = payloadSize;
    w.frameCount = qsizetype(
        qMax<qint64>(TargetPayloadBytes / payloadSize, payloadSize <= 16 ? MinimumSmallFrames : 1));
    w.headerSize = FrameWriter::headerLength(quint64(payloadSize), true);

    w.payloads.resize(qsizetype(w.payloadBytes()));
    fillPseudoRandom(w.payloads.data(), w.payloads.size(), 0x9E3779B97F4A7C15ull ^ quint64(payloadSize));
    w.stream.reserve(w.frameCount * w.frameSize());
    for (qsizetype i = 0; i < w.frameCount; ++i) {
        FrameWriter::appendFrame(w.stream, Endpoint::Client, BinaryOpcode,
            QByteArrayView(w.payloads.constData() + i * payloadSize, payloadSize));
    }
    return w;
}

double medianOf(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

// The timed runs of one measurement: wall-clock time (steady_clock) and this thread's CPU time, which
// leaves out the time the thread waited for a core on a machine shared with other work.
struct Timing
{
    std::vector<double> wall;
    std::vector<double> cpu;

    double bestWall() const { return *std::min_element(wall.begin(), wall.end()); }
    double medianWall() const { return medianOf(wall); }
    double medianCpu() const { return medianOf(cpu); }
};

double threadCpuSeconds()
{
    timespec now {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) + double(now.tv_nsec) * 1e-9;
}

[[noreturn]] void fail(const char *what, qsizetype payloadSize, qint64 got, qint64 expected)
{
    std::fprintf(stderr, "bench_codec: %s for %lld-byte frames: %lld, expected %lld\n", what,
        static_cast<long long>(payloadSize), static_cast<long long>(got), static_cast<long long>(expected));
    std::exit(1);
}

// Touches each payload minimally (its first byte), as any consumer at least would.
class ParserTouch final : public FrameParser::Handler
{
public:
    void frameParsed(Frame &frame) override
    {
        ++frames;
        violations += frame.violations.size();
        if (!frame.payload.isEmpty())
            sum += quint8(frame.payload.front());
    }
    qint64 frames = 0;
    qint64 violations = 0;
    quint64 sum = 0;
};

class DecoderTouch final : public StreamDecoder::Handler
{
public:
    void frameDecoded(const Frame &frame) override
    {
        ++frames;
        violations += frame.violations.size();
    }
    void messageDecoded(const Message &message) override
    {
        ++messages;
        if (!message.payload.isEmpty())
            sum += quint8(message.payload.front());
    }
    qint64 frames = 0;
    qint64 messages = 0;
    qint64 violations = 0;
    quint64 sum = 0;
};

// Qt WebSockets 6.4 unmasks one byte at a time (payload[i] ^= mask[i % 4]). Kept scalar on purpose, so
// that it measures that loop and not what a vectorising compiler might make of it (GCC 12 at -O2 leaves
// it scalar anyway; the attribute makes that explicit).
#if defined(__clang__)
__attribute__((noinline))
#else
__attribute__((noinline, optimize("no-tree-vectorize")))
#endif
void unmaskBytewise(const char *in, char *out, qsizetype size, const quint8 *key)
{
#if defined(__clang__)
#pragma clang loop vectorize(disable) interleave(disable)
#endif
    for (qsizetype i = 0; i < size; ++i)
        out[i] = char(quint8(in[i]) ^ key[i % 4]);
}

enum Row {
    ParseWhole,
    ParsePieces,
    Decoder,
    MemcpyStream,
    MemcpyFrames,
    BytewiseXor,
    Writer,
    RowCount,
};

const char *const RowNames[RowCount] = {
    "FrameParser: parse + unmask",
    "FrameParser, fed in 64 KiB pieces",
    "StreamDecoder: parse + unmask + message assembly",
    "memcpy of the whole stream (reference)",
    "memcpy of each payload into one reused buffer",
    "byte-at-a-time XOR unmask (Qt 6.4 style)",
    "FrameWriter::appendFrame (client, masked)",
};

struct SizeResult
{
    qsizetype payloadSize = 0;
    qsizetype frameCount = 0;
    qint64 payloadBytes = 0;
    qint64 streamBytes = 0;
    Timing timings[RowCount];
};

SizeResult runSize(qsizetype payloadSize, int repetitions)
{
    const Workload w = makeWorkload(payloadSize);
    SizeResult result;
    result.payloadSize = payloadSize;
    result.frameCount = w.frameCount;
    result.payloadBytes = w.payloadBytes();
    result.streamBytes = w.stream.size();
    const QByteArrayView stream(w.stream);
    const qsizetype size = w.payloadSize;
    const qsizetype frameSize = w.frameSize();

    FrameParser::Options parserOptions;
    parserOptions.sender = Endpoint::Client;
    auto checkParser = [&](const ParserTouch &touch, const FrameParser &parser) {
        if (touch.frames != w.frameCount)
            fail("frames parsed", size, touch.frames, w.frameCount);
        if (touch.violations != 0)
            fail("violations", size, touch.violations, 0);
        if (parser.bytesConsumed() != stream.size())
            fail("bytes consumed", size, parser.bytesConsumed(), stream.size());
        g_sink = g_sink + touch.sum;
    };

    std::function<void()> runs[RowCount];
    runs[ParseWhole] = [&] {
        FrameParser parser(parserOptions);
        ParserTouch touch;
        parser.feed(stream, touch);
        checkParser(touch, parser);
    };

    runs[ParsePieces] = [&] {
        constexpr qsizetype Piece = 64 * 1024;
        FrameParser parser(parserOptions);
        ParserTouch touch;
        for (qsizetype at = 0; at < stream.size(); at += Piece)
            parser.feed(stream.sliced(at, qMin(Piece, stream.size() - at)), touch);
        checkParser(touch, parser);
    };

    runs[Decoder] = [&] {
        StreamDecoder::Options options;
        options.sender = Endpoint::Client;
        DecoderTouch touch;
        StreamDecoder decoder(options, touch);
        decoder.feed(stream);
        if (touch.frames != w.frameCount || touch.messages != w.frameCount)
            fail("messages decoded", size, touch.messages, w.frameCount);
        if (touch.violations != 0)
            fail("violations", size, touch.violations, 0);
        g_sink = g_sink + touch.sum;
    };

    std::unique_ptr<char[]> destination(new char[size_t(stream.size())]);
    runs[MemcpyStream] = [&] {
        std::memcpy(destination.get(), stream.data(), size_t(stream.size()));
        g_sink = g_sink + quint8(destination[qsizetype(g_sink % quint64(stream.size()))]);
    };

    std::unique_ptr<char[]> frameBuffer(new char[size_t(qMax<qsizetype>(size, 1))]);
    runs[MemcpyFrames] = [&] {
        quint64 sum = 0;
        for (qsizetype i = 0; i < w.frameCount; ++i) {
            std::memcpy(frameBuffer.get(), stream.data() + i * frameSize + w.headerSize, size_t(size));
            sum += quint8(frameBuffer[0]);
        }
        g_sink = g_sink + sum;
    };

    runs[BytewiseXor] = [&] {
        quint64 sum = 0;
        for (qsizetype i = 0; i < w.frameCount; ++i) {
            const char *frame = stream.data() + i * frameSize;
            const auto *key = reinterpret_cast<const quint8 *>(frame + w.headerSize - 4);
            unmaskBytewise(frame + w.headerSize, frameBuffer.get(), size, key);
            sum += quint8(frameBuffer[0]);
        }
        g_sink = g_sink + sum;
    };

    runs[Writer] = [&] {
        // One reused output buffer, emptied (capacity kept) whenever it holds 1 MiB, as a socket writer
        // would after handing the bytes to the kernel.
        constexpr qsizetype Flush = 1024 * 1024;
        QByteArray out;
        out.reserve(Flush + frameSize);
        qint64 written = 0;
        for (qsizetype i = 0; i < w.frameCount; ++i) {
            FrameWriter::appendFrame(
                out, Endpoint::Client, BinaryOpcode, QByteArrayView(w.payloads.constData() + i * size, size));
            if (out.size() >= Flush) {
                written += out.size();
                g_sink = g_sink + quint8(out.back());
                out.resize(0);
            }
        }
        written += out.size();
        if (written != stream.size())
            fail("bytes written", size, written, stream.size());
    };

    // A warm-up round (first touch of destination pages, lazy allocations), then the timed rounds.
    for (const auto &run : runs)
        run();
    for (int round = 0; round < repetitions; ++round) {
        for (int row = 0; row < RowCount; ++row) {
            const double cpuStart = threadCpuSeconds();
            const auto start = Clock::now();
            runs[row]();
            result.timings[row].wall.push_back(std::chrono::duration<double>(Clock::now() - start).count());
            result.timings[row].cpu.push_back(threadCpuSeconds() - cpuStart);
        }
    }
    return result;
}

std::string sizeName(qsizetype size)
{
    if (size >= 1024 * 1024)
        return std::to_string(size / (1024 * 1024)) + " MiB";
    if (size >= 1024)
        return std::to_string(size / 1024) + " KiB";
    return std::to_string(size) + " B";
}

std::string rate(double perSecond)
{
    char text[32];
    if (perSecond >= 1e6)
        std::snprintf(text, sizeof text, "%.1f M", perSecond / 1e6);
    else if (perSecond >= 1e3)
        std::snprintf(text, sizeof text, "%.1f k", perSecond / 1e3);
    else
        std::snprintf(text, sizeof text, "%.0f", perSecond);
    return text;
}

// Per round, memcpy time over parse time: parse throughput as a share of memcpy's on the same bytes.
std::vector<double> parseShareOfMemcpy(const SizeResult &r, bool cpuTime)
{
    const std::vector<double> &parse = cpuTime ? r.timings[ParseWhole].cpu : r.timings[ParseWhole].wall;
    const std::vector<double> &copy = cpuTime ? r.timings[MemcpyStream].cpu : r.timings[MemcpyStream].wall;
    std::vector<double> shares;
    for (size_t i = 0; i < parse.size(); ++i)
        shares.push_back(copy[i] / parse[i]);
    return shares;
}

// Share of the wall time the thread was on a CPU, over all measurements of all rounds.
double onCpuShare(const SizeResult &r)
{
    double wall = 0;
    double cpu = 0;
    for (const Timing &t : r.timings) {
        for (size_t i = 0; i < t.wall.size(); ++i) {
            wall += t.wall[i];
            cpu += t.cpu[i];
        }
    }
    return cpu / wall;
}

void printHeaderRow(const std::vector<SizeResult> &results)
{
    std::printf("| Measurement |");
    for (const SizeResult &r : results)
        std::printf(" %s |", sizeName(r.payloadSize).c_str());
    std::printf("\n|---|");
    for (size_t i = 0; i < results.size(); ++i)
        std::printf("---:|");
    std::printf("\n");
}

// Wall clock: best memcpy round over best parse round (median of the per-round shares); CPU time: the median
// of the per-round shares.
void printShareRow(const std::vector<SizeResult> &results, bool cpuTime)
{
    std::printf("| **parse + unmask as a share of memcpy of the same bytes** |");
    for (const SizeResult &r : results) {
        const double median = medianOf(parseShareOfMemcpy(r, cpuTime));
        if (cpuTime)
            std::printf(" %.0f %% |", 100 * median);
        else
            std::printf(" %.0f %% (%.0f %%) |",
                100 * r.timings[MemcpyStream].bestWall() / r.timings[ParseWhole].bestWall(), 100 * median);
    }
    std::printf("\n");
}

bool countsFrames(int row)
{
    return row == ParseWhole || row == ParsePieces || row == Decoder || row == Writer;
}

void printTables(const std::vector<SizeResult> &results, int repetitions)
{
    std::printf("\nWorkloads (masked binary client frames, one frame per message), %d timed rounds:\n\n",
        repetitions);
    std::printf(
        "| Payload | Frames | Stream (MiB) | Payload (MiB) | Thread on CPU |\n|---|---:|---:|---:|---:|\n");
    for (const SizeResult &r : results)
        std::printf("| %s | %lld | %.1f | %.1f | %.0f %% of wall time |\n", sizeName(r.payloadSize).c_str(),
            static_cast<long long>(r.frameCount), double(r.streamBytes) / (1 << 20),
            double(r.payloadBytes) / (1 << 20), 100 * onCpuShare(r));

    std::printf(
        "\nPayload throughput, wall clock: GB/s (10^9 payload bytes per second), best (median) round\n\n");
    printHeaderRow(results);
    for (int row = 0; row < RowCount; ++row) {
        std::printf("| %s |", RowNames[row]);
        for (const SizeResult &r : results) {
            const Timing &t = r.timings[row];
            std::printf(" %.2f (%.2f) |", double(r.payloadBytes) / t.bestWall() / 1e9,
                double(r.payloadBytes) / t.medianWall() / 1e9);
        }
        std::printf("\n");
    }
    printShareRow(results, false);

    std::printf("\nFrames per second, wall clock: best (median) round\n\n");
    printHeaderRow(results);
    for (int row = 0; row < RowCount; ++row) {
        if (!countsFrames(row))
            continue;
        std::printf("| %s |", RowNames[row]);
        for (const SizeResult &r : results) {
            const Timing &t = r.timings[row];
            std::printf(" %s (%s) |", rate(double(r.frameCount) / t.bestWall()).c_str(),
                rate(double(r.frameCount) / t.medianWall()).c_str());
        }
        std::printf("\n");
    }

    std::printf("\nPer second of thread CPU time (time spent waiting for a core left out), median round\n\n");
    printHeaderRow(results);
    for (int row = 0; row < RowCount; ++row) {
        std::printf("| %s |", RowNames[row]);
        for (const SizeResult &r : results) {
            const double seconds = r.timings[row].medianCpu();
            if (countsFrames(row))
                std::printf(" %.2f GB/s, %s frames/s |", double(r.payloadBytes) / seconds / 1e9,
                    rate(double(r.frameCount) / seconds).c_str());
            else
                std::printf(" %.2f GB/s |", double(r.payloadBytes) / seconds / 1e9);
        }
        std::printf("\n");
    }
    printShareRow(results, true);

    // The targets from the issue, reported (never asserted), on the median round.
    std::printf("\nTargets (median round; wall clock / CPU time):\n");
    for (const SizeResult &r : results) {
        if (r.payloadSize == 64 * 1024) {
            const double wall = medianOf(parseShareOfMemcpy(r, false));
            const double cpu = medianOf(parseShareOfMemcpy(r, true));
            std::printf("- parse + unmask of 64 KiB frames >= 80 %% of memcpy: %.0f %% / %.0f %% (%s)\n",
                100 * wall, 100 * cpu, wall >= 0.8 && cpu >= 0.8 ? "met" : "missed");
        }
        if (r.payloadSize == 16) {
            const double wall = double(r.frameCount) / r.timings[ParseWhole].medianWall();
            const double cpu = double(r.frameCount) / r.timings[ParseWhole].medianCpu();
            std::printf("- >= 20 million 16-byte frames/s: %.1f million / %.1f million (%s)\n", wall / 1e6,
                cpu / 1e6, wall >= 20e6 && cpu >= 20e6 ? "met" : "missed");
        }
    }
}

} // namespace

int main(int argc, char **argv)
{
    int repetitions = 7;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--reps") == 0 && i + 1 < argc) {
            repetitions = std::max(1, std::atoi(argv[++i]));
        } else {
            std::fprintf(stderr, "usage: %s [--reps N]\n", argv[0]);
            return 2;
        }
    }

    std::vector<SizeResult> results;
    for (qsizetype size : { qsizetype(16), qsizetype(1024), qsizetype(64 * 1024), qsizetype(1024 * 1024) }) {
        std::fprintf(stderr, "bench_codec: %s frames...\n", sizeName(size).c_str());
        results.push_back(runSize(size, repetitions));
    }
    printTables(results, repetitions);
    return 0;
}
