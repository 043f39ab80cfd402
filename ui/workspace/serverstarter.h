#pragma once

#include <QtCore/QObject>
#include <QtCore/QString>

#include <functional>

namespace Frameline {

class NetworkThread;
class Server;

// Starts an adopted Server listening in the network thread and reports the outcome back to a GUI object,
// without blocking the GUI thread (generating a self-signed certificate can take a moment) and without
// touching the GUI object if it is gone by then: the outcome travels as a queued signal of a relay object
// that lives in the network thread.
//
// Usage: ServerStarter::start(network, server, this, [](const ServerStarter::Result &) { ... });
class ServerStarter : public QObject
{
    Q_OBJECT
public:
    struct Result
    {
        bool listening = false;
        QString error;
        QString url;
        quint16 port = 0;
    };

    static void start(NetworkThread *network, Server *server, QObject *context,
        std::function<void(const Frameline::ServerStarter::Result &)> done);

Q_SIGNALS:
    void finished(const Frameline::ServerStarter::Result &result);

private:
    ServerStarter() = default;
};

} // namespace Frameline

Q_DECLARE_METATYPE(Frameline::ServerStarter::Result)
