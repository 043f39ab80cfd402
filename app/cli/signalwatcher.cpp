#include "app/cli/signalwatcher.h"

#include <QtCore/QSocketNotifier>

#include <atomic>
#include <cerrno>
#include <csignal>

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace Frameline {

namespace {
// The write end of the socketpair; read inside the signal handler, so it must be lock-free.
std::atomic<int> s_writeFd = -1;
static_assert(std::atomic<int>::is_always_lock_free);

extern "C" void onPosixSignal(int signalNumber)
{
    // Only async-signal-safe calls here (POSIX.1-2017 §2.4.3): write(2), and errno restored.
    const int savedErrno = errno;
    const int fd = s_writeFd.load(std::memory_order_relaxed);
    if (fd >= 0) {
        const unsigned char byte = static_cast<unsigned char>(signalNumber);
        [[maybe_unused]] const ssize_t written = ::write(fd, &byte, 1);
    }
    errno = savedErrno;
}

bool makeNonBlockingAndCloseOnExec(int fd)
{
    const int flags = ::fcntl(fd, F_GETFL);
    const int fdFlags = ::fcntl(fd, F_GETFD);
    return flags >= 0 && fdFlags >= 0 && ::fcntl(fd, F_SETFL, flags | O_NONBLOCK) == 0
        && ::fcntl(fd, F_SETFD, fdFlags | FD_CLOEXEC) == 0;
}
} // namespace

SignalWatcher::SignalWatcher(const QList<int> &signalNumbers, QObject *parent)
    : QObject(parent)
{
    if (s_writeFd.load() >= 0)
        return; // another watcher owns the handlers
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, m_fds) != 0)
        return;
    if (!makeNonBlockingAndCloseOnExec(m_fds[0]) || !makeNonBlockingAndCloseOnExec(m_fds[1])) {
        ::close(m_fds[0]);
        ::close(m_fds[1]);
        m_fds[0] = m_fds[1] = -1;
        return;
    }
    s_writeFd.store(m_fds[1]);

    for (int signalNumber : signalNumbers) {
        struct sigaction action = {};
        action.sa_handler = onPosixSignal;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESTART; // a signal must not make the event loop's system calls fail
        Installed installed;
        installed.signalNumber = signalNumber;
        if (::sigaction(signalNumber, &action, &installed.previous) == 0)
            m_installed.push_back(installed);
    }

    m_notifier = new QSocketNotifier(qintptr(m_fds[0]), QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &SignalWatcher::onReadable);
}

SignalWatcher::~SignalWatcher()
{
    for (const Installed &installed : m_installed)
        ::sigaction(installed.signalNumber, &installed.previous, nullptr);
    if (m_fds[0] >= 0) {
        s_writeFd.store(-1);
        delete m_notifier;
        ::close(m_fds[0]);
        ::close(m_fds[1]);
    }
}

void SignalWatcher::onReadable()
{
    unsigned char buffer[64];
    for (;;) {
        const ssize_t got = ::read(m_fds[0], buffer, sizeof buffer);
        if (got <= 0)
            break;
        for (ssize_t i = 0; i < got; ++i)
            Q_EMIT signalReceived(int(buffer[i]));
    }
}

} // namespace Frameline
