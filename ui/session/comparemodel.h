#pragma once

#include "app/session/compare.h"

#include <QtCore/QAbstractTableModel>
#include <QtGui/QPalette>

namespace Frameline {

// The pairs of a comparison (Compare::Result), one row each, in order: its number, the outcome (Equal,
// Different, Missing, Extra), a one-line preview of the recorded and the replayed message, and what
// differs (the differing JSON paths, the first differing character or byte). Rows that are not equal
// are tinted by outcome; the tooltip is Compare's explanation.
//
// Owned by the CompareWidget; GUI thread.
class CompareModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        NumberColumn,
        OutcomeColumn,
        RecordedColumn,
        ReplayedColumn,
        DifferenceColumn,
        ColumnCount
    };
    enum Role {
        OutcomeRole = Qt::UserRole + 1, // int(Compare::Outcome)
    };

    explicit CompareModel(QObject *parent = nullptr);

    // A new comparison: a model reset.
    void setResult(const Compare::Result &result);
    const Compare::Result &result() const { return m_result; }
    const Compare::Pair *pair(int row) const;

    // Colours for light or dark palettes.
    void setPalette(const QPalette &palette);

    static QString outcomeName(Compare::Outcome outcome);
    // "12 equal, 1 different, 0 missing, 0 extra — FAIL".
    static QString summaryLine(const Compare::Result &result);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString preview(const std::optional<Message> &message) const;
    QString difference(const Compare::Pair &pair) const;

    Compare::Result m_result;
    QPalette m_palette;
};

} // namespace Frameline
