#pragma once

#include "ui/session/replayrun.h"

#include <QtCore/QPointer>
#include <QtWidgets/QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
QT_END_NAMESPACE

namespace Frameline {

// What a running replay is doing, and its controls: the state line ("Sending: 3 of 5 sent", "Step 2 of 5
// waits for Next: text message, 5 B: hello", "Listening on ws://127.0.0.1:5555/"), a progress bar of the
// steps sent, Next (step by step), Stop, and the warnings (a reply that did not come in time, a send that
// failed). Shown in the replay dialog while it runs and at the top of the replay tab; both show the same
// ReplayRun. Follows the run until it is gone.
//
// Owned by the dialog or tab that shows it; GUI thread.
class ReplayStatusWidget : public QWidget
{
    Q_OBJECT
public:
    explicit ReplayStatusWidget(QWidget *parent = nullptr);

    void setRun(ReplayRun *run);
    ReplayRun *run() const { return m_run; }

    QLabel *stateLabel() const { return m_state; }
    QProgressBar *progressBar() const { return m_progress; }
    QPushButton *nextButton() const { return m_next; }
    QPushButton *stopButton() const { return m_stop; }
    QListWidget *warningsList() const { return m_warnings; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    void retranslateUi();

    QPointer<ReplayRun> m_run;
    QLabel *m_state = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_next = nullptr;
    bool m_nextClicked = false; // Next was clicked and is waiting for its step to be sent
    QPushButton *m_stop = nullptr;
    QLabel *m_warningsLabel = nullptr;
    QListWidget *m_warnings = nullptr;
};

} // namespace Frameline
