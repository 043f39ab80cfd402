#pragma once

#include "app/protocol/frame.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QString>
#include <QtCore/QStringList>

#include <optional>

namespace Frameline {

// What the command line asks the desktop app to do at start.
struct StartupOptions
{
    QString language; // --lang: "ko", "en", or empty for the system's
    std::optional<QString> decodeHex; // --decode-hex
    QString bytesFile; // positional: a file of raw bytes to decode
    QString sessionFile; // positional: a session or HAR file (by its content) to open read-only
    QString url; // positional: a ws:// or wss:// URL to open a client tab on and connect to
    std::optional<int> serverPort; // --server: open a server tab listening on this port (0: a free one)
    std::optional<Endpoint> sender; // --from
    std::optional<QString> extensions; // --extensions
    std::optional<int> selectFrame; // --select-frame
    QString screenshotFile; // --screenshot: save the window to this PNG and quit
};

// The desktop app's command line: --help, --version, --lang, --server, --decode-hex, --from,
// --extensions, --select-frame, --screenshot and an optional URL (connects a client tab) or file: a session
// or HAR file (told by its content: a session header line, a JSON object with "log") opens read-only in a
// session tab, any other file in the decoder.
//
// Stateless; GUI thread (it may print and exit like QCommandLineParser::process).
class CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)
public:
    // The --lang value, read before anything else so that --help is printed in that language.
    static QString languageArgument(const QStringList &arguments);
    // Parses the whole command line; prints help, the version or an error and exits when asked or wrong.
    static StartupOptions parse(const QStringList &arguments);
    // Parses without printing or exiting: nothing and *error when the command line is wrong (--help and
    // --version count as wrong here). For tests and for callers that report errors themselves.
    static std::optional<StartupOptions> tryParse(const QStringList &arguments, QString *error);

    // Whether the raw command line asks for --help or --version, which main() answers before it creates
    // QApplication (that needs a display; help should not).
    static bool asksForHelpOrVersion(int argc, const char *const *argv);
    // Prints the help or the version and returns true when the command line asks for one and is otherwise
    // valid; returns false (printing nothing) for anything else, which parse() then handles.
    static bool printHelpOrVersion(const QStringList &arguments);
};

} // namespace Frameline
