#pragma once

#include "app/session/framestore.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QRegularExpression>
#include <QtCore/QString>

namespace Frameline {

// What the timeline's filter bar asks for: directions, opcode classes, violations only, one connection,
// and a text or regular-expression search over payloads (which either hides the rows that do not match or
// only marks them for Find next/previous). A plain value.
struct TimelineFilter
{
    enum Class : quint8 {
        DataClass = 0x1, // text, binary, continuation (and reserved non-control opcodes)
        ControlClass = 0x2, // ping, pong (and reserved control opcodes)
        CloseClass = 0x4,
        NoticeClass = 0x8, // handshake, TLS, state changes, errors, violations, round trips
        AllClasses = 0xF,
    };

    bool incoming = true;
    bool outgoing = true;
    quint8 classes = AllClasses;
    bool onlyViolations = false;
    quint64 connectionId = 0; // 0: every connection
    QString search;
    bool regularExpression = false;
    bool caseSensitive = false;
    bool onlyMatching = true; // hide rows that do not match the search (otherwise Find next/previous)

    bool hasSearch() const { return !search.isEmpty(); }
    // Every row passes the criteria other than the search.
    bool passesEverything() const
    {
        return incoming && outgoing && classes == AllClasses && !onlyViolations && connectionId == 0;
    }
    bool operator==(const TimelineFilter &other) const = default;
};

// One top-level timeline row as the filter sees it: an entry, shown as a message when messageId >= 0.
struct TimelineRow
{
    qint64 entry = -1;
    qint64 messageId = -1;
};

// A TimelineFilter made ready to apply: the regular expression compiled, the needle in UTF-8. Immutable
// once built, so one matcher can be used from the GUI thread and a filter worker at the same time.
class TimelineMatcher
{
    Q_DECLARE_TR_FUNCTIONS(TimelineMatcher)
public:
    explicit TimelineMatcher(const TimelineFilter &filter = {});

    const TimelineFilter &filter() const { return m_filter; }
    // False for a regular expression that does not compile; errorString() says why and where.
    bool isValid() const { return m_error.isEmpty(); }
    QString errorString() const { return m_error; }

    struct Result
    {
        bool passes = false; // the row is shown
        bool matches = false; // the row matches the search (false without one)
    };
    // Any thread (a store reader): the verdict for one row.
    Result apply(const FrameStore &store, const TimelineRow &row) const;

    // The searched bytes are cut here: a search looks at the first 64 KiB of each payload.
    static constexpr qsizetype SearchLimit = 64 * 1024;

private:
    bool passesCriteria(
        const FrameStore::Summary &summary, const TimelineRow &row, const FrameStore &store) const;
    bool matchesSearch(QByteArrayView payload) const;

    TimelineFilter m_filter;
    QString m_error;
    QRegularExpression m_regex;
    QByteArray m_needle; // UTF-8, lower-cased when the search ignores case
    bool m_asciiFold = false; // case-insensitive byte search (the needle is ASCII)
    bool m_unicodeFold = false; // case-insensitive search with a non-ASCII needle: through QString
};

} // namespace Frameline
