#pragma once

#include <QtCore/QByteArray>

#include <array>

namespace Frameline {

// Cryptographically secure random bytes (OpenSSL's RAND_bytes), for masking keys (RFC 6455 §5.3 asks for
// a strong source of entropy) and Sec-WebSocket-Key nonces. Draws in blocks to keep the per-frame cost
// low; thread-safe (each thread keeps its own block).
class SecureRandom
{
public:
    static void fill(void *data, qsizetype size);
    static std::array<quint8, 4> maskingKey();
    static QByteArray bytes(qsizetype size);

    // Frees what OpenSSL keeps for the calling thread (its random generators, error queue). OpenSSL does
    // this itself when a thread ends, but only if the thread ends before OpenSSL's atexit cleanup; a
    // thread that Qt reports finished may still be ending while the process exits. Threads of ours that
    // draw random bytes or do TLS call this as they finish (QThread::finished, direct connection).
    static void releaseThreadState();
};

} // namespace Frameline
