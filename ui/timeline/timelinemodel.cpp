#include "ui/timeline/timelinemodel.h"

#include "app/net/clock.h"
#include "app/protocol/closecode.h"
#include "app/protocol/opcode.h"
#include "ui/widgets/celltext.h"
#include "ui/widgets/colors.h"
#include "ui/widgets/hexformat.h"

#include <QtCore/QDateTime>
#include <QtCore/QStringList>
#include <QtGui/QFont>
#include <QtGui/QPainter>
#include <QtGui/QPixmap>

#include <algorithm>

namespace Frameline {

namespace {

constexpr int PublishIntervalMs = 50;
constexpr int PreviewCacheSize = 4096;

// The first bytes of a text payload as a line: decoded only as far as the cell shows.
QString textPreview(QByteArrayView bytes)
{
    constexpr qsizetype Window = TimelineModel::PreviewCharacters * 4;
    qsizetype size = std::min(bytes.size(), Window);
    // Do not cut a UTF-8 sequence in two.
    if (size < bytes.size()) {
        while (size > 0 && (quint8(bytes[size]) & 0xC0) == 0x80)
            --size;
    }
    return CellText::escapedLine(
        QString::fromUtf8(bytes.first(size)), TimelineModel::PreviewCharacters, size < bytes.size());
}

QString closePreview(QByteArrayView payload)
{
    if (payload.isEmpty())
        return TimelineModel::tr("(no status code)");
    if (payload.size() == 1)
        return TimelineModel::tr("(1-byte close payload: %1)").arg(HexFormat::bytes(payload));
    const ClosePayload close = ClosePayload::parse(payload);
    const quint16 code = close.code.value_or(0);
    QString out = QString::number(code) + QLatin1Char(' ') + CloseCodes::name(code);
    if (!close.reason.isEmpty())
        out += QStringLiteral(": ") + textPreview(close.reason);
    return out;
}

QString nsAsSeconds(qint64 ns, bool sign)
{
    const bool negative = ns < 0;
    const qint64 magnitude = negative ? -ns : ns;
    const qint64 micro = (magnitude + 500) / 1000;
    QString text = QStringLiteral("%1.%2").arg(micro / 1000000).arg(micro % 1000000, 6, 10, QLatin1Char('0'));
    if (negative)
        text.prepend(QLatin1Char('-'));
    else if (sign)
        text.prepend(QLatin1Char('+'));
    return text;
}

QIcon violationIcon(const QColor &color)
{
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawEllipse(QRectF(2, 2, 28, 28));
    painter.setBrush(Qt::white);
    painter.drawRoundedRect(QRectF(14, 7, 4, 12), 2, 2);
    painter.drawEllipse(QRectF(13.5, 21.5, 5, 5));
    painter.end();
    return QIcon(pixmap);
}

} // namespace

TimelineModel::TimelineModel(FrameStore *store, QObject *parent)
    : QAbstractItemModel(parent)
    , m_store(store)
    , m_previews(PreviewCacheSize)
{
    m_storeEpoch = m_store->epoch();
    setPalette(QPalette());
    m_timer.setInterval(PublishIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &TimelineModel::publishNow);
    m_timer.start();
}

TimelineModel::~TimelineModel() = default;

void TimelineModel::setMode(Mode mode)
{
    if (mode == m_mode)
        return;
    beginResetModel();
    m_mode = mode;
    m_publishedEntries = 0;
    m_publishedMessages = 0;
    m_topLevel.clear();
    m_topLevel.shrink_to_fit();
    bumpGeneration();
    endResetModel();
    if (m_publishing)
        publishNow();
}

void TimelineModel::setTimeMode(TimeMode mode)
{
    if (mode == m_timeMode)
        return;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::NoLayoutChangeHint);
    m_timeMode = mode;
    bumpGeneration();
    Q_EMIT layoutChanged({}, QAbstractItemModel::NoLayoutChangeHint);
}

void TimelineModel::setPublishing(bool publishing)
{
    if (publishing == m_publishing)
        return;
    m_publishing = publishing;
    if (m_publishing)
        publishNow();
}

void TimelineModel::reset()
{
    beginResetModel();
    m_publishedEntries = 0;
    m_publishedMessages = 0;
    m_topLevel.clear();
    m_topLevel.shrink_to_fit();
    m_storeEpoch = m_store->epoch();
    bumpGeneration();
    endResetModel();
}

void TimelineModel::bumpGeneration()
{
    ++m_generation;
    m_previews.clear();
    m_connectionTexts.clear();
    m_connectionTips.clear();
}

void TimelineModel::setPalette(const QPalette &palette)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    const bool dark = base.lightnessF() < 0.5f;
    // The same hues in both palettes, lighter on a dark base so they keep their contrast.
    m_outgoingColor = dark ? QColor(0x6c, 0xb6, 0xff) : QColor(0x0b, 0x5c, 0xc4);
    m_incomingColor = dark ? QColor(0x6f, 0xd0, 0x8c) : QColor(0x1b, 0x7f, 0x3b);
    m_errorColor = dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xc0, 0x26, 0x1c);
    m_noticeColor = Colors::mix(text, base, 0.38);
    m_violationBackground = Colors::mix(base, QColor(0xe0, 0x3c, 0x31), dark ? 0.32 : 0.22);
    m_violationIcon = violationIcon(dark ? QColor(0xf0, 0x55, 0x4a) : QColor(0xd3, 0x2f, 0x2f));
    if (topLevelCount() > 0) {
        Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::NoLayoutChangeHint);
        Q_EMIT layoutChanged({}, QAbstractItemModel::NoLayoutChangeHint);
    }
}

void TimelineModel::retranslate()
{
    bumpGeneration();
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (topLevelCount() > 0) {
        Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::NoLayoutChangeHint);
        Q_EMIT layoutChanged({}, QAbstractItemModel::NoLayoutChangeHint);
    }
}

// ---- publication ---------------------------------------------------------------------------------------

void TimelineModel::publishNow()
{
    if (m_store->epoch() != m_storeEpoch)
        reset(); // the store was cleared underneath (also while paused): start over
    if (!m_publishing)
        return;
    const qint64 entries = m_store->entryCount();
    const qint64 messages = m_store->messageCount();
    if (entries == m_publishedEntries && messages == m_publishedMessages)
        return;
    if (m_mode == Mode::Frames)
        publishFrames(entries, messages);
    else
        publishMessages(entries, messages);
    Q_EMIT published();
}

void TimelineModel::publishFrames(qint64 entries, qint64 messages)
{
    m_publishedMessages = messages;
    if (entries == m_publishedEntries)
        return;
    beginInsertRows(QModelIndex(), int(m_publishedEntries), int(entries - 1));
    m_publishedEntries = entries;
    endInsertRows();
}

void TimelineModel::publishMessages(qint64 entries, qint64 messages)
{
    // 1. Frames shown as top-level rows while their message was incomplete fold under it now.
    std::vector<quint32> folded;
    std::vector<quint32> converted; // a message whose final frame was already a row: it comes back as one
    for (qint64 m = m_publishedMessages; m < messages; ++m) {
        const FrameStore::MessageSummary message = m_store->messageSummary(m);
        for (int i = 0; i < message.frameCount; ++i) {
            const qint64 entry = m_store->messageFrameEntry(m, i);
            if (entry < m_publishedEntries)
                folded.push_back(quint32(entry));
        }
        if (message.lastEntry >= 0 && message.lastEntry < m_publishedEntries)
            converted.push_back(quint32(message.lastEntry));
    }
    std::sort(folded.begin(), folded.end());
    // Remove them in runs of adjacent rows, from the end so earlier rows keep their numbers.
    std::vector<int> rows;
    rows.reserve(folded.size());
    for (const quint32 entry : folded) {
        const int row = topLevelRowOf(entry);
        if (row >= 0)
            rows.push_back(row);
    }
    for (auto it = rows.rbegin(); it != rows.rend();) {
        const int last = *it;
        int first = last;
        ++it;
        while (it != rows.rend() && *it == first - 1) {
            first = *it;
            ++it;
        }
        beginRemoveRows(QModelIndex(), first, last);
        m_topLevel.erase(m_topLevel.begin() + first, m_topLevel.begin() + last + 1);
        endRemoveRows();
    }

    m_publishedMessages = messages;

    // 2. The messages whose final frame was published before: their row, in place.
    std::sort(converted.begin(), converted.end());
    for (const quint32 entry : converted) {
        const auto it = std::lower_bound(m_topLevel.begin(), m_topLevel.end(), entry);
        const int row = int(it - m_topLevel.begin());
        beginInsertRows(QModelIndex(), row, row);
        m_topLevel.insert(it, entry);
        endInsertRows();
    }

    // 3. The new entries that are top-level rows, in one batch at the end.
    std::vector<quint32> added;
    for (qint64 entry = m_publishedEntries; entry < entries; ++entry) {
        const FrameStore::Summary summary = m_store->summary(entry);
        if (summary.kind == FrameStore::Summary::Kind::Frame && summary.messageId >= 0
            && summary.messageId < messages && m_store->messageLastEntry(summary.messageId) != entry)
            continue; // a frame under its message
        added.push_back(quint32(entry));
    }
    m_publishedEntries = entries;
    if (added.empty())
        return;
    const int first = int(m_topLevel.size());
    beginInsertRows(QModelIndex(), first, first + int(added.size()) - 1);
    m_topLevel.insert(m_topLevel.end(), added.begin(), added.end());
    endInsertRows();
}

// ---- rows ---------------------------------------------------------------------------------------------

int TimelineModel::topLevelCount() const
{
    return m_mode == Mode::Frames ? int(m_publishedEntries) : int(m_topLevel.size());
}

qint64 TimelineModel::topLevelEntry(int row) const
{
    return m_mode == Mode::Frames ? qint64(row) : qint64(m_topLevel[size_t(row)]);
}

int TimelineModel::topLevelRowOf(qint64 entry) const
{
    if (entry < 0 || entry >= m_publishedEntries)
        return -1;
    if (m_mode == Mode::Frames)
        return int(entry);
    const auto it = std::lower_bound(m_topLevel.begin(), m_topLevel.end(), quint32(entry));
    return it != m_topLevel.end() && *it == quint32(entry) ? int(it - m_topLevel.begin()) : -1;
}

TimelineRow TimelineModel::rowFor(const FrameStore &store, qint64 entry, Mode mode, qint64 messageLimit)
{
    TimelineRow row;
    row.entry = entry;
    if (mode == Mode::Messages) {
        const FrameStore::Summary summary = store.summary(entry);
        if (summary.kind == FrameStore::Summary::Kind::Frame && summary.messageId >= 0
            && summary.messageId < messageLimit && store.messageLastEntry(summary.messageId) == entry)
            row.messageId = summary.messageId;
    }
    return row;
}

TimelineRow TimelineModel::topLevelRowAt(int row) const
{
    TimelineRow out;
    out.entry = topLevelEntry(row);
    if (!isLive(out))
        return out; // cleared underneath, until the next publication resets the rows
    return rowFor(*m_store, out.entry, m_mode, m_publishedMessages);
}

std::vector<quint32> TimelineModel::topLevelEntries(qint64 fromEntry, qint64 toEntry) const
{
    std::vector<quint32> out;
    if (m_mode == Mode::Frames) {
        for (qint64 entry = std::max<qint64>(fromEntry, 0); entry < std::min(toEntry, m_publishedEntries);
             ++entry)
            out.push_back(quint32(entry));
        return out;
    }
    const auto from
        = std::lower_bound(m_topLevel.begin(), m_topLevel.end(), quint32(std::max<qint64>(fromEntry, 0)));
    const auto to = toEntry >= m_publishedEntries
        ? m_topLevel.end()
        : std::lower_bound(from, m_topLevel.end(), quint32(toEntry));
    return std::vector<quint32>(from, to);
}

QModelIndex TimelineModel::childIndex(qint64 messageId, int row, int column) const
{
    return createIndex(row, column, quintptr(messageId + 1));
}

TimelineRow TimelineModel::rowAt(const QModelIndex &index) const
{
    if (!index.isValid())
        return {};
    if (index.internalId() == 0)
        return topLevelRowAt(index.row());
    TimelineRow row;
    const qint64 messageId = qint64(index.internalId()) - 1;
    if (messageId < m_store->messageCount() && index.row() < m_store->messageFrameCount(messageId))
        row.entry = m_store->messageFrameEntry(messageId, index.row());
    return row;
}

qint64 TimelineModel::messageOwner(qint64 messageId) const
{
    if (messageId < 0 || messageId >= m_store->messageCount() || m_store->epoch() != m_storeEpoch)
        return -1;
    return m_store->messageLastEntry(messageId);
}

TimelineModel::RowKind TimelineModel::kindOf(const TimelineRow &row) const
{
    if (row.messageId >= 0)
        return RowKind::Message;
    return m_store->summary(row.entry).kind == FrameStore::Summary::Kind::Notice ? RowKind::Notice
                                                                                 : RowKind::Frame;
}

bool TimelineModel::isLive(const TimelineRow &row) const
{
    return row.entry >= 0 && row.entry < m_store->entryCount() && m_store->epoch() == m_storeEpoch;
}

EntryDetails TimelineModel::details(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const TimelineRow row = rowAt(index);
    if (!isLive(row))
        return {};
    return row.messageId >= 0 ? m_store->messageDetails(row.messageId) : m_store->frameDetails(row.entry);
}

QModelIndex TimelineModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row < topLevelCount() ? createIndex(row, column, quintptr(0)) : QModelIndex();
    if (parent.internalId() != 0 || parent.column() != 0)
        return {};
    const TimelineRow owner = topLevelRowAt(parent.row());
    if (owner.messageId < 0 || row >= m_store->messageFrameCount(owner.messageId)
        || m_store->messageFrameCount(owner.messageId) < 2)
        return {};
    return createIndex(row, column, quintptr(owner.messageId + 1));
}

QModelIndex TimelineModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    const qint64 messageId = qint64(child.internalId()) - 1;
    const int row = topLevelRowOf(messageOwner(messageId));
    return row < 0 ? QModelIndex() : createIndex(row, 0, quintptr(0));
}

int TimelineModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return topLevelCount();
    if (m_mode == Mode::Frames || parent.internalId() != 0 || parent.column() != 0)
        return 0;
    const TimelineRow row = topLevelRowAt(parent.row());
    if (row.messageId < 0)
        return 0;
    const int frames = m_store->messageFrameCount(row.messageId);
    return frames > 1 ? frames : 0; // a whole message has no frames to unfold
}

int TimelineModel::columnCount(const QModelIndex &parent) const
{
    Q_UNUSED(parent)
    return ColumnCount;
}

bool TimelineModel::hasChildren(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return topLevelCount() > 0;
    if (m_mode == Mode::Frames || parent.internalId() != 0 || parent.column() != 0)
        return false;
    return entryHasChildren(topLevelEntry(parent.row()));
}

bool TimelineModel::entryHasChildren(qint64 entry) const
{
    if (m_mode == Mode::Frames || entry >= m_store->entryCount())
        return false;
    const TimelineRow row = rowFor(*m_store, entry, m_mode, m_publishedMessages);
    return row.messageId >= 0 && m_store->messageFrameCount(row.messageId) > 1;
}

Qt::ItemFlags TimelineModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    const Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (m_mode == Mode::Frames || index.internalId() != 0 || index.column() != 0
        || !entryHasChildren(topLevelEntry(index.row())))
        return flags | Qt::ItemNeverHasChildren;
    return flags;
}

QVariant TimelineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (Column(section)) {
        case NumberColumn:
            return tr("No.");
        case ConnectionColumn:
            return tr("Client");
        case TimeColumn:
            switch (m_timeMode) {
            case TimeMode::Relative:
                return tr("Time (s)");
            case TimeMode::WallClock:
                return tr("Wall clock");
            case TimeMode::Delta:
                return tr("Delta (s)");
            }
            return {};
        case DirectionColumn:
            return tr("Dir.");
        case OpcodeColumn:
            return tr("Opcode");
        case FlagsColumn:
            return tr("Flags");
        case LengthColumn:
            return tr("Length");
        case PreviewColumn:
            return tr("Payload");
        case ColumnCount:
            break;
        }
    } else if (role == Qt::ToolTipRole) {
        switch (Column(section)) {
        case ConnectionColumn:
            return tr("The client the row belongs to, numbered as in the list of clients");
        case TimeColumn:
            return tr("Seconds since the connection started, wall-clock time, or the time since the previous "
                      "entry of the same connection");
        case DirectionColumn:
            return tr("\u2191 out: sent by us; \u2193 in: received from the peer");
        case FlagsColumn:
            return tr("Header bits set on the wire: FIN, RSV1-3, MASK");
        case LengthColumn:
            return tr("Payload length in bytes (a message: its whole payload)");
        default:
            break;
        }
    } else if (role == Qt::TextAlignmentRole) {
        if (section == NumberColumn || section == LengthColumn || section == TimeColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant TimelineModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const TimelineRow row = rowAt(index);
    if (!isLive(row))
        return {};
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(column)) {
        case NumberColumn:
            return QString::number(row.entry + 1); // from 1, like Wireshark and the CSV/JSON exports
        case TimeColumn:
            return timeText(row);
        case ConnectionColumn:
            return connectionText(row);
        case DirectionColumn:
            return directionText(row);
        case OpcodeColumn:
            return opcodeText(row);
        case FlagsColumn:
            return flagsText(row);
        case LengthColumn:
            return lengthText(row);
        case PreviewColumn:
            return previewText(row);
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ForegroundRole: {
        const FrameStore::Summary summary = m_store->summary(row.entry);
        if (summary.kind == FrameStore::Summary::Kind::Notice) {
            if (summary.noticeKind == ConnectionNotice::Kind::Error
                || summary.noticeKind == ConnectionNotice::Kind::Violation)
                return m_errorColor;
            return m_noticeColor;
        }
        if (column == DirectionColumn)
            return summary.direction == Direction::Outgoing ? m_outgoingColor : m_incomingColor;
        return {};
    }
    case Qt::BackgroundRole: {
        const FrameStore::Summary summary = m_store->summary(row.entry);
        const bool violation = summary.hasViolation
            || (row.messageId >= 0 && m_store->messageSummary(row.messageId).hasViolation);
        return violation ? QVariant(m_violationBackground) : QVariant();
    }
    case Qt::FontRole:
        if (m_store->summary(row.entry).kind == FrameStore::Summary::Kind::Notice) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::DecorationRole:
        if (column == NumberColumn) {
            const FrameStore::Summary summary = m_store->summary(row.entry);
            if (summary.hasViolation
                || (row.messageId >= 0 && m_store->messageSummary(row.messageId).hasViolation))
                return m_violationIcon;
        }
        if (column == PreviewColumn && m_store->summary(row.entry).origin == FrameOrigin::Script)
            return m_scriptIcon; // sent by a script (tooltip on the Dir. column)
        return {};
    case Qt::TextAlignmentRole:
        if (column == NumberColumn || column == LengthColumn || column == TimeColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole: {
        if (column == ConnectionColumn)
            return connectionToolTip(m_store->summary(row.entry).connectionId);
        if (column == DirectionColumn && m_store->summary(row.entry).origin == FrameOrigin::Script)
            return tr("Sent by a script");
        if (column != NumberColumn && column != PreviewColumn)
            return {};
        const EntryDetails d
            = row.messageId >= 0 ? m_store->messageDetails(row.messageId) : m_store->frameDetails(row.entry);
        QStringList lines;
        for (const Violation &violation : d.violations)
            lines << tr("RFC %1 (%2): %3")
                         .arg(violation.rfcSection)
                         .arg(violation.closeCode)
                         .arg(violation.message);
        if (lines.isEmpty())
            return column == PreviewColumn ? QVariant(previewText(row)) : QVariant();
        return lines.join(QLatin1Char('\n'));
    }
    case EntryRole:
        return row.entry;
    case MessageRole:
        return row.messageId;
    case KindRole:
        return int(kindOf(row));
    case ViolationRole: {
        const FrameStore::Summary summary = m_store->summary(row.entry);
        return summary.hasViolation
            || (row.messageId >= 0 && m_store->messageSummary(row.messageId).hasViolation);
    }
    default:
        return {};
    }
}

// ---- cell texts ---------------------------------------------------------------------------------------

QString TimelineModel::connectionText(const TimelineRow &row) const
{
    // Written like ServerClientsModel's Client column. Cached: a view asks for it on every repaint.
    const quint64 id = m_store->summary(row.entry).connectionId;
    auto it = m_connectionTexts.constFind(id);
    if (it == m_connectionTexts.constEnd())
        it = m_connectionTexts.insert(id, QStringLiteral("#%1").arg(id));
    return it.value();
}

QVariant TimelineModel::connectionToolTip(quint64 connectionId) const
{
    const auto it = m_connectionTips.constFind(connectionId);
    if (it != m_connectionTips.constEnd())
        return it.value();
    const std::shared_ptr<const HandshakeRecord> handshake = m_store->connectionHandshake(connectionId);
    if (!handshake || handshake->peerAddress.isEmpty())
        return {}; // not known yet: asked again next time
    // An IPv6 peer is written [addr]:port so the port cannot be taken for part of it.
    const QString peer = handshake->peerAddress.contains(QLatin1Char(':'))
        ? QStringLiteral("[%1]:%2").arg(handshake->peerAddress).arg(handshake->peerPort)
        : QStringLiteral("%1:%2").arg(handshake->peerAddress).arg(handshake->peerPort);
    return m_connectionTips.insert(connectionId, tr("Client #%1 at %2").arg(connectionId).arg(peer)).value();
}

QString TimelineModel::timeText(const TimelineRow &row) const
{
    const FrameStore::Summary summary = m_store->summary(row.entry);
    switch (m_timeMode) {
    case TimeMode::Relative:
        return nsAsSeconds(summary.timestampNs - m_store->connectionStartNs(summary.connectionId), false);
    case TimeMode::WallClock:
        return QDateTime::fromMSecsSinceEpoch(Clock::toWallClockMs(summary.timestampNs))
                   .toString(QStringLiteral("HH:mm:ss.zzz"))
            + QStringLiteral("%1").arg((summary.timestampNs / 1000) % 1000, 3, 10, QLatin1Char('0'));
    case TimeMode::Delta: {
        // Since the previous entry of the same connection (a server's clients interleave in one store);
        // +0 for a connection's first entry.
        const qint64 previousEntry = m_store->previousConnectionEntry(row.entry);
        const qint64 previous
            = previousEntry >= 0 ? m_store->summary(previousEntry).timestampNs : summary.timestampNs;
        return nsAsSeconds(summary.timestampNs - previous, true);
    }
    }
    return {};
}

QString TimelineModel::directionText(const TimelineRow &row) const
{
    const FrameStore::Summary summary = m_store->summary(row.entry);
    if (summary.kind == FrameStore::Summary::Kind::Notice)
        return QStringLiteral("\u2022");
    return summary.direction == Direction::Outgoing ? tr("\u2191 out") : tr("\u2193 in");
}

QString TimelineModel::noticeKindText(ConnectionNotice::Kind kind) const
{
    switch (kind) {
    case ConnectionNotice::Kind::StateChanged:
        return tr("state");
    case ConnectionNotice::Kind::Handshake:
        return tr("handshake");
    case ConnectionNotice::Kind::Tls:
        return tr("TLS");
    case ConnectionNotice::Kind::Violation:
        return tr("violation");
    case ConnectionNotice::Kind::Error:
        return tr("error");
    case ConnectionNotice::Kind::PingRoundTrip:
        return tr("round trip");
    case ConnectionNotice::Kind::Info:
        return tr("info");
    }
    return {};
}

QString TimelineModel::opcodeText(const TimelineRow &row) const
{
    const FrameStore::Summary summary = m_store->summary(row.entry);
    if (summary.kind == FrameStore::Summary::Kind::Notice)
        return noticeKindText(summary.noticeKind);
    const quint8 opcode = row.messageId >= 0 ? m_store->messageOpcode(row.messageId) : summary.opcode;
    if (isReservedOpcode(opcode))
        return QStringLiteral("%1 (0x%2)").arg(opcodeName(opcode)).arg(opcode, 0, 16);
    return opcodeName(opcode);
}

QString TimelineModel::flagsText(const TimelineRow &row) const
{
    const FrameStore::Summary summary = m_store->summary(row.entry);
    if (summary.kind == FrameStore::Summary::Kind::Notice)
        return {};
    if (row.messageId >= 0) {
        const FrameStore::MessageSummary message = m_store->messageSummary(row.messageId);
        if (message.frameCount > 1) {
            const QString frames = tr("%n frames", nullptr, message.frameCount); // always two or more
            return message.compressed ? tr("%1, compressed").arg(frames) : frames;
        }
    }
    QStringList bits;
    if (summary.fin)
        bits << QStringLiteral("FIN");
    if (summary.rsv1)
        bits << QStringLiteral("RSV1");
    if (summary.rsv2)
        bits << QStringLiteral("RSV2");
    if (summary.rsv3)
        bits << QStringLiteral("RSV3");
    if (summary.masked)
        bits << QStringLiteral("MASK");
    return bits.join(QLatin1Char(' '));
}

QString TimelineModel::lengthText(const TimelineRow &row) const
{
    if (row.messageId >= 0)
        return QString::number(m_store->messageSummary(row.messageId).payloadLength);
    const FrameStore::Summary summary = m_store->summary(row.entry);
    if (summary.kind == FrameStore::Summary::Kind::Notice)
        return {};
    return QString::number(summary.payloadLength);
}

QString TimelineModel::previewText(const TimelineRow &row) const
{
    const quint64 key = row.messageId >= 0 ? (quint64(1) << 63) | quint64(row.messageId) : quint64(row.entry);
    if (const QString *cached = m_previews.object(key))
        return *cached;
    const QString text = formatPreview(row);
    m_previews.insert(key, new QString(text));
    return text;
}

QString TimelineModel::formatPreview(const TimelineRow &row) const
{
    if (row.messageId >= 0) {
        const FrameStore::MessageSummary message = m_store->messageSummary(row.messageId);
        const QByteArray payload = m_store->messagePayload(row.messageId);
        if (payload.isEmpty())
            return message.payloadTruncated ? tr("(payload not kept)") : tr("(empty)");
        QString out = message.opcode == quint8(Opcode::Text) ? textPreview(payload)
                                                             : HexFormat::bytes(payload, PreviewBytes);
        return message.payloadTruncated ? tr("[truncated] %1").arg(out) : out;
    }
    const FrameStore::Summary summary = m_store->summary(row.entry);
    const QByteArray payload = m_store->payload(row.entry);
    if (summary.kind == FrameStore::Summary::Kind::Notice)
        return CellText::escapedLine(QString::fromUtf8(payload), PreviewCharacters * 2, false);
    if (summary.payloadOmitted)
        return tr("(payload not kept: %1 bytes, over the frame size limit)").arg(summary.payloadLength);
    if (summary.opcode == quint8(Opcode::Close))
        return closePreview(payload);
    if (payload.isEmpty())
        return tr("(empty)");
    if (summary.compressed && !isControlOpcode(summary.opcode))
        return tr("[compressed] %1").arg(HexFormat::bytes(payload, PreviewBytes));
    if (summary.messageOpcode == quint8(Opcode::Text) || summary.opcode == quint8(Opcode::Text))
        return textPreview(payload);
    if (summary.messageOpcode == quint8(Opcode::Binary) || summary.opcode == quint8(Opcode::Binary)
        || isReservedOpcode(summary.opcode))
        return HexFormat::bytes(payload, PreviewBytes);
    // Ping and pong payloads: text when they read as text.
    const QByteArrayView head = payload.first(std::min<qsizetype>(payload.size(), 125));
    return CellText::isPrintableText(head) ? textPreview(payload) : HexFormat::bytes(payload, PreviewBytes);
}

} // namespace Frameline
