#include "app/session/sessioneventfile.h"

#include "app/session/sessionformat.h"

#include <QtCore/QDir>

#include <limits>
#include <variant>

namespace Frameline {

SessionEventFile::~SessionEventFile() = default;

bool SessionEventFile::open(const QString &path, qint64 shiftNs, QString *error)
{
    m_path = path;
    m_shiftNs = shiftNs;
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
        if (error)
            *error = tr("Cannot open %1: %2").arg(QDir::toNativeSeparators(path), m_file.errorString());
        return false;
    }
    return true;
}

std::optional<ConnectionEvent> SessionEventFile::read(qint64 offset, qint64 length, QString *error) const
{
    const auto fail = [&](const QString &message) -> std::optional<ConnectionEvent> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (offset < 0 || length < 0 || length >= std::numeric_limits<qsizetype>::max() / 2)
        return fail(tr("No event line at byte %1 of %2").arg(offset).arg(QDir::toNativeSeparators(m_path)));
    // The line and the '\n' that ends it (a last line without one ends at the end of the file).
    QByteArray line(qsizetype(length + 1), Qt::Uninitialized);
    qint64 got = 0;
    {
        std::lock_guard<std::mutex> lock(m_fileMutex);
        if (!m_file.isOpen() || !m_file.seek(offset))
            got = -1;
        else
            got = m_file.read(line.data(), line.size());
    }
    if (got < length) {
        return fail(tr("%1 is shorter than when it was opened: the event at byte %2 is no longer there "
                       "(the file has changed)")
                        .arg(QDir::toNativeSeparators(m_path))
                        .arg(offset));
    }
    if (got == length + 1) {
        if (line.back() != '\n')
            return fail(tr("The event at byte %1 of %2 is not where it was when the file was opened (the file "
                           "has changed)")
                            .arg(offset)
                            .arg(QDir::toNativeSeparators(m_path)));
    }
    line.truncate(qsizetype(length));
    SessionFormat::DecodedEvent decoded = SessionFormat::decodeEvent(line);
    if (decoded.status != SessionFormat::DecodeStatus::Ok) {
        return fail(tr("The event at byte %1 of %2 cannot be read (the file has changed?): %3")
                        .arg(offset)
                        .arg(QDir::toNativeSeparators(m_path), decoded.error));
    }
    if (m_shiftNs != 0)
        std::visit([this](auto &value) { value.timestampNs += m_shiftNs; }, decoded.event);
    return std::move(decoded.event);
}

void SessionEventFile::failed(const QString &error) const
{
    if (m_failed.exchange(true, std::memory_order_acq_rel))
        return;
    std::lock_guard<std::mutex> lock(m_handlerMutex);
    if (m_handler)
        m_handler(error);
}

void SessionEventFile::setFailureHandler(std::function<void(const QString &error)> handler)
{
    std::lock_guard<std::mutex> lock(m_handlerMutex);
    m_handler = std::move(handler);
}

} // namespace Frameline
