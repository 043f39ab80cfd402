#pragma once

#include <QtCore/QCoreApplication>
#include <QtCore/QString>
#include <QtQml/QJSValue>

QT_BEGIN_NAMESPACE
class QJSEngine;
QT_END_NAMESPACE

namespace Frameline {

// The JavaScript half of the script API (ws, server, timers, expect, run, utilities): one function,
// evaluated before the user's script, that receives the native bridge and installs the globals. Stateless.
class ScriptPrelude
{
    Q_DECLARE_TR_FUNCTIONS(ScriptRunner)
public:
    // The file name the prelude is evaluated under; stack frames in it are not the user's.
    static QString fileName();
    // `(function (native, T, global, mode, preludeFile) { ... return dispatch; })`
    static QString source();
    // The translated texts the prelude shows (assertion failures, errors), as a JavaScript object.
    static QJSValue strings(QJSEngine *engine);
};

} // namespace Frameline
