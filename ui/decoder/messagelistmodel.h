#pragma once

#include "app/protocol/messageassembler.h"

#include <QtCore/QAbstractTableModel>
#include <QtCore/QList>
#include <QtGui/QIcon>

namespace Frameline {

// The data messages of one decoded byte stream as a table: one row per message (inflated when it was
// compressed), with the frames that carried it, its lengths, a preview and its violations.
//
// Owned by its view's widget; GUI thread.
class MessageListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        IndexColumn,
        OffsetColumn,
        OpcodeColumn,
        FramesColumn,
        LengthColumn,
        WireLengthColumn,
        CompressedColumn,
        PayloadColumn,
        ViolationsColumn,
        ColumnCount
    };
    enum Role {
        SeverityRole = Qt::UserRole + 1, // int(Severity) of the message's worst violation
    };

    explicit MessageListModel(QObject *parent = nullptr);

    void setMessages(QList<Message> messages);
    const Message &messageAt(int row) const { return m_messages.at(row); }
    // Call on QEvent::LanguageChange.
    void retranslate();

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString displayText(const Message &message, int column) const;

    QList<Message> m_messages;
    QIcon m_errorIcon;
    QIcon m_warningIcon;
};

} // namespace Frameline
