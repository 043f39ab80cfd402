#pragma once

#include "ui/decoder/decodedstream.h"

#include <QtCore/QAbstractTableModel>
#include <QtCore/QList>
#include <QtGui/QIcon>

namespace Frameline {

// The frames of one decoded byte stream as a table: one row per frame, one column per header field,
// a payload preview and the violations. A small model over copied rows for the decoder window (the
// connection timeline, with its frame store and batched inserts, is a different model).
//
// Owned by its view's widget; GUI thread.
class FrameListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        IndexColumn,
        OffsetColumn,
        FinColumn,
        Rsv1Column,
        Rsv2Column,
        Rsv3Column,
        OpcodeColumn,
        MaskColumn,
        MaskingKeyColumn,
        LengthColumn,
        LengthFormColumn,
        PayloadColumn,
        ViolationsColumn,
        ColumnCount
    };
    enum Role {
        SeverityRole = Qt::UserRole + 1, // int(Severity) of the row's worst violation
    };

    explicit FrameListModel(QObject *parent = nullptr);

    void setFrames(QList<FrameRecord> frames);
    const FrameRecord &frameAt(int row) const { return m_frames.at(row); }
    // Call on QEvent::LanguageChange: headers and cells are re-read in the new language.
    void retranslate();

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString displayText(const FrameRecord &record, int column) const;

    QList<FrameRecord> m_frames;
    QIcon m_errorIcon;
    QIcon m_warningIcon;
};

} // namespace Frameline
