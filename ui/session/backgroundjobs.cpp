#include "ui/session/backgroundjobs.h"

namespace Frameline {

BackgroundJobs::BackgroundJobs(QObject *parent)
    : QObject(parent)
{ }

BackgroundJobs::~BackgroundJobs()
{
    // Their results have nowhere to go any more, but the work (a file being saved) is finished.
    for (QThread *thread : std::as_const(m_threads)) {
        disconnect(thread, nullptr, this, nullptr);
        thread->wait();
        delete thread;
    }
}

} // namespace Frameline
