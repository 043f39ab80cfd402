#pragma once

#include "app/session/compare.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QHash>
#include <QtCore/QList>
#include <QtCore/QString>

namespace Frameline {

// How one side of a compared pair is shown in the compare view, and which parts of it differ from the
// other side: JSON pretty-printed (keys sorted, as Compare ignores their order) with the value at every
// differing path marked; other text as it is with the differing span marked (from the first differing
// character to the last, after the common end); binary as hex bytes with the differing bytes marked; a
// message against one of the other kind, or a message the other side lacks, marked whole.
//
// Pure functions over plain values; any thread.
class CompareText
{
    Q_DECLARE_TR_FUNCTIONS(CompareText)
public:
    enum class Side : quint8 { Recorded, Replayed };
    enum class Format : quint8 { None, Json, Text, Binary };

    struct Range
    {
        qsizetype start = 0; // in UTF-16 code units of `text`
        qsizetype length = 0;
        bool operator==(const Range &) const = default;
    };

    struct Rendered
    {
        Format format = Format::None; // None: this side has no message (Missing or Extra)
        QString text;
        QList<Range> highlights; // in document order, not overlapping
        // The highlighted parts of `text`, for tests and accessibility.
        QStringList highlightedParts() const;
    };

    static Rendered render(const Compare::Pair &pair, Side side);

    // JSON written with two-space indentation, object members in key order, and where each location's
    // value starts and ends (keyed by Compare::pathText()).
    struct PrettyJson
    {
        QString text;
        QHash<QString, Range> ranges;
    };
    static PrettyJson prettyJson(const QJsonValue &value);
};

} // namespace Frameline
