#include "app/protocol/securerandom.h"

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <cstring>
#include <stdexcept>

namespace Frameline {

namespace {
struct RandomPool
{
    unsigned char bytes[4096];
    qsizetype available = 0;
};
thread_local RandomPool t_pool;

void drawDirect(void *data, qsizetype size)
{
    auto *out = static_cast<unsigned char *>(data);
    while (size > 0) {
        const int chunk = int(qMin<qsizetype>(size, 1 << 20));
        if (RAND_bytes(out, chunk) != 1)
            throw std::runtime_error("OpenSSL RAND_bytes failed: no secure random source");
        out += chunk;
        size -= chunk;
    }
}
} // namespace

void SecureRandom::fill(void *data, qsizetype size)
{
    if (size > qsizetype(sizeof(t_pool.bytes)) / 4) {
        drawDirect(data, size);
        return;
    }
    if (t_pool.available < size) {
        drawDirect(t_pool.bytes, sizeof(t_pool.bytes));
        t_pool.available = sizeof(t_pool.bytes);
    }
    // Hand out bytes from the end of the pool and wipe them, so no key is ever handed out twice.
    unsigned char *from = t_pool.bytes + t_pool.available - size;
    std::memcpy(data, from, size_t(size));
    std::memset(from, 0, size_t(size));
    t_pool.available -= size;
}

std::array<quint8, 4> SecureRandom::maskingKey()
{
    std::array<quint8, 4> key;
    fill(key.data(), 4);
    return key;
}

QByteArray SecureRandom::bytes(qsizetype size)
{
    QByteArray out(size, Qt::Uninitialized);
    fill(out.data(), size);
    return out;
}

void SecureRandom::releaseThreadState()
{
    t_pool.available = 0;
    OPENSSL_thread_stop();
}

} // namespace Frameline
