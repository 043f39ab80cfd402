#pragma once

#include "app/net/connectionevent.h"

#include <QtCore/QAbstractTableModel>
#include <QtCore/QList>

namespace Frameline {

// The clients a server tab's server has had, one row each in the order they connected: id, peer address
// and port, state (with the close code once closed) and frames both ways. Kept from the server's events,
// so it never touches the connections themselves (they live in the network thread).
//
// Owned by its server tab; GUI thread.
class ServerClientsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { IdColumn, PeerColumn, StateColumn, FramesColumn, ColumnCount };

    explicit ServerClientsModel(QObject *parent = nullptr);

    void add(const EventBatch &events);
    void clear();

    quint64 clientId(int row) const;
    int rowOf(quint64 clientId) const; // -1 when unknown
    ConnectionState state(int row) const;
    int openCount() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Client
    {
        quint64 id = 0;
        QString peerAddress;
        quint16 peerPort = 0;
        ConnectionState state = ConnectionState::Upgrading;
        CloseInfo close;
        qint64 framesIn = 0;
        qint64 framesOut = 0;
    };
    int ensureRow(quint64 id); // appends a row for a new client
    QString stateText(const Client &client) const;

    QList<Client> m_clients;
};

} // namespace Frameline
