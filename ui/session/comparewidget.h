#pragma once

#include "app/session/compare.h"
#include "ui/session/comparetext.h"

#include <QtCore/QTimer>
#include <QtWidgets/QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSplitter;
class QTextEdit;
class QTreeView;
QT_END_NAMESPACE

namespace Frameline {

class CompareModel;

// The comparison after a client replay: the messages the recording received against those the replay
// received, matched in order (Compare::messages), one row per pair in a CompareModel with the summary
// line above ("12 equal, 1 different, 0 missing, 0 extra — FAIL"); the selected pair side by side below,
// recorded left and replayed right, with what differs highlighted (CompareText). The JSON paths to ignore
// are edited one per line; every change compares again (after a short pause while typing) and is
// remembered in the settings ("Replay/CompareIgnore"). The report (Compare::report) can be copied or saved.
//
// Owned by its ReplayTab; GUI thread.
class CompareWidget : public QWidget
{
    Q_OBJECT
public:
    explicit CompareWidget(QWidget *parent = nullptr);
    ~CompareWidget() override;

    // What to compare; compares at once with the current ignore paths.
    void setMessages(const QList<Message> &recorded, const QList<Message> &replayed);
    bool hasMessages() const { return m_hasMessages; }

    // The ignore paths, one per line (blank lines skipped). Setting them compares again at once.
    QStringList ignorePaths() const;
    void setIgnorePaths(const QStringList &paths);
    // The paths that could not be read, with why (empty: all are used).
    QString ignoreError() const { return m_ignoreError; }

    const Compare::Result &result() const;
    QString summaryText() const;
    QString report() const;
    void copyReport() const;
    // Writes the report to `path` atomically; false and *error when it cannot.
    bool saveReport(const QString &path, QString *error) const;

    // Shows pair `row` side by side (also what selecting it in the list does).
    void showPair(int row);
    const CompareText::Rendered &recordedText() const { return m_recordedText; }
    const CompareText::Rendered &replayedText() const { return m_replayedText; }

    CompareModel *model() const { return m_model; }
    QTreeView *view() const { return m_view; }
    QPlainTextEdit *ignoreEdit() const { return m_ignoreEdit; }
    QLabel *summaryLabel() const { return m_summary; }
    QTextEdit *recordedView() const { return m_recordedView; }
    QTextEdit *replayedView() const { return m_replayedView; }

Q_SIGNALS:
    // A comparison was made (the messages or the ignore paths changed).
    void compared(bool passed);

protected:
    void changeEvent(QEvent *event) override;

private:
    void compare();
    void onIgnoreEdited();
    void saveReportInteractively();
    void showRendered(QTextEdit *view, const CompareText::Rendered &rendered, bool recorded);
    void updateSummary();
    void retranslateUi();

    CompareModel *m_model;
    QList<Message> m_recorded;
    QList<Message> m_replayed;
    bool m_hasMessages = false;
    QStringList m_appliedIgnore; // the ignore paths the shown comparison used
    QString m_ignoreError;
    CompareText::Rendered m_recordedText;
    CompareText::Rendered m_replayedText;
    int m_shownRow = -1;
    QTimer m_ignoreDelay;

    QLabel *m_summary = nullptr;
    QPushButton *m_copyButton = nullptr;
    QPushButton *m_saveButton = nullptr;
    QLabel *m_ignoreLabel = nullptr;
    QPlainTextEdit *m_ignoreEdit = nullptr;
    QLabel *m_ignoreErrorLabel = nullptr;
    QSplitter *m_splitter = nullptr;
    QTreeView *m_view = nullptr;
    QLabel *m_recordedLabel = nullptr;
    QLabel *m_replayedLabel = nullptr;
    QTextEdit *m_recordedView = nullptr;
    QTextEdit *m_replayedView = nullptr;
};

} // namespace Frameline
