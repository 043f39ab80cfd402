#pragma once

#include "app/session/framestore.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QFile>
#include <QtCore/QString>

#include <atomic>
#include <functional>
#include <mutex>

namespace Frameline {

// A session file as an indexed FrameStore reads it: one event line at a time, at the offset and length its
// index gave, decoded in full, its timestamp moved by `shiftNs` (as SessionLoader moves every event onto
// this process's clock). Positioned reads through a file handle, not a memory map, so a file truncated or
// rewritten while a tab shows it gives an error (a line cut short, or not the event the index described)
// and never a SIGBUS. The first failure is reported to the failure handler once (the tab says the file
// changed); later reads keep trying, so a file put back as it was reads again.
//
// Created by the loader thread, then shared with the store; read() and failed() may be called from any
// thread at once (reads are serialised by a mutex, decoding is not).
class SessionEventFile : public FrameStore::EventFile
{
    Q_DECLARE_TR_FUNCTIONS(SessionEventFile)
public:
    SessionEventFile() = default;
    ~SessionEventFile() override;

    // Opens `path` for reading. False and *error when it cannot be opened.
    bool open(const QString &path, qint64 shiftNs, QString *error);
    QString path() const { return m_path; }

    std::optional<ConnectionEvent> read(qint64 offset, qint64 length, QString *error) const override;
    void failed(const QString &error) const override;

    // Any thread: called (in the thread that failed) with the first failure; an empty function stops it.
    void setFailureHandler(std::function<void(const QString &error)> handler);
    bool hasFailed() const { return m_failed.load(std::memory_order_acquire); }

private:
    QString m_path;
    qint64 m_shiftNs = 0;
    mutable QFile m_file;
    mutable std::mutex m_fileMutex;
    mutable std::mutex m_handlerMutex;
    std::function<void(const QString &)> m_handler;
    mutable std::atomic<bool> m_failed { false };
};

} // namespace Frameline
