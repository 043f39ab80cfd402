#include "ui/timeline/timelinefilter.h"

#include "app/protocol/opcode.h"

#include <algorithm>

namespace Frameline {

namespace {

char asciiLower(char c)
{
    return (c >= 'A' && c <= 'Z') ? char(c + ('a' - 'A')) : c;
}

quint8 classOf(quint8 opcode)
{
    if (opcode == quint8(Opcode::Close))
        return TimelineFilter::CloseClass;
    return isControlOpcode(opcode) ? TimelineFilter::ControlClass : TimelineFilter::DataClass;
}

} // namespace

TimelineMatcher::TimelineMatcher(const TimelineFilter &filter)
    : m_filter(filter)
{
    if (!m_filter.hasSearch())
        return;
    if (m_filter.regularExpression) {
        QRegularExpression::PatternOptions options = QRegularExpression::UseUnicodePropertiesOption;
        if (!m_filter.caseSensitive)
            options |= QRegularExpression::CaseInsensitiveOption;
        m_regex = QRegularExpression(m_filter.search, options);
        if (!m_regex.isValid()) {
            m_error = tr("Invalid regular expression at character %1: %2")
                          .arg(m_regex.patternErrorOffset() + 1)
                          .arg(m_regex.errorString());
            return;
        }
        m_regex.optimize();
        return;
    }
    const bool ascii = std::all_of(
        m_filter.search.cbegin(), m_filter.search.cend(), [](QChar c) { return c.unicode() < 0x80; });
    if (m_filter.caseSensitive) {
        m_needle = m_filter.search.toUtf8();
    } else if (ascii) {
        m_needle = m_filter.search.toUtf8();
        std::transform(m_needle.begin(), m_needle.end(), m_needle.begin(), asciiLower);
        m_asciiFold = true;
    } else {
        m_unicodeFold = true;
    }
}

TimelineMatcher::Result TimelineMatcher::apply(const FrameStore &store, const TimelineRow &row) const
{
    Result result;
    const FrameStore::Summary summary = store.summary(row.entry);
    if (!passesCriteria(summary, row, store))
        return result;
    if (!m_filter.hasSearch()) {
        result.passes = true;
        return result;
    }
    if (!isValid())
        return result; // a broken expression matches nothing (the bar says why)
    const QByteArray payload
        = row.messageId >= 0 ? store.messagePayload(row.messageId) : store.payload(row.entry);
    result.matches = matchesSearch(payload);
    result.passes = result.matches || !m_filter.onlyMatching;
    return result;
}

bool TimelineMatcher::passesCriteria(
    const FrameStore::Summary &summary, const TimelineRow &row, const FrameStore &store) const
{
    if (m_filter.connectionId != 0 && summary.connectionId != m_filter.connectionId)
        return false;
    if (summary.kind == FrameStore::Summary::Kind::Notice) {
        if (!(m_filter.classes & TimelineFilter::NoticeClass))
            return false;
        return !m_filter.onlyViolations || summary.hasViolation;
    }
    if (!(summary.direction == Direction::Incoming ? m_filter.incoming : m_filter.outgoing))
        return false;
    if (row.messageId >= 0) {
        if (!(m_filter.classes & TimelineFilter::DataClass))
            return false;
        return !m_filter.onlyViolations || store.messageSummary(row.messageId).hasViolation
            || summary.hasViolation;
    }
    if (!(m_filter.classes & classOf(summary.opcode)))
        return false;
    return !m_filter.onlyViolations || summary.hasViolation;
}

bool TimelineMatcher::matchesSearch(QByteArrayView payload) const
{
    payload = payload.first(std::min(payload.size(), SearchLimit));
    if (m_filter.regularExpression || m_unicodeFold) {
        const QString text = QString::fromUtf8(payload);
        if (m_unicodeFold)
            return text.contains(m_filter.search, Qt::CaseInsensitive);
        return m_regex.match(text).hasMatch();
    }
    if (m_needle.size() > payload.size())
        return false;
    if (!m_asciiFold)
        return payload.indexOf(QByteArrayView(m_needle)) >= 0;
    // ASCII case folding on the bytes (the needle is lower case): no conversion of the payload.
    const char *data = payload.data();
    const qsizetype last = payload.size() - m_needle.size();
    const char *needle = m_needle.constData();
    const qsizetype length = m_needle.size();
    for (qsizetype at = 0; at <= last; ++at) {
        if (asciiLower(data[at]) != needle[0])
            continue;
        qsizetype k = 1;
        while (k < length && asciiLower(data[at + k]) == needle[k])
            ++k;
        if (k == length)
            return true;
    }
    return false;
}

} // namespace Frameline
