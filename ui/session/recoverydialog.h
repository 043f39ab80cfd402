#pragma once

#include "ui/session/journalfolder.h"

#include <QtWidgets/QDialog>

QT_BEGIN_NAMESPACE
class QLabel;
class QPushButton;
class QTreeWidget;
QT_END_NAMESPACE

namespace Frameline {

// Offered at start when journals were left behind by a Frameline that did not close normally: lists
// them (the tab each one recorded, when it started, its events and size) and lets the user open them
// read-only, save one under a name of their choosing, or discard them. "Later" keeps them for the next
// start. The dialog discards journals itself; opening and saving go through openRequested() and
// saveAsRequested(), whose handler calls removeJournal() once the journal is taken care of. It closes
// when the list is empty.
//
// Created by the session controller (deletes itself when closed); GUI thread.
class RecoveryDialog : public QDialog
{
    Q_OBJECT
public:
    enum Column { TitleColumn, StartedColumn, EventsColumn, SizeColumn, ColumnCount };

    explicit RecoveryDialog(const QList<RecoverableJournal> &journals, QWidget *parent = nullptr);

    QList<RecoverableJournal> journals() const { return m_journals; }
    QTreeWidget *list() const { return m_list; }
    QPushButton *openButton() const { return m_openButton; }
    QPushButton *saveAsButton() const { return m_saveAsButton; }
    QPushButton *discardButton() const { return m_discardButton; }
    QPushButton *laterButton() const { return m_laterButton; }

    // The paths of the selected rows, in list order.
    QStringList selectedPaths() const;
    void selectPath(const QString &path);
    // Acts on the selected rows, as the buttons do.
    void openSelected();
    void saveSelectedAs();
    void discardSelected();
    // The journal was opened, saved or discarded: it leaves the list (and the dialog closes with the last).
    void removeJournal(const QString &path);

Q_SIGNALS:
    void openRequested(const QString &journalPath);
    void saveAsRequested(const QString &journalPath);
    // A journal could not be deleted (the message names it).
    void discardFailed(const QString &message);

protected:
    void changeEvent(QEvent *event) override;

private:
    void fillList();
    void updateButtons();
    void retranslateUi();

    QList<RecoverableJournal> m_journals;
    QLabel *m_text = nullptr;
    QTreeWidget *m_list = nullptr;
    QPushButton *m_openButton = nullptr;
    QPushButton *m_saveAsButton = nullptr;
    QPushButton *m_discardButton = nullptr;
    QPushButton *m_laterButton = nullptr;
};

} // namespace Frameline
