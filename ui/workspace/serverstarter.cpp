#include "ui/workspace/serverstarter.h"

#include "app/net/networkthread.h"
#include "app/net/server.h"

namespace Frameline {

void ServerStarter::start(NetworkThread *network, Server *server, QObject *context,
    std::function<void(const Frameline::ServerStarter::Result &)> done)
{
    static const int registered = qRegisterMetaType<Frameline::ServerStarter::Result>();
    Q_UNUSED(registered)
    auto *relay = new ServerStarter;
    connect(relay, &ServerStarter::finished, context, std::move(done), Qt::QueuedConnection);
    network->adopt(relay);
    NetworkThread::post(server, [server, relay] {
        Result result;
        result.listening = server->listen(&result.error);
        if (result.listening) {
            result.url = server->url();
            result.port = server->port();
        }
        Q_EMIT relay->finished(result);
        relay->deleteLater();
    });
}

} // namespace Frameline
