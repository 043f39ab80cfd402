#pragma once

#include <QtCore/QObject>
#include <QtCore/QThread>

#include <functional>

namespace Frameline {

// The thread where connections and servers do their network I/O and parsing, so the GUI thread only
// receives batches of events (queued signals) and never waits on a socket.
//
// Usage: create a ClientConnection or Server with no parent, adopt() it, then call into it only with
// post() (or queued signals). Destroying the NetworkThread deletes what it adopted, in its own thread,
// and then stops it.
class NetworkThread
{
public:
    NetworkThread();
    ~NetworkThread();
    NetworkThread(const NetworkThread &) = delete;
    NetworkThread &operator=(const NetworkThread &) = delete;

    QThread *thread() { return &m_thread; }
    // Moves `object` (created in the calling thread, without a parent) to the network thread; it is
    // deleted with the NetworkThread unless deleted earlier with release().
    void adopt(QObject *object);
    // Deletes an adopted object in the network thread (asynchronously).
    void release(QObject *object);
    // Runs `function` in the network thread, in the context of `object` (dropped if it is gone).
    static void post(QObject *object, std::function<void()> function);
    // Runs `function` in the network thread and waits for it (never from the network thread itself).
    void runAndWait(std::function<void()> function);

private:
    QThread m_thread;
    QObject *m_root = nullptr; // lives in the thread; parent of everything adopted
};

} // namespace Frameline
