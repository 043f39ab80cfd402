#include "app/session/sessionwriter.h"

#include <QtCore/QDir>
#include <QtCore/QFile>
#include <QtCore/QSaveFile>

namespace Frameline {

namespace {
// Lines waiting beyond this are flushed at once, whatever the timer says: memory stays bounded when
// a fast stream (or a save) writes much more than the disk takes in one interval.
constexpr qsizetype FlushThreshold = 4 * 1024 * 1024;

} // namespace

SessionWriter::SessionWriter(QObject *parent)
    : QObject(parent)
{
    m_flushTimer.setSingleShot(true);
    connect(&m_flushTimer, &QTimer::timeout, this, [this] { flush(); });
}

SessionWriter::~SessionWriter()
{
    if (m_atomic)
        cancel();
    else
        close();
}

QString SessionWriter::displayName() const
{
    return m_fileName.isEmpty() ? tr("the session") : QDir::toNativeSeparators(m_fileName);
}

void SessionWriter::reset()
{
    m_flushTimer.stop();
    m_file.reset();
    m_device = nullptr;
    m_atomic = false;
    m_fileName.clear();
    m_header = SessionHeader();
    m_timeShiftNs = 0;
    m_buffer.clear();
    m_error.clear();
    m_eventCount = 0;
}

bool SessionWriter::setError(const QString &message)
{
    if (m_error.isEmpty()) {
        m_error = message;
        m_flushTimer.stop();
        m_buffer.clear();
        Q_EMIT errorOccurred(m_error);
    }
    return false;
}

bool SessionWriter::begin(QIODevice *device, const QString &fileName, const QByteArray &headerLine)
{
    m_device = device;
    m_fileName = fileName;
    m_buffer = headerLine;
    // The header goes out at once: from here on the file is a session, even if nothing else follows.
    return flush();
}

bool SessionWriter::create(const QString &path, const SessionHeader &header)
{
    close();
    reset();
    auto file = std::make_unique<QFile>(path);
    if (!file->open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        m_fileName = path;
        return setError(tr("Cannot create the session file %1: %2")
                            .arg(QDir::toNativeSeparators(path), file->errorString()));
    }
    m_header = header;
    m_file = std::move(file);
    return begin(m_file.get(), path, SessionFormat::encodeHeader(header));
}

bool SessionWriter::createAtomic(const QString &path, const SessionHeader &header)
{
    close();
    reset();
    auto file = std::make_unique<QSaveFile>(path);
    if (!file->open(QIODevice::WriteOnly)) {
        m_fileName = path;
        return setError(tr("Cannot save the session file %1: %2")
                            .arg(QDir::toNativeSeparators(path), file->errorString()));
    }
    m_header = header;
    m_atomic = true;
    m_file = std::move(file);
    return begin(m_file.get(), path, SessionFormat::encodeHeader(header));
}

bool SessionWriter::openForAppend(const QString &path, qint64 eventsTimeOriginMs)
{
    close();
    reset();
    m_fileName = path;
    const QString name = QDir::toNativeSeparators(path);
    auto file = std::make_unique<QFile>(path);
    if (!file->exists() || file->size() == 0) {
        SessionHeader header = SessionHeader::forNewSession();
        header.timeOriginMs = eventsTimeOriginMs;
        return create(path, header);
    }
    if (!file->open(QIODevice::ReadOnly))
        return setError(
            tr("Cannot open the session file %1 to append to it: %2").arg(name, file->errorString()));
    QByteArray headerLine = file->readLine(SessionFormat::MaxHeaderLength + 1);
    if (headerLine.endsWith('\n'))
        headerLine.chop(1);
    SessionHeader header;
    QString problem;
    const auto status = SessionFormat::decodeHeader(headerLine, &header, &problem);
    if (status == SessionFormat::HeaderStatus::NotASession
        || status == SessionFormat::HeaderStatus::Unsupported)
        return setError(tr("Cannot append to %1: it is not a session file this version can write to (%2)")
                            .arg(name, problem));
    // Does the file end with a complete line? If not, the last one was cut (a crash while writing it).
    bool endsWithNewline = true;
    if (file->seek(file->size() - 1)) {
        char last = '\n';
        endsWithNewline = file->getChar(&last) && last == '\n';
    }
    file->close();
    if (!file->open(QIODevice::WriteOnly | QIODevice::Append))
        return setError(
            tr("Cannot open the session file %1 to append to it: %2").arg(name, file->errorString()));
    m_header = header;
    m_timeShiftNs = (eventsTimeOriginMs - header.timeOriginMs) * 1000000;
    m_file = std::move(file);
    return begin(m_file.get(), path, endsWithNewline ? QByteArray() : QByteArray(1, '\n'));
}

bool SessionWriter::start(QIODevice *device, const SessionHeader &header)
{
    close();
    reset();
    if (!device || !device->isWritable())
        return setError(tr("Cannot write the session: the device is not open for writing"));
    m_header = header;
    return begin(device, QString(), SessionFormat::encodeHeader(header));
}

void SessionWriter::setFlushInterval(int milliseconds)
{
    m_flushIntervalMs = qMax(0, milliseconds);
    if (m_flushIntervalMs == 0)
        m_flushTimer.stop();
}

bool SessionWriter::write(const ConnectionEvent &event)
{
    if (!m_device || !m_error.isEmpty())
        return false;
    if (m_timeShiftNs == 0) {
        SessionFormat::appendEvent(m_buffer, event);
    } else {
        ConnectionEvent shifted = event;
        std::visit([this](auto &value) { value.timestampNs += m_timeShiftNs; }, shifted);
        SessionFormat::appendEvent(m_buffer, shifted);
    }
    ++m_eventCount;
    if (m_buffer.size() >= FlushThreshold)
        return flush();
    if (m_flushIntervalMs > 0 && !m_flushTimer.isActive())
        m_flushTimer.start(m_flushIntervalMs);
    return true;
}

bool SessionWriter::write(const EventBatch &events)
{
    for (const ConnectionEvent &event : events) {
        if (!write(event))
            return false;
    }
    return true;
}

bool SessionWriter::flush()
{
    m_flushTimer.stop();
    if (!m_device || !m_error.isEmpty())
        return false;
    if (!m_buffer.isEmpty()) {
        const qint64 written = m_device->write(m_buffer);
        if (written != m_buffer.size())
            return setError(
                tr("Cannot write the session file %1: %2").arg(displayName(), m_device->errorString()));
        m_buffer.resize(0);
    }
    // QFile keeps a buffer of its own: hand the bytes to the operating system now, and learn of errors
    // (a full disk) here rather than at close.
    if (m_file && !m_file->flush())
        return setError(tr("Cannot write the session file %1: %2").arg(displayName(), m_file->errorString()));
    return true;
}

bool SessionWriter::close()
{
    if (!m_device)
        return m_error.isEmpty();
    flush();
    bool ok = m_error.isEmpty();
    if (auto *saveFile = qobject_cast<QSaveFile *>(m_file.get())) {
        if (!ok) {
            saveFile->cancelWriting();
        } else if (!saveFile->commit()) {
            ok = setError(
                tr("Cannot save the session file %1: %2").arg(displayName(), saveFile->errorString()));
        }
    } else if (m_file) {
        m_file->close();
        if (ok && m_file->error() != QFileDevice::NoError)
            ok = setError(
                tr("Cannot write the session file %1: %2").arg(displayName(), m_file->errorString()));
    }
    m_file.reset();
    m_device = nullptr;
    m_atomic = false;
    m_flushTimer.stop();
    return ok;
}

void SessionWriter::cancel()
{
    if (auto *saveFile = qobject_cast<QSaveFile *>(m_file.get())) {
        m_flushTimer.stop();
        m_buffer.clear();
        saveFile->cancelWriting();
        saveFile->commit(); // does nothing but drop the temporary file after cancelWriting()
        m_file.reset();
        m_device = nullptr;
        m_atomic = false;
        return;
    }
    close();
}

bool SessionWriter::save(
    const QString &path, const EventBatch &events, const SessionHeader &header, QString *error)
{
    SessionWriter writer;
    writer.setFlushInterval(0);
    const bool ok = writer.createAtomic(path, header) && writer.write(events) && writer.close();
    if (!ok) {
        if (error)
            *error = writer.errorString();
        writer.cancel();
    }
    return ok;
}

} // namespace Frameline
