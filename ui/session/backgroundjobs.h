#pragma once

#include <QtCore/QList>
#include <QtCore/QObject>
#include <QtCore/QPointer>
#include <QtCore/QThread>

#include <memory>
#include <optional>
#include <type_traits>
#include <utility>

namespace Frameline {

// Runs slow, self-contained work (reading a whole session, copying or exporting a file, scanning the
// journals) in a thread of its own, and hands the result back to the GUI thread, so the window stays
// responsive. The destructor waits for the jobs still running: a save that was started completes even
// when the window closes.
//
// Owned by whoever starts the jobs (the session controller); GUI thread.
class BackgroundJobs : public QObject
{
    Q_OBJECT
public:
    explicit BackgroundJobs(QObject *parent = nullptr);
    ~BackgroundJobs() override;

    // Calls work() in a new thread, then done(result) in this object's thread unless `context` is gone by
    // then.
    template<typename Work, typename Done> void run(Work work, QObject *context, Done done)
    {
        using Result = std::invoke_result_t<Work &>;
        auto result = std::make_shared<std::optional<Result>>();
        QThread *thread
            = QThread::create([result, work = std::move(work)]() mutable { result->emplace(work()); });
        thread->setObjectName(QStringLiteral("Frameline job"));
        m_threads.append(thread);
        QPointer<QObject> guard(context);
        connect(thread, &QThread::finished, this,
            [this, thread, result, guard, done = std::move(done)]() mutable {
                m_threads.removeOne(thread);
                thread->deleteLater();
                if (guard && result->has_value())
                    done(std::move(**result));
                if (m_threads.isEmpty())
                    Q_EMIT idle();
            });
        thread->start();
    }

    bool isBusy() const { return !m_threads.isEmpty(); }

Q_SIGNALS:
    // The last running job handed its result over.
    void idle();

private:
    QList<QThread *> m_threads;
};

} // namespace Frameline
