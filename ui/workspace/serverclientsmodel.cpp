#include "ui/workspace/serverclientsmodel.h"

#include <QtNetwork/QHostAddress>

#include <set>

namespace Frameline {

ServerClientsModel::ServerClientsModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

int ServerClientsModel::ensureRow(quint64 id)
{
    const int existing = rowOf(id);
    if (existing >= 0)
        return existing;
    const int row = int(m_clients.size());
    beginInsertRows(QModelIndex(), row, row);
    Client client;
    client.id = id;
    m_clients.append(client);
    endInsertRows();
    return row;
}

void ServerClientsModel::add(const EventBatch &events)
{
    std::set<int> changed;
    for (const ConnectionEvent &event : events) {
        if (const auto *frame = std::get_if<FrameEvent>(&event)) {
            if (frame->connectionId == 0)
                continue;
            const int row = ensureRow(frame->connectionId);
            Client &client = m_clients[row];
            if (frame->direction == Direction::Incoming)
                ++client.framesIn;
            else
                ++client.framesOut;
            changed.insert(row);
        } else if (const auto *notice = std::get_if<ConnectionNotice>(&event)) {
            if (notice->connectionId == 0)
                continue;
            const int row = ensureRow(notice->connectionId);
            Client &client = m_clients[row];
            if (notice->kind == ConnectionNotice::Kind::StateChanged) {
                client.state = notice->state;
                if (notice->state == ConnectionState::Closed)
                    client.close = notice->close;
            } else if (notice->kind == ConnectionNotice::Kind::Handshake && notice->handshake) {
                client.peerAddress = notice->handshake->peerAddress;
                client.peerPort = notice->handshake->peerPort;
            }
            changed.insert(row);
        }
    }
    for (const int row : changed)
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void ServerClientsModel::clear()
{
    if (m_clients.isEmpty())
        return;
    beginResetModel();
    m_clients.clear();
    endResetModel();
}

quint64 ServerClientsModel::clientId(int row) const
{
    return row >= 0 && row < m_clients.size() ? m_clients.at(row).id : 0;
}

int ServerClientsModel::rowOf(quint64 clientId) const
{
    for (int row = 0; row < m_clients.size(); ++row) {
        if (m_clients.at(row).id == clientId)
            return row;
    }
    return -1;
}

ConnectionState ServerClientsModel::state(int row) const
{
    return row >= 0 && row < m_clients.size() ? m_clients.at(row).state : ConnectionState::Closed;
}

int ServerClientsModel::openCount() const
{
    int count = 0;
    for (const Client &client : m_clients)
        count += client.state == ConnectionState::Open ? 1 : 0;
    return count;
}

int ServerClientsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_clients.size());
}

int ServerClientsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ServerClientsModel::stateText(const Client &client) const
{
    if (client.state != ConnectionState::Closed)
        return ConnectionText::stateName(client.state);
    return tr("Closed (%1)").arg(client.close.code);
}

QVariant ServerClientsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const Client &client = m_clients.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case IdColumn:
            return QStringLiteral("#%1").arg(client.id);
        case PeerColumn: {
            if (client.peerAddress.isEmpty())
                return QStringLiteral("—");
            // An IPv6 peer is written [addr]:port so the port cannot be taken for part of it.
            const bool ipv6 = QHostAddress(client.peerAddress).protocol() == QAbstractSocket::IPv6Protocol;
            return ipv6 ? QStringLiteral("[%1]:%2").arg(client.peerAddress).arg(client.peerPort)
                        : QStringLiteral("%1:%2").arg(client.peerAddress).arg(client.peerPort);
        }
        case StateColumn:
            return stateText(client);
        case FramesColumn:
            return tr("%1 in · %2 out").arg(client.framesIn).arg(client.framesOut);
        default:
            break;
        }
    } else if (role == Qt::ToolTipRole && index.column() == StateColumn
        && client.state == ConnectionState::Closed) {
        return client.close.reason.isEmpty() ? QVariant() : QVariant(client.close.reason);
    } else if (role == Qt::UserRole) {
        return QVariant::fromValue(client.id);
    }
    return QVariant();
}

QVariant ServerClientsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QVariant();
    switch (section) {
    case IdColumn:
        return tr("Client");
    case PeerColumn:
        return tr("Peer");
    case StateColumn:
        return tr("State");
    case FramesColumn:
        return tr("Frames");
    default:
        return QVariant();
    }
}

} // namespace Frameline
