#pragma once

#include "app/net/connectionevent.h"
#include "app/session/sessionformat.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QString>
#include <QtCore/QStringList>

namespace Frameline {

// What the desktop app does with session files on disk: tells a session from a HAR file and from
// anything else by its first bytes, reads either into events, and copies a file atomically. The file
// dialogs' filters and the default suffix live here too, so every dialog says the same.
//
// Stateless; every function may be called from any thread (the slow ones are called off the GUI thread).
class SessionFiles
{
    Q_DECLARE_TR_FUNCTIONS(SessionFiles)
public:
    // What a file holds, judged by its content, never by its name.
    enum class Kind : quint8 {
        Session, // its first line is a session header ("format":"frameline-session"), of any version
        Har, // a JSON object with a top-level "log" (as DevTools export it)
        Other, // anything else, also a file that cannot be read
    };
    static Kind sniff(const QString &path);
    static Kind sniffData(QByteArrayView head);

    // ".flsession", the suffix Save Session As adds when the name has none.
    static QString defaultSuffix();
    // "Frameline sessions (*.flsession *.jsonl)", and the rest of the Open dialog's filters.
    static QString sessionFilter();
    static QString harFilter();
    static QString allFilesFilter();
    // `path` with defaultSuffix() when its file name has no suffix.
    static QString withDefaultSuffix(const QString &path);

    // A whole session read into memory: a session file through SessionReader, a HAR file through
    // HarImport. ok false and error (a sentence naming the file) when it cannot be read.
    struct Loaded
    {
        bool ok = false;
        QString error;
        SessionHeader header;
        EventBatch events;
        QStringList warnings;
    };
    static Loaded load(const QString &path);

    // Copies the first `size` bytes of `source` (all of it for -1) to `target` atomically (temporary
    // file beside it, renamed into place when complete): the target is either as it was or the whole
    // copy. False and *error (naming the file) when it cannot.
    static bool copy(const QString &source, qint64 size, const QString &target, QString *error);
};

} // namespace Frameline
