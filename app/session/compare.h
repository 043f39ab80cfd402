#pragma once

#include "app/protocol/messageassembler.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QJsonValue>
#include <QtCore/QList>
#include <QtCore/QString>

#include <optional>
#include <variant>

namespace Frameline {

// Compares the messages a recording received with those a replay of it received: matched in order (the
// n-th recorded with the n-th replayed), each pair equal or different with a readable explanation, then
// what is missing from the replay and what it got in excess, and a pass/fail verdict.
//
// Text messages that are JSON on both sides are compared as JSON: key order is irrelevant, numbers
// compare by value (1 and 1.0 are equal; integers exactly, beyond 2^53 too), fields named by ignore paths
// (a small JSONPath subset, see Compare::Path) are left out, and every differing path is reported with
// both values. Other text is compared character by character (the first differing character is
// reported), binary byte by byte (the first differing byte and both lengths).
//
// Pure functions over plain values; any thread.
class Compare
{
    Q_DECLARE_TR_FUNCTIONS(Compare)
public:
    // One step from a JSON value to a member (object key) or an element (array index).
    using PathStep = std::variant<QString, qsizetype>;
    // Where a value sits in a JSON document: the steps from the root.
    using Location = QList<PathStep>;

    // A JSONPath pattern naming fields to ignore. The subset understood:
    //   $            the root
    //   .name        a member (letters, digits, '_', '-' and '$'; anything else in brackets)
    //   ['name']     a member, any name ("name" in double quotes too; \' \" \\ escape)
    //   [3]          an array element
    //   .* or [*]    any member or element
    //   ..name       'name' at any depth below (also ..* and ..[3]); $..timestamp matches $.timestamp too
    // A pattern matches a location exactly; ignoring a location ignores everything below it.
    class Path
    {
    public:
        static std::optional<Path> parse(const QString &text, QString *error);
        bool matches(const Location &location) const;
        const QString &text() const { return m_text; }

    private:
        struct Segment
        {
            enum class Kind : quint8 { Member, Element, Any };
            Kind kind = Kind::Member;
            QString name; // Member
            qsizetype index = 0; // Element
            bool descendant = false; // reached through '..': at any depth below
        };
        bool matchFrom(qsizetype segment, const Location &location, qsizetype step) const;
        static bool stepMatches(const Segment &segment, const PathStep &step);

        QString m_text;
        QList<Segment> m_segments;
    };

    struct Options
    {
        QList<Path> ignore;
    };

    // One difference between two JSON documents.
    struct JsonDifference
    {
        enum class Kind : quint8 {
            Changed, // both have a value at `path`, and they differ (in type or value)
            OnlyRecorded, // the recorded message has it, the replayed one does not
            OnlyReplayed, // the replayed message has it, the recorded one does not
        };
        Kind kind = Kind::Changed;
        QString path; // JSONPath of the location: $.items[2].id, $['a b']
        QString recorded; // the value as compact JSON; empty for OnlyReplayed
        QString replayed; // the value as compact JSON; empty for OnlyRecorded
        bool operator==(const JsonDifference &) const = default;
    };

    enum class Outcome : quint8 {
        Equal, // the same message (for JSON: apart from ignored fields)
        Different, // both exist and differ
        Missing, // recorded, but the replay did not receive it
        Extra, // received by the replay beyond what was recorded
    };

    // How two messages differ (Outcome::Different).
    enum class Difference : quint8 {
        None,
        Opcode, // a text message against a binary one
        Json, // both JSON text: see jsonDifferences
        Text, // text (not JSON on both sides): from character `offset` on
        Binary, // binary: from byte `offset` on
    };

    struct Pair
    {
        qsizetype index = 0; // 0-based position in both lists
        Outcome outcome = Outcome::Equal;
        Difference difference = Difference::None;
        std::optional<Message> recorded;
        std::optional<Message> replayed;
        QList<JsonDifference> jsonDifferences; // Difference::Json, in document order
        // Difference::Text: index of the first differing character (Unicode code point) of the text;
        // Difference::Binary: of the first differing byte. When one is a prefix of the other, the length
        // of the shorter.
        qsizetype offset = -1;
        // A readable explanation, one or more lines (translated): "text differs from character 6 on ...".
        QString explanation;
    };

    struct Result
    {
        QList<Pair> pairs;
        qsizetype recordedCount = 0;
        qsizetype replayedCount = 0;
        qsizetype equal = 0;
        qsizetype different = 0;
        qsizetype missing = 0;
        qsizetype extra = 0;
        bool passed() const { return different == 0 && missing == 0 && extra == 0; }
    };

    // The whole comparison, pair by pair in order.
    static Result messages(
        const QList<Message> &recorded, const QList<Message> &replayed, const Options &options = {});
    // One pair (outcome Equal or Different).
    static Pair pair(
        const Message &recorded, const Message &replayed, const Options &options = {}, qsizetype index = 0);
    // The differences between two JSON values, leaving out ignored locations. Depth first; an object's
    // members in key order (QJsonObject keeps no other), those only the replayed one has after the rest.
    static QList<JsonDifference> json(
        const QJsonValue &recorded, const QJsonValue &replayed, const QList<Path> &ignore = {});
    // The JSON value of a payload: any JSON text (an object, an array, or a single string, number,
    // boolean or null), surrounding white space allowed. Nothing when it is not JSON.
    static std::optional<QJsonValue> parseJson(const QByteArray &payload);

    // "$.items[2].id", "$['a b']": a location written as JSONPath.
    static QString pathText(const Location &location);
    // The pass/fail line: "PASS: 3 recorded, 3 replayed, all equal" / "FAIL: 3 recorded, 4 replayed: 1 equal,
    // ...".
    static QString summary(const Result &result);
    // Every pair that is not equal with its explanation, then the summary line; lines end with '\n'.
    static QString report(const Result &result);
};

} // namespace Frameline
