#include "app/net/networkthread.h"

#include "app/protocol/securerandom.h"

#include <QtCore/QMetaObject>

namespace Frameline {

NetworkThread::NetworkThread()
{
    m_thread.setObjectName(QStringLiteral("Frameline network"));
    m_root = new QObject;
    m_root->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, &m_thread, [] { SecureRandom::releaseThreadState(); },
                     Qt::DirectConnection);
    m_thread.start();
}

NetworkThread::~NetworkThread()
{
    // Delete the adopted objects where they live, so their sockets close in their own thread.
    QObject *root = m_root;
    runAndWait([root] { delete root; });
    m_thread.quit();
    m_thread.wait();
}

void NetworkThread::adopt(QObject *object)
{
    Q_ASSERT(!object->parent());
    object->moveToThread(&m_thread);
    QObject *root = m_root;
    QMetaObject::invokeMethod(root, [object, root] { object->setParent(root); }, Qt::QueuedConnection);
}

void NetworkThread::release(QObject *object)
{
    QMetaObject::invokeMethod(object, [object] { delete object; }, Qt::QueuedConnection);
}

void NetworkThread::post(QObject *object, std::function<void()> function)
{
    QMetaObject::invokeMethod(object, std::move(function), Qt::QueuedConnection);
}

void NetworkThread::runAndWait(std::function<void()> function)
{
    Q_ASSERT(QThread::currentThread() != &m_thread);
    QMetaObject::invokeMethod(m_root, std::move(function), Qt::BlockingQueuedConnection);
}

} // namespace Frameline
