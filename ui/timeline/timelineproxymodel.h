#pragma once

#include "ui/timeline/timelinefilter.h"
#include "ui/timeline/timelinemodel.h"

#include <QtCore/QAbstractProxyModel>
#include <QtGui/QColor>

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

namespace Frameline {

// The timeline's filter (../shared/STYLE.md section 3.4): a hand-written proxy over TimelineModel that keeps
// the sorted entry ids of the top-level rows that pass (4 bytes a row), extended as the model publishes
// rows. A new filter is computed by a worker thread over the store (under the store's read lock, a block at
// a time) while the view keeps showing the old one; the result is delivered by a queued call and swapped
// in with one layout change. Catching up with rows published meanwhile is done by further worker rounds,
// so the GUI thread only ever filters a batch's worth of rows. A message's frames (message mode) show
// with their message.
//
// With a search that only marks rows (TimelineFilter::onlyMatching off), the matching rows are kept in a
// second vector for the match count and Find next/previous, and tinted.
//
// Owned by TimelineWidget; GUI thread (the worker only reads the store).
class TimelineProxyModel : public QAbstractProxyModel
{
    Q_OBJECT
public:
    explicit TimelineProxyModel(TimelineModel *source, QObject *parent = nullptr);
    ~TimelineProxyModel() override;

    TimelineModel *timelineModel() const { return m_source; }

    // Applies a filter: false (and errorString()) when its regular expression is invalid, in which case
    // the previous filter stays.
    bool setFilter(const TimelineFilter &filter);
    // The filter asked for last (the rows show it once isFiltering() is false).
    const TimelineFilter &filter() const { return m_job ? m_job->matcher->filter() : m_matcher->filter(); }
    QString errorString() const { return m_error; }
    // A filter is being computed in the background.
    bool isFiltering() const { return m_job.has_value(); }

    // Rows that match the search (every shown row when the search hides the others; 0 without a search).
    qint64 matchCount() const;
    // The next (or previous) row that matches the search, after (before) `from`, wrapping around.
    QModelIndex findMatch(const QModelIndex &from, bool forward) const;
    // The proxy row of a top-level entry, -1 when it is filtered out.
    int rowOfEntry(qint64 entry) const;
    const std::vector<quint32> &rows() const { return m_rows; }
    // Memory held by the row vectors, for the benchmark.
    qint64 memoryBytes() const;

    void setHighlight(const QColor &color) { m_highlight = color; }

    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;
    QModelIndex index(int row, int column, const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    bool hasChildren(const QModelIndex &parent = QModelIndex()) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void filteringChanged(bool filtering);
    void countsChanged(); // rows or matches changed

private:
    struct Result
    {
        std::vector<quint32> rows;
        std::vector<quint32> matches;
    };
    struct Job
    {
        quint64 id = 0;
        std::shared_ptr<const TimelineMatcher> matcher;
        qint64 doneUpTo = 0; // entries below this are in `result`
        qint64 roundEnd = 0; // the running round covers entries below this
        Result result;
        std::vector<quint32> late; // top-level rows inserted below roundEnd since the job began
    };

    void onSourceRowsInserted(const QModelIndex &parent, int first, int last);
    void onSourceRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last);
    void onSourceDataChanged(
        const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles);
    void onSourceLayoutAboutToBeChanged();
    void onSourceLayoutChanged();
    void onSourceAboutToBeReset();
    void onSourceReset();

    // Starts computing `matcher` over every published row (in the background unless it passes all).
    void startFilter(std::shared_ptr<const TimelineMatcher> matcher);
    void startRound();
    void onRoundFinished(quint64 jobId, quint64 epoch, qint64 upTo, Result result);
    void finishJob();
    void stopWorker();
    void swapIn(Result result);
    // Filters rows on the GUI thread (a batch) with the current matcher.
    void evaluate(const std::vector<quint32> &entries, const TimelineMatcher &matcher, Result &out) const;

    TimelineModel *m_source;
    std::shared_ptr<const TimelineMatcher> m_matcher; // what m_rows and m_matches show
    QString m_error;
    std::vector<quint32> m_rows; // sorted entry ids of the top-level rows shown
    std::vector<quint32> m_matches; // sorted entry ids of shown rows that match the search
    QColor m_highlight;

    std::optional<Job> m_job;
    quint64 m_nextJobId = 1;
    std::thread m_worker;
    std::atomic<bool> m_cancel { false };
    QList<QPersistentModelIndex> m_layoutSources; // across a source layout change
};

} // namespace Frameline
