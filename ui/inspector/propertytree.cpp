#include "ui/inspector/propertytree.h"

#include <QtCore/QEvent>
#include <QtGui/QFontDatabase>
#include <QtGui/QStandardItemModel>
#include <QtWidgets/QHeaderView>

namespace Frameline {

namespace {

constexpr int s_accentRole = Qt::UserRole + 1;

} // namespace

PropertyTree::PropertyTree(bool wireColumn, QWidget *parent)
    : QTreeView(parent)
    , m_wireColumn(wireColumn)
    , m_model(new QStandardItemModel(0, wireColumn ? 3 : 2, this))
{
    setModel(m_model);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setTextElideMode(Qt::ElideRight);
    header()->setStretchLastSection(true);
    header()->resizeSection(FieldColumn, 200);
    if (wireColumn) {
        // Bits and bytes are short and fixed-width: they sit between the field and its meaning, which
        // takes the rest of the width (violation messages are long).
        header()->moveSection(WireColumn, ValueColumn);
        const QFontMetrics fixed(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        header()->resizeSection(WireColumn, fixed.horizontalAdvance(QString(26, QLatin1Char('0'))));
    }
    retranslateHeader();
}

void PropertyTree::retranslateHeader()
{
    QStringList labels { tr("Field"), tr("Value") };
    if (m_wireColumn)
        labels << tr("On the wire");
    m_model->setHorizontalHeaderLabels(labels);
}

QStandardItem *PropertyTree::addRow(
    QStandardItem *parent, const QString &field, const QString &value, const QString &wire)
{
    QList<QStandardItem *> cells;
    cells << new QStandardItem(field);
    auto *valueCell = new QStandardItem(value);
    valueCell->setToolTip(value);
    cells << valueCell;
    if (m_wireColumn) {
        auto *wireCell = new QStandardItem(wire);
        wireCell->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        cells << wireCell;
    }
    for (QStandardItem *cell : cells)
        cell->setEditable(false);
    if (parent)
        parent->appendRow(cells);
    else
        m_model->appendRow(cells);
    return cells.first();
}

void PropertyTree::clearRows()
{
    m_model->removeRows(0, m_model->rowCount());
}

int PropertyTree::rowCount() const
{
    return m_model->rowCount();
}

QStandardItem *PropertyTree::cell(const QStandardItem *row, int column) const
{
    if (!row || column >= m_model->columnCount())
        return nullptr;
    QStandardItem *parent = row->parent();
    return parent ? parent->child(row->row(), column) : m_model->item(row->row(), column);
}

QString PropertyTree::text(const QStandardItem *row, int column) const
{
    const QStandardItem *item = cell(row, column);
    return item ? item->text() : QString();
}

void PropertyTree::setRowExpanded(const QStandardItem *row, bool expanded)
{
    if (row)
        setExpanded(row->index(), expanded);
}

void PropertyTree::setAccent(QStandardItem *row, InspectorPalette::Role role)
{
    if (QStandardItem *valueCell = cell(row, ValueColumn)) {
        valueCell->setData(int(role), s_accentRole);
        valueCell->setForeground(InspectorPalette::color(palette(), role));
    }
}

void PropertyTree::applyAccents(QStandardItem *parent)
{
    for (int i = 0; i < parent->rowCount(); ++i) {
        if (QStandardItem *valueCell = parent->child(i, ValueColumn)) {
            const QVariant role = valueCell->data(s_accentRole);
            if (role.isValid())
                valueCell->setForeground(
                    InspectorPalette::color(palette(), InspectorPalette::Role(role.toInt())));
        }
        applyAccents(parent->child(i, FieldColumn));
    }
}

QStandardItem *PropertyTree::row(const QStringList &path) const
{
    QStandardItem *current = m_model->invisibleRootItem();
    for (const QString &field : path) {
        QStandardItem *found = nullptr;
        for (int i = 0; i < current->rowCount() && !found; ++i) {
            QStandardItem *candidate = current->child(i, FieldColumn);
            if (candidate->text() == field)
                found = candidate;
        }
        if (!found)
            return nullptr;
        current = found;
    }
    return current == m_model->invisibleRootItem() ? nullptr : current;
}

void PropertyTree::changeEvent(QEvent *event)
{
    QTreeView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyAccents(m_model->invisibleRootItem());
}

} // namespace Frameline
