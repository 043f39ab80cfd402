#pragma once

#include "app/net/connection.h"
#include "app/net/connectionevent.h"
#include "app/session/jsonline.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QSet>
#include <QtCore/QString>

#include <cstdio>

namespace Frameline {

// Prints what connections report, for `frameline-cli connect` and `serve`: one line per event, either for
// people ("12:00:01.234 [#1] → text 5 B  Hello") or as one JSON object per line whose frame and message
// fields are those of `frameline-cli decode` (see FrameJson). Every line is flushed at once, so a program
// reading the output sees each event as it happens.
//
// Owned by the command; used on the main thread.
class EventPrinter
{
    Q_DECLARE_TR_FUNCTIONS(EventPrinter)
public:
    enum class Format : quint8 { Human, Json };

    // `role` is the side whose connections are printed (wording of handshake lines); `verbose` adds the
    // raw handshake heads to the human format (the JSON format always has them).
    EventPrinter(Format format, Connection::Role role, FILE *out, bool verbose = false);

    Format format() const { return m_format; }

    void print(const EventBatch &batch);
    void print(const ConnectionEvent &event);
    // `serve`: the server is up ("listening on ws://127.0.0.1:PORT/").
    void printListening(
        const QString &url, const QString &address, quint16 port, const QString &certificateFile);
    // Something the command itself did ("closing: --close-after elapsed"); connectionId 0 for none.
    void printInfo(quint64 connectionId, const QString &text);
    void printError(quint64 connectionId, const QString &text);

    // "12:00:01.234" in local time, and "2026-01-02T11:00:01.234Z", for a Clock timestamp.
    static QString localTime(qint64 timestampNs);
    static QString wallTime(qint64 timestampNs);

private:
    void printFrame(const FrameEvent &event);
    void printMessage(const MessageEvent &event);
    void printNotice(const ConnectionNotice &notice);
    void printHumanNotice(const ConnectionNotice &notice);
    void printJsonNotice(const ConnectionNotice &notice);
    void printHumanHandshake(const ConnectionNotice &notice);
    void printHumanTls(const ConnectionNotice &notice);
    void printViolationLines(const QString &prefix, const Violations &violations);
    void printNote(quint64 connectionId, QByteArrayView type, const QString &text);

    JsonLine startJson(QByteArrayView type, quint64 connectionId, qint64 timestampNs) const;
    QString humanPrefix(quint64 connectionId, qint64 timestampNs) const;
    void writeLine(const QString &line);
    void write(const QByteArray &bytes);

    Format m_format;
    Connection::Role m_role;
    FILE *m_out;
    bool m_verbose;
    QSet<quint64> m_opened; // connections that reached Open, to tell "closed" from "never opened"
};

} // namespace Frameline
