#pragma once

#include <QtCore/QList>
#include <QtCore/QObject>

#include <signal.h>

#include <vector>

QT_BEGIN_NAMESPACE
class QSocketNotifier;
QT_END_NAMESPACE

namespace Frameline {

// Turns POSIX signals (SIGINT, SIGTERM, ...) into a Qt signal on the thread that owns the watcher.
//
// The handler does the only async-signal-safe thing it can: it writes the signal number into one end of
// a socketpair (the self-pipe trick). A QSocketNotifier on the other end reads it in the event loop,
// where Qt may be used freely. One watcher at a time per process; it restores the previous handlers
// when destroyed. Owned by the command that runs the event loop; lives on the main thread.
class SignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit SignalWatcher(const QList<int> &signalNumbers, QObject *parent = nullptr);
    ~SignalWatcher() override;

    // False when the socketpair or a handler could not be set up (the signals then act as before).
    bool isActive() const { return m_notifier != nullptr; }

Q_SIGNALS:
    void signalReceived(int signalNumber);

private:
    void onReadable();

    int m_fds[2] = { -1, -1 };
    QSocketNotifier *m_notifier = nullptr;
    struct Installed
    {
        int signalNumber = 0;
        struct sigaction previous = {};
    };
    std::vector<Installed> m_installed;
};

} // namespace Frameline
