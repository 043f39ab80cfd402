// Connections doing their I/O in the network thread while events arrive, batched, in the main thread.

#include "app/net/clientconnection.h"
#include "app/net/networkthread.h"
#include "app/net/server.h"

#include <QtCore/QThread>
#include <QtTest/QTest>

using namespace Frameline;
using namespace Qt::StringLiterals;

class tst_NetworkThread : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void eventsCrossToTheMainThread();
};

void tst_NetworkThread::eventsCrossToTheMainThread()
{
    NetworkThread network;
    Server::Options serverOptions;
    serverOptions.behaviour = Server::Behaviour::Echo;
    auto *server = new Server(serverOptions);
    network.adopt(server);
    QString url;
    network.runAndWait([server, &url] {
        QString error;
        if (server->listen(&error))
            url = server->url();
    });
    QVERIFY(!url.isEmpty());

    ClientConnection::Options options;
    options.url = QUrl(url);
    auto *client = new ClientConnection(options);
    network.adopt(client);
    QCOMPARE(client->thread(), network.thread());

    int batches = 0;
    QList<QByteArray> echoed;
    QThread *deliveredIn = nullptr;
    connect(client, &Connection::eventsReady, this, [&](const EventBatch &batch) {
        ++batches;
        deliveredIn = QThread::currentThread();
        for (const ConnectionEvent &event : batch) {
            if (const auto *message = std::get_if<MessageEvent>(&event); message && message->direction == Direction::Incoming)
                echoed.append(message->message.payload);
        }
    });
    // Signals from the network thread are counted in this thread (queued), not with a QSignalSpy:
    // the connection may open before a spy's wait() has started.
    bool opened = false;
    bool closed = false;
    connect(client, &Connection::opened, this, [&] { opened = true; });
    connect(client, &Connection::closed, this, [&] { closed = true; });
    NetworkThread::post(client, [client] { client->open(); });
    QTRY_VERIFY_WITH_TIMEOUT(opened, 5000);

    NetworkThread::post(client, [client] {
        for (int i = 0; i < 1000; ++i)
            client->sendText(QByteArray::number(i));
    });
    QTRY_COMPARE_WITH_TIMEOUT(echoed.size(), 1000, 10000);
    QCOMPARE(echoed.constFirst(), QByteArray("0"));
    QCOMPARE(echoed.constLast(), QByteArray("999"));
    QCOMPARE(deliveredIn, QThread::currentThread());
    // 1000 messages and their frames both ways arrive in far fewer batches than events.
    QVERIFY2(batches < 500, qPrintable(QString::number(batches)));

    NetworkThread::post(client, [client] { client->close(1000); });
    QTRY_VERIFY_WITH_TIMEOUT(closed, 5000);
    quint16 code = 0;
    network.runAndWait([client, &code] { code = client->closeInfo().code; });
    QCOMPARE(code, quint16(1000));
}

QTEST_GUILESS_MAIN(tst_NetworkThread)
#include "tst_networkthread.moc"
