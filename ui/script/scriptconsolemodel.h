#pragma once

#include "app/script/scriptrunner.h"

#include <QtCore/QAbstractListModel>
#include <QtCore/QList>
#include <QtCore/QTimer>
#include <QtGui/QColor>

#include <deque>

namespace Frameline {

// The lines of a script console: what a run logged (ScriptLogEntry) and the summary each run ends with,
// one row each, shown as "12:00:01.250  text" and coloured by kind. Lines arrive one signal at a time but are
// published in batches (one beginInsertRows per ~50 ms), so a script that logs in a tight loop costs the
// view little; the oldest lines go once there are more than `limit`.
//
// Owned by its ScriptPanel; GUI thread.
class ScriptConsoleModel : public QAbstractListModel
{
    Q_OBJECT
public:
    // A line's kind: the log entry kinds, and the summary a run ends with.
    enum class Kind : quint8 { Log, Warning, Error, AssertPass, AssertFail, Info, Passed, Failed, Stopped };
    enum Role {
        KindRole = Qt::UserRole + 1, // int(Kind)
        LineRole, // 1-based line in the script, 0: none
        ColumnRole, // 1-based, 0: unknown
        TimestampRole, // Clock::nowNs() when it happened
        MessageRole, // the text without the time
    };
    static constexpr int DefaultLimit = 20000;

    explicit ScriptConsoleModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    // Queued for the next batch.
    void addEntry(const ScriptLogEntry &entry);
    // The run's summary line ("Passed: 3 assertions in 1.2 s, 5 frames sent").
    void addOutcome(const ScriptOutcome &outcome);
    // A line of the panel's own ("Connecting to ws://… to run the script"), as Info.
    void addInfo(const QString &text, qint64 timestampNs);
    // Publishes what is queued now (the view asks for it before the user could see a difference; tests).
    void flush();
    void clear();

    void setLimit(int limit) { m_limit = qMax(1, limit); }
    // Colours for the kinds, from the view's palette.
    void setPalette(const QPalette &palette);

    // The summary's text for an outcome (also the panel's status line).
    static QString outcomeText(const ScriptOutcome &outcome);
    static Kind outcomeKind(const ScriptOutcome &outcome);

private:
    struct Line
    {
        Kind kind = Kind::Log;
        qint64 timestampNs = 0;
        QString text;
        int line = 0;
        int column = 0;
        quint64 connectionId = 0;
        bool continued = false; // a further line of a multi-line entry (a logged object): no time, no mark
    };

    void enqueue(Line line);
    QString displayText(const Line &line) const;

    std::deque<Line> m_lines;
    QList<Line> m_pending;
    QTimer m_publishTimer;
    int m_limit = DefaultLimit;
    QColor m_colors[int(Kind::Stopped) + 1];
};

} // namespace Frameline
