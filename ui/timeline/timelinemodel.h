#pragma once

#include "app/session/framestore.h"
#include "ui/timeline/timelinefilter.h"

#include <QtCore/QAbstractItemModel>
#include <QtCore/QCache>
#include <QtCore/QHash>
#include <QtCore/QTimer>
#include <QtGui/QColor>
#include <QtGui/QIcon>
#include <QtGui/QPalette>

#include <vector>

namespace Frameline {

// The live timeline over a FrameStore (../shared/STYLE.md section 3): one row per frame (frame mode, flat),
// or one per message with a fragmented message's frames as its children (message mode; control frames,
// notices and frames of messages not yet complete stay top-level rows). New entries are published in
// batches from a ~50 ms timer that polls the store (one beginInsertRows per batch); cells are formatted on
// demand, payload previews come from a bounded cache, and bulk changes (time mode) use layoutChanged.
//
// Rows never copy the store: frame mode row == entry id; message mode keeps the sorted entry ids of its
// top-level rows (a message is keyed by the entry of its final frame). Index internal ids: 0 for
// top-level rows, message id + 1 for the frames under a message.
//
// Owned by TimelineWidget; GUI thread (the store's owner thread). Does not own the store.
class TimelineModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column {
        NumberColumn,
        ConnectionColumn, // "Client": which connection of the store, "#id" as in a server tab's client list
        TimeColumn,
        DirectionColumn,
        OpcodeColumn,
        FlagsColumn,
        LengthColumn,
        PreviewColumn,
        ColumnCount
    };
    enum Role {
        EntryRole = Qt::UserRole + 1, // qint64: the entry id of the row (a message: its final frame)
        MessageRole, // qint64: the message id of a message row, else -1
        KindRole, // int(RowKind)
        ViolationRole, // bool: the row breaks the protocol
    };
    enum class RowKind : quint8 { Frame, Message, Notice };
    enum class Mode : quint8 { Frames, Messages };
    enum class TimeMode : quint8 { Relative, WallClock, Delta };

    explicit TimelineModel(FrameStore *store, QObject *parent = nullptr);
    ~TimelineModel() override;

    FrameStore *store() const { return m_store; }

    Mode mode() const { return m_mode; }
    void setMode(Mode mode); // a model reset
    TimeMode timeMode() const { return m_timeMode; }
    void setTimeMode(TimeMode mode); // a layout change: the Time column is formatted anew

    // Paused: nothing new is published (the store keeps growing); resuming publishes it in one batch.
    void setPublishing(bool publishing);
    bool isPublishing() const { return m_publishing; }
    void setPublishInterval(int ms) { m_timer.setInterval(ms); }
    // Publishes what the store holds now (the timer does this every interval).
    void publishNow();
    // The owner cleared the store: forget every row.
    void reset();

    // Colours and icons for light or dark palettes (TimelineWidget passes its palette).
    void setPalette(const QPalette &palette);

    qint64 publishedEntries() const { return m_publishedEntries; }
    qint64 publishedMessages() const { return m_publishedMessages; }
    quint64 generation() const { return m_generation; }

    // Top-level rows: their count, the entry each one stands for, and back.
    int topLevelCount() const;
    qint64 topLevelEntry(int row) const;
    int topLevelRowOf(qint64 entry) const; // -1: not a top-level row
    TimelineRow topLevelRowAt(int row) const;
    // Message mode: the sorted entry ids of the top-level rows in [fromEntry, toEntry).
    std::vector<quint32> topLevelEntries(qint64 fromEntry, qint64 toEntry) const;
    // The row for a message's frame (message mode children).
    QModelIndex childIndex(qint64 messageId, int row, int column) const;
    TimelineRow rowAt(const QModelIndex &index) const;
    // The entry of the top-level row of a message (its final frame); -1 when the store no longer has it.
    qint64 messageOwner(qint64 messageId) const;
    RowKind kindOf(const TimelineRow &row) const;
    // The inspector's view of a row (Kind::None for an invalid index).
    EntryDetails details(const QModelIndex &index) const;
    // Any thread: how a top-level entry shows in `mode` when the first `messageLimit` messages are known.
    static TimelineRow rowFor(const FrameStore &store, qint64 entry, Mode mode, qint64 messageLimit);

    // Call on QEvent::LanguageChange.
    void retranslate();

    QModelIndex index(int row, int column, const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    bool hasChildren(const QModelIndex &parent = QModelIndex()) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // Message mode: the top-level row of `entry` is a message with frames to unfold. Cheap: the view asks
    // for every row when it lays itself out.
    bool entryHasChildren(qint64 entry) const;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The texts of the cells, also for tests and the copy action.
    QString connectionText(const TimelineRow &row) const;
    QString timeText(const TimelineRow &row) const;
    QString directionText(const TimelineRow &row) const;
    QString opcodeText(const TimelineRow &row) const;
    QString flagsText(const TimelineRow &row) const;
    QString lengthText(const TimelineRow &row) const;
    QString previewText(const TimelineRow &row) const;

    static constexpr int PreviewCharacters = 160;
    static constexpr int PreviewBytes = 24;

Q_SIGNALS:
    // A batch was published (rows inserted, or pending fragments folded under their message).
    void published();

private:
    void publishFrames(qint64 entries, qint64 messages);
    void publishMessages(qint64 entries, qint64 messages);
    bool isLive(const TimelineRow &row) const; // still in the store (not cleared underneath)
    QString formatPreview(const TimelineRow &row) const;
    QString noticeKindText(ConnectionNotice::Kind kind) const;
    QVariant connectionToolTip(quint64 connectionId) const;
    void bumpGeneration();

    FrameStore *m_store;
    Mode m_mode = Mode::Frames;
    TimeMode m_timeMode = TimeMode::Relative;
    bool m_publishing = true;
    QTimer m_timer;
    qint64 m_publishedEntries = 0;
    qint64 m_publishedMessages = 0;
    quint64 m_storeEpoch = 0;
    quint64 m_generation = 0;
    std::vector<quint32> m_topLevel; // message mode: entry ids of the top-level rows, ascending

    mutable QCache<quint64, QString> m_previews;
    // Per connection id, built once: the Client column's text, and its tooltip once the peer is known.
    // A handful of connections (a server's clients), cleared with the store.
    mutable QHash<quint64, QString> m_connectionTexts;
    mutable QHash<quint64, QString> m_connectionTips;

    QColor m_outgoingColor;
    QColor m_incomingColor;
    QColor m_noticeColor;
    QColor m_errorColor;
    QColor m_violationBackground;
    QIcon m_violationIcon;
    QIcon m_scriptIcon { QStringLiteral(":/icons/script.svg") }; // frames a script sent
};

} // namespace Frameline
