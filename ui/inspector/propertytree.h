#pragma once

#include "ui/inspector/inspectorpalette.h"

#include <QtWidgets/QTreeView>

class QStandardItem;
class QStandardItemModel;

namespace Frameline {

// The field / value tree the inspector pages are made of (header fields, handshake facts, close facts),
// with an optional column for how a field looks on the wire (bits, bytes) in a fixed-width font, shown
// between the two.
// Rows may carry an accent (a passed or failed check), re-coloured from the palette when it changes.
// A QTreeView over a QStandardItemModel (QTreeWidget's model gives every column the first column's
// children, which QAbstractItemModelTester rightly rejects).
//
// Owned by its page; GUI thread.
class PropertyTree : public QTreeView
{
    Q_OBJECT
public:
    enum Column { FieldColumn, ValueColumn, WireColumn };

    explicit PropertyTree(bool wireColumn, QWidget *parent = nullptr);

    // Appends a row under `parent` (null: at the top) and returns its first cell.
    QStandardItem *addRow(
        QStandardItem *parent, const QString &field, const QString &value, const QString &wire = QString());
    void setAccent(QStandardItem *row, InspectorPalette::Role role);
    void clearRows();
    int rowCount() const;

    // The row reached by following field names from the top ("Header", "Byte 0", "FIN"); null if none.
    QStandardItem *row(const QStringList &path) const;
    // The cell of `row` (a first cell) in `column`, and its text.
    QStandardItem *cell(const QStandardItem *row, int column) const;
    QString text(const QStandardItem *row, int column) const;
    void setRowExpanded(const QStandardItem *row, bool expanded);

    QStandardItemModel *itemModel() const { return m_model; }
    void retranslateHeader();

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyAccents(QStandardItem *parent);
    bool m_wireColumn;
    QStandardItemModel *m_model;
};

} // namespace Frameline
