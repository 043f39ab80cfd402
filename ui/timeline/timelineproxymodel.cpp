#include "ui/timeline/timelineproxymodel.h"

#include <QtCore/QMetaObject>

#include <algorithm>

namespace Frameline {

namespace {

// Rows filtered per read-lock hold in the worker (so FrameStore::clear() never waits long), and the most
// rows left for the GUI thread to catch up on after a worker round.
constexpr qint64 WorkerBlock = 4096;
constexpr qint64 CatchUpOnGuiThread = 4096;

bool contains(const std::vector<quint32> &sorted, quint32 entry)
{
    return std::binary_search(sorted.begin(), sorted.end(), entry);
}

void mergeSorted(std::vector<quint32> &into, const std::vector<quint32> &more)
{
    if (more.empty())
        return;
    const size_t middle = into.size();
    into.insert(into.end(), more.begin(), more.end());
    std::inplace_merge(into.begin(), into.begin() + qsizetype(middle), into.end());
}

} // namespace

TimelineProxyModel::TimelineProxyModel(TimelineModel *source, QObject *parent)
    : QAbstractProxyModel(parent)
    , m_source(source)
    , m_matcher(std::make_shared<const TimelineMatcher>())
{
    QAbstractProxyModel::setSourceModel(source);
    connect(source, &QAbstractItemModel::rowsInserted, this, &TimelineProxyModel::onSourceRowsInserted);
    connect(source, &QAbstractItemModel::rowsAboutToBeRemoved, this,
        &TimelineProxyModel::onSourceRowsAboutToBeRemoved);
    connect(source, &QAbstractItemModel::dataChanged, this, &TimelineProxyModel::onSourceDataChanged);
    connect(source, &QAbstractItemModel::layoutAboutToBeChanged, this,
        &TimelineProxyModel::onSourceLayoutAboutToBeChanged);
    connect(source, &QAbstractItemModel::layoutChanged, this, &TimelineProxyModel::onSourceLayoutChanged);
    connect(
        source, &QAbstractItemModel::modelAboutToBeReset, this, &TimelineProxyModel::onSourceAboutToBeReset);
    connect(source, &QAbstractItemModel::modelReset, this, &TimelineProxyModel::onSourceReset);
    connect(source, &QAbstractItemModel::headerDataChanged, this, &QAbstractItemModel::headerDataChanged);
    m_rows = m_source->topLevelEntries(0, m_source->publishedEntries());
}

TimelineProxyModel::~TimelineProxyModel()
{
    stopWorker();
}

// ---- filtering ----------------------------------------------------------------------------------------

bool TimelineProxyModel::setFilter(const TimelineFilter &filter)
{
    auto matcher = std::make_shared<const TimelineMatcher>(filter);
    if (!matcher->isValid()) {
        m_error = matcher->errorString();
        return false;
    }
    m_error.clear();
    if (filter == this->filter())
        return true;
    startFilter(std::move(matcher));
    return true;
}

void TimelineProxyModel::startFilter(std::shared_ptr<const TimelineMatcher> matcher)
{
    stopWorker();
    const TimelineFilter &filter = matcher->filter();
    if (!filter.hasSearch() && filter.passesEverything()) {
        // Every row passes: the row list is the model's, copied in one go.
        const bool wasFiltering = m_job.has_value();
        m_job.reset();
        m_matcher = std::move(matcher);
        Result result;
        result.rows = m_source->topLevelEntries(0, m_source->publishedEntries());
        swapIn(std::move(result));
        if (wasFiltering)
            Q_EMIT filteringChanged(false);
        return;
    }
    const bool wasFiltering = m_job.has_value();
    m_job.emplace();
    m_job->id = m_nextJobId++;
    m_job->matcher = std::move(matcher); // shown once computed; until then the rows follow m_matcher
    if (!wasFiltering)
        Q_EMIT filteringChanged(true);
    startRound(); // finishes at once when there are only a few rows
}

void TimelineProxyModel::startRound()
{
    Q_ASSERT(m_job);
    const qint64 upTo = m_source->publishedEntries();
    if (upTo - m_job->doneUpTo <= CatchUpOnGuiThread) {
        finishJob();
        return;
    }
    m_job->roundEnd = upTo;
    // The candidates are copied: the model's row list changes while the worker runs.
    auto candidates
        = std::make_shared<std::vector<quint32>>(m_source->topLevelEntries(m_job->doneUpTo, upTo));
    FrameStore *store = m_source->store();
    const TimelineModel::Mode mode = m_source->mode();
    const qint64 messageLimit = m_source->publishedMessages();
    const quint64 epoch = store->epoch();
    const quint64 jobId = m_job->id;
    std::shared_ptr<const TimelineMatcher> matcher = m_job->matcher;
    m_cancel.store(false);
    m_worker = std::thread([this, candidates, store, mode, messageLimit, epoch, jobId, matcher, upTo] {
        auto result = std::make_shared<Result>();
        const bool keepMatches = matcher->filter().hasSearch() && !matcher->filter().onlyMatching;
        const qint64 count = qint64(candidates->size());
        for (qint64 from = 0; from < count; from += WorkerBlock) {
            const auto lock = store->lockForReading();
            if (m_cancel.load(std::memory_order_relaxed) || store->epoch() != epoch)
                return;
            const qint64 to = std::min(count, from + WorkerBlock);
            for (qint64 i = from; i < to; ++i) {
                const quint32 entry = (*candidates)[size_t(i)];
                const TimelineMatcher::Result verdict
                    = matcher->apply(*store, TimelineModel::rowFor(*store, entry, mode, messageLimit));
                if (verdict.passes) {
                    result->rows.push_back(entry);
                    if (keepMatches && verdict.matches)
                        result->matches.push_back(entry);
                }
            }
        }
        QMetaObject::invokeMethod(
            this,
            [this, jobId, epoch, upTo, result] { onRoundFinished(jobId, epoch, upTo, std::move(*result)); },
            Qt::QueuedConnection);
    });
}

void TimelineProxyModel::onRoundFinished(quint64 jobId, quint64 epoch, qint64 upTo, Result result)
{
    if (!m_job || m_job->id != jobId || m_source->store()->epoch() != epoch)
        return; // superseded (its worker was stopped and joined then)
    if (m_worker.joinable())
        m_worker.join(); // it has posted its result: only its last instructions are left
    mergeSorted(m_job->result.rows, result.rows);
    mergeSorted(m_job->result.matches, result.matches);
    m_job->doneUpTo = upTo;
    startRound();
}

void TimelineProxyModel::finishJob()
{
    Job job = std::move(*m_job);
    m_job.reset();
    Result result = std::move(job.result);
    // Rows that stopped being top-level rows meanwhile (message mode: fragments folded under their message),
    // and those that came back as something else, are dropped and the latter evaluated again.
    std::sort(job.late.begin(), job.late.end());
    job.late.erase(std::unique(job.late.begin(), job.late.end()), job.late.end());
    auto stale
        = [&](quint32 entry) { return m_source->topLevelRowOf(entry) < 0 || contains(job.late, entry); };
    result.rows.erase(std::remove_if(result.rows.begin(), result.rows.end(), stale), result.rows.end());
    result.matches.erase(
        std::remove_if(result.matches.begin(), result.matches.end(), stale), result.matches.end());
    std::vector<quint32> again;
    for (const quint32 entry : job.late) {
        if (m_source->topLevelRowOf(entry) >= 0)
            again.push_back(entry);
    }
    // The rows published since the last round.
    const std::vector<quint32> rest = m_source->topLevelEntries(job.doneUpTo, m_source->publishedEntries());
    again.insert(again.end(), rest.begin(), rest.end());
    std::sort(again.begin(), again.end());
    again.erase(std::unique(again.begin(), again.end()), again.end());
    Result tail;
    evaluate(again, *job.matcher, tail);
    mergeSorted(result.rows, tail.rows);
    mergeSorted(result.matches, tail.matches);
    m_matcher = std::move(job.matcher);
    swapIn(std::move(result));
    Q_EMIT filteringChanged(false);
}

void TimelineProxyModel::stopWorker()
{
    if (!m_worker.joinable())
        return;
    m_cancel.store(true);
    m_worker.join();
}

void TimelineProxyModel::swapIn(Result result)
{
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::NoLayoutChangeHint);
    const QModelIndexList before = persistentIndexList();
    QModelIndexList after;
    after.reserve(before.size());
    for (const QModelIndex &index : before) {
        if (index.internalId() == 0) {
            const quint32 entry = m_rows[size_t(index.row())];
            const auto it = std::lower_bound(result.rows.begin(), result.rows.end(), entry);
            after.append(it != result.rows.end() && *it == entry
                    ? createIndex(int(it - result.rows.begin()), index.column(), quintptr(0))
                    : QModelIndex());
        } else {
            const quint32 owner = quint32(m_source->messageOwner(qint64(index.internalId()) - 1));
            after.append(contains(result.rows, owner) ? index : QModelIndex());
        }
    }
    m_rows = std::move(result.rows);
    m_matches = std::move(result.matches);
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::NoLayoutChangeHint);
    Q_EMIT countsChanged();
}

void TimelineProxyModel::evaluate(
    const std::vector<quint32> &entries, const TimelineMatcher &matcher, Result &out) const
{
    const bool keepMatches = matcher.filter().hasSearch() && !matcher.filter().onlyMatching;
    const bool everything = !matcher.filter().hasSearch() && matcher.filter().passesEverything();
    const FrameStore &store = *m_source->store();
    for (const quint32 entry : entries) {
        if (everything) {
            out.rows.push_back(entry);
            continue;
        }
        const TimelineMatcher::Result verdict = matcher.apply(
            store, TimelineModel::rowFor(store, entry, m_source->mode(), m_source->publishedMessages()));
        if (verdict.passes) {
            out.rows.push_back(entry);
            if (keepMatches && verdict.matches)
                out.matches.push_back(entry);
        }
    }
}

// ---- following the source -----------------------------------------------------------------------------

void TimelineProxyModel::onSourceRowsInserted(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return; // the model never adds frames under a message row that is already shown
    std::vector<quint32> entries;
    entries.reserve(size_t(last - first + 1));
    for (int row = first; row <= last; ++row)
        entries.push_back(quint32(m_source->topLevelEntry(row)));
    if (m_job) {
        for (const quint32 entry : entries) {
            if (entry < m_job->roundEnd)
                m_job->late.push_back(entry);
        }
    }
    // Until a new filter is swapped in, the rows that arrive are filtered with the current one.
    Result added;
    evaluate(entries, *m_matcher, added);
    if (added.rows.empty())
        return;
    if (m_rows.empty() || added.rows.front() > m_rows.back()) {
        const int at = int(m_rows.size());
        beginInsertRows(QModelIndex(), at, at + int(added.rows.size()) - 1);
        m_rows.insert(m_rows.end(), added.rows.begin(), added.rows.end());
        m_matches.insert(m_matches.end(), added.matches.begin(), added.matches.end());
        endInsertRows();
    } else {
        // A message row that took its place again among older rows (see TimelineModel::publishMessages).
        for (const quint32 entry : added.rows) {
            const auto it = std::lower_bound(m_rows.begin(), m_rows.end(), entry);
            const int at = int(it - m_rows.begin());
            beginInsertRows(QModelIndex(), at, at);
            m_rows.insert(it, entry);
            endInsertRows();
        }
        mergeSorted(m_matches, added.matches);
    }
    Q_EMIT countsChanged();
}

void TimelineProxyModel::onSourceRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid())
        return;
    std::vector<int> rows;
    for (int row = first; row <= last; ++row) {
        const quint32 entry = quint32(m_source->topLevelEntry(row));
        const int at = rowOfEntry(entry);
        if (at >= 0)
            rows.push_back(at);
        const auto match = std::lower_bound(m_matches.begin(), m_matches.end(), entry);
        if (match != m_matches.end() && *match == entry)
            m_matches.erase(match);
    }
    if (rows.empty())
        return;
    // The source rows are adjacent, so are the proxy rows that show them.
    beginRemoveRows(QModelIndex(), rows.front(), rows.back());
    m_rows.erase(m_rows.begin() + rows.front(), m_rows.begin() + rows.back() + 1);
    endRemoveRows();
    Q_EMIT countsChanged();
}

void TimelineProxyModel::onSourceDataChanged(
    const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles)
{
    int firstRow = -1;
    int lastRow = -1;
    for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
        const QModelIndex mapped = mapFromSource(m_source->index(row, 0, topLeft.parent()));
        if (!mapped.isValid())
            continue;
        firstRow = firstRow < 0 ? mapped.row() : std::min(firstRow, mapped.row());
        lastRow = std::max(lastRow, mapped.row());
    }
    if (firstRow < 0)
        return;
    const QModelIndex parent = mapFromSource(topLeft.parent());
    Q_EMIT dataChanged(
        index(firstRow, topLeft.column(), parent), index(lastRow, bottomRight.column(), parent), roles);
}

void TimelineProxyModel::onSourceLayoutAboutToBeChanged()
{
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::NoLayoutChangeHint);
}

void TimelineProxyModel::onSourceLayoutChanged()
{
    // The model changes its layout only for how cells read (time mode, palette): the rows stay.
    Q_EMIT layoutChanged({}, QAbstractItemModel::NoLayoutChangeHint);
}

void TimelineProxyModel::onSourceAboutToBeReset()
{
    stopWorker();
    beginResetModel();
}

void TimelineProxyModel::onSourceReset()
{
    m_rows.clear();
    m_rows.shrink_to_fit();
    m_matches.clear();
    m_matches.shrink_to_fit();
    const bool wasFiltering = m_job.has_value();
    auto matcher = wasFiltering ? m_job->matcher : m_matcher; // the filter asked for last
    m_job.reset();
    endResetModel();
    if (wasFiltering)
        Q_EMIT filteringChanged(false);
    // Mode switch: the model's rows are all there already; filter them again (a store reset: none yet).
    startFilter(std::move(matcher));
}

// ---- queries ------------------------------------------------------------------------------------------

qint64 TimelineProxyModel::matchCount() const
{
    const TimelineFilter &filter = m_matcher->filter();
    if (!filter.hasSearch())
        return 0;
    return filter.onlyMatching ? qint64(m_rows.size()) : qint64(m_matches.size());
}

QModelIndex TimelineProxyModel::findMatch(const QModelIndex &from, bool forward) const
{
    const TimelineFilter &filter = m_matcher->filter();
    if (!filter.hasSearch() || m_rows.empty())
        return {};
    const std::vector<quint32> &matches = filter.onlyMatching ? m_rows : m_matches;
    if (matches.empty())
        return {};
    QModelIndex top = from;
    while (top.parent().isValid())
        top = top.parent();
    quint32 target = 0;
    if (!top.isValid()) {
        target = forward ? matches.front() : matches.back();
    } else {
        const quint32 entry = m_rows[size_t(top.row())];
        if (forward) {
            const auto it = std::upper_bound(matches.begin(), matches.end(), entry);
            target = it == matches.end() ? matches.front() : *it;
        } else {
            const auto it = std::lower_bound(matches.begin(), matches.end(), entry);
            target = it == matches.begin() ? matches.back() : *(it - 1);
        }
    }
    const int row = rowOfEntry(target);
    return row < 0 ? QModelIndex() : index(row, 0);
}

int TimelineProxyModel::rowOfEntry(qint64 entry) const
{
    if (entry < 0)
        return -1;
    const auto it = std::lower_bound(m_rows.begin(), m_rows.end(), quint32(entry));
    return it != m_rows.end() && *it == quint32(entry) ? int(it - m_rows.begin()) : -1;
}

qint64 TimelineProxyModel::memoryBytes() const
{
    return qint64((m_rows.capacity() + m_matches.capacity()) * sizeof(quint32));
}

// ---- QAbstractProxyModel ------------------------------------------------------------------------------

QModelIndex TimelineProxyModel::mapToSource(const QModelIndex &proxyIndex) const
{
    if (!proxyIndex.isValid())
        return {};
    if (proxyIndex.internalId() == 0) {
        const int row = m_source->topLevelRowOf(m_rows[size_t(proxyIndex.row())]);
        return row < 0 ? QModelIndex() : m_source->index(row, proxyIndex.column());
    }
    return m_source->childIndex(qint64(proxyIndex.internalId()) - 1, proxyIndex.row(), proxyIndex.column());
}

QModelIndex TimelineProxyModel::mapFromSource(const QModelIndex &sourceIndex) const
{
    if (!sourceIndex.isValid())
        return {};
    if (sourceIndex.internalId() == 0) {
        const int row = rowOfEntry(m_source->topLevelEntry(sourceIndex.row()));
        return row < 0 ? QModelIndex() : createIndex(row, sourceIndex.column(), quintptr(0));
    }
    const qint64 owner = m_source->messageOwner(qint64(sourceIndex.internalId()) - 1);
    if (rowOfEntry(owner) < 0)
        return {};
    return createIndex(sourceIndex.row(), sourceIndex.column(), sourceIndex.internalId());
}

QModelIndex TimelineProxyModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= TimelineModel::ColumnCount)
        return {};
    if (!parent.isValid())
        return row < int(m_rows.size()) ? createIndex(row, column, quintptr(0)) : QModelIndex();
    const QModelIndex sourceChild = m_source->index(row, column, mapToSource(parent));
    return sourceChild.isValid() ? createIndex(row, column, sourceChild.internalId()) : QModelIndex();
}

QModelIndex TimelineProxyModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    const int row = rowOfEntry(m_source->messageOwner(qint64(child.internalId()) - 1));
    return row < 0 ? QModelIndex() : createIndex(row, 0, quintptr(0));
}

int TimelineProxyModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_rows.size());
    if (parent.internalId() != 0 || m_source->mode() == TimelineModel::Mode::Frames)
        return 0;
    return m_source->rowCount(mapToSource(parent));
}

int TimelineProxyModel::columnCount(const QModelIndex &parent) const
{
    Q_UNUSED(parent)
    return TimelineModel::ColumnCount;
}

// hasChildren() and flags() are asked for every row when the view lays itself out: answered from the
// row vector without mapping through the source.
bool TimelineProxyModel::hasChildren(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return !m_rows.empty();
    if (parent.internalId() != 0 || parent.column() != 0)
        return false;
    return m_source->entryHasChildren(m_rows[size_t(parent.row())]);
}

Qt::ItemFlags TimelineProxyModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    const Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.internalId() != 0 || index.column() != 0
        || !m_source->entryHasChildren(m_rows[size_t(index.row())]))
        return flags | Qt::ItemNeverHasChildren;
    return flags;
}

QVariant TimelineProxyModel::data(const QModelIndex &index, int role) const
{
    if (role == Qt::BackgroundRole && index.isValid() && index.internalId() == 0 && !m_matches.empty()
        && m_highlight.isValid() && contains(m_matches, m_rows[size_t(index.row())])) {
        const QVariant own = QAbstractProxyModel::data(index, role);
        return own.isValid() ? own : QVariant(m_highlight);
    }
    return QAbstractProxyModel::data(index, role);
}

} // namespace Frameline
