#include "app/script/scripthost.h"

#include "app/net/clock.h"
#include "app/protocol/closecode.h"
#include "app/script/scriptbridge.h"
#include "app/script/scriptprelude.h"

#include <QtCore/QMutexLocker>
#include <QtCore/QRegularExpression>
#include <QtQml/QJSEngine>

namespace {

// When an event's bytes crossed the socket, in milliseconds since 1970 with sub-millisecond precision: the
// scale of Date.now(), so scripts can measure latency without the delivery delay of event batches.
double wallClockMs(qint64 monotonicNs)
{
    return double(Frameline::Clock::wallClockAnchorMs()) + double(monotonicNs) / 1e6;
}

} // namespace

namespace Frameline {

namespace {

constexpr int flushFallbackMs = 1000; // the link answers at once unless its thread is stuck
constexpr int settleRounds = 5;       // event-loop turns for queued promise jobs before a run ends

QString initiatorId(CloseInitiator initiator)
{
    switch (initiator) {
    case CloseInitiator::Local:
        return QStringLiteral("local");
    case CloseInitiator::Remote:
        return QStringLiteral("remote");
    case CloseInitiator::None:
        break;
    }
    return QStringLiteral("none");
}

// "1000 Normal Closure", with the reason when there is one.
QString closeText(const CloseInfo &close)
{
    QString text = QString::number(close.code) + QLatin1Char(' ') + CloseCodes::name(close.code);
    if (!close.reason.isEmpty())
        text += QStringLiteral(" \u201C") + close.reason + QStringLiteral("\u201D");
    return text;
}

} // namespace

void ScriptWatch::interrupt()
{
    QMutexLocker locker(&mutex);
    if (engine)
        engine->setInterrupted(true);
}

ScriptHost::ScriptHost(const ScriptRunner::Options &options, bool serverScript, std::shared_ptr<ScriptWatch> watch)
    : m_options(options)
    , m_serverScript(serverScript)
    , m_watch(std::move(watch))
{
}

ScriptHost::~ScriptHost()
{
    {
        QMutexLocker locker(&m_watch->mutex);
        m_watch->engine = nullptr;
    }
    m_dispatch = QJSValue();
    delete m_engine;
}

QString ScriptHost::userFileName() const
{
    return m_options.fileName.isEmpty() ? QStringLiteral("script.js") : m_options.fileName;
}

void ScriptHost::setUp()
{
    m_startNs = Clock::nowNs();
    m_watch->progressNs = m_startNs;
    m_engine = new QJSEngine(this);
    {
        QMutexLocker locker(&m_watch->mutex);
        m_watch->engine = m_engine;
    }
    // No installExtensions(): no Qt object, no qsTr, no Qt's console (the prelude brings its own).
    m_bridge = new ScriptBridge(this);
    QJSEngine::setObjectOwnership(m_bridge, QJSEngine::CppOwnership);
    const QJSValue prelude = m_engine->evaluate(ScriptPrelude::source(), ScriptPrelude::fileName(), 1);
    QJSValue strings = ScriptPrelude::strings(m_engine);
    strings.setProperty(QStringLiteral("waitForDefaultMs"), qMax(0, m_options.waitForDefaultMs));
    m_dispatch = prelude.call({ m_engine->newQObject(m_bridge), strings, m_engine->globalObject(),
                                m_serverScript ? QStringLiteral("server") : QStringLiteral("client"),
                                ScriptPrelude::fileName() });
    if (prelude.isError() || m_dispatch.isError() || !m_dispatch.isCallable()) {
        fail(tr("The script API could not be set up: %1").arg(errorText(prelude.isError() ? prelude : m_dispatch)));
        return;
    }

    m_heartbeat.setInterval(qBound(10, m_options.busyLimitMs / 4, 100));
    connect(&m_heartbeat, &QTimer::timeout, this, &ScriptHost::onHeartbeat);
    m_heartbeat.start();
    if (m_options.timeoutMs > 0) {
        m_runTimeout.setSingleShot(true);
        m_runTimeout.setInterval(m_options.timeoutMs);
        connect(&m_runTimeout, &QTimer::timeout, this,
                [this] { fail(tr("Timed out after %1 ms").arg(m_options.timeoutMs)); });
        m_runTimeout.start();
    }
    m_flushFallback.setSingleShot(true);
    m_flushFallback.setInterval(flushFallbackMs);
    connect(&m_flushFallback, &QTimer::timeout, this, &ScriptHost::emitFinished);
}

void ScriptHost::onSnapshot(const ScriptTargetSnapshot &snapshot)
{
    if (m_ending)
        return;
    if (!snapshot.exists) {
        fail(m_serverScript ? tr("The server no longer exists") : tr("The connection no longer exists"));
        return;
    }
    m_targetUrl = snapshot.url;
    if (m_serverScript) {
        for (const ScriptTargetSnapshot::Client &client : snapshot.openClients) {
            Peer &peer = m_peers[client.connectionId];
            peer.state = ConnectionState::Open;
            peer.handshake = client.handshake;
        }
        startScript();
        return;
    }
    m_connectionId = snapshot.connectionId;
    Peer &peer = m_peers[m_connectionId];
    peer.state = snapshot.state;
    peer.handshake = snapshot.handshake;
    switch (snapshot.state) {
    case ConnectionState::Open:
        startScript();
        break;
    case ConnectionState::Closing:
    case ConnectionState::Closed:
        fail(tr("The connection is %1; a script needs an open connection")
                 .arg(ConnectionText::stateName(snapshot.state)));
        break;
    default:
        log(ScriptLogEntry::Kind::Info, tr("Waiting for the connection to open"), 0);
        break;
    }
}

QJSValue ScriptHost::peerInfo(quint64 connectionId, const Peer &peer) const
{
    Q_UNUSED(connectionId)
    QJSValue info = m_engine->newObject();
    info.setProperty(QStringLiteral("state"), ConnectionText::stateId(peer.state));
    QString url = m_targetUrl;
    QString protocol;
    QString path;
    QJSValue headers = m_engine->newObject();
    if (peer.handshake) {
        protocol = QString::fromUtf8(peer.handshake->subprotocol);
        if (m_serverScript) {
            path = QString::fromUtf8(peer.handshake->request.target());
            QString base = m_targetUrl;
            if (base.endsWith(QLatin1Char('/')) && path.startsWith(QLatin1Char('/')))
                base.chop(1);
            url = base + path;
            QHash<QString, QString> values;
            QStringList order;
            for (const HttpMessage::Field &field : peer.handshake->request.fields()) {
                const QString name = QString::fromLatin1(field.name).toLower();
                if (!values.contains(name))
                    order.append(name);
                QString &value = values[name];
                value = value.isEmpty() ? QString::fromUtf8(field.value)
                                        : value + QStringLiteral(", ") + QString::fromUtf8(field.value);
            }
            for (const QString &name : std::as_const(order))
                headers.setProperty(name, values.value(name));
        } else if (!peer.handshake->url.isEmpty()) {
            url = peer.handshake->url;
        }
    }
    info.setProperty(QStringLiteral("url"), url);
    info.setProperty(QStringLiteral("protocol"), protocol);
    if (m_serverScript) {
        info.setProperty(QStringLiteral("path"), path);
        info.setProperty(QStringLiteral("headers"), headers);
    }
    return info;
}

void ScriptHost::startScript()
{
    if (m_scriptStarted || m_ending)
        return;
    m_scriptStarted = true;
    Q_EMIT started();
    log(ScriptLogEntry::Kind::Info, tr("Script started"), 0);
    if (m_serverScript) {
        QJSValue info = m_engine->newObject();
        info.setProperty(QStringLiteral("url"), m_targetUrl);
        dispatch(QStringLiteral("server"), { info });
    } else {
        Peer &peer = m_peers[m_connectionId];
        peer.announced = true;
        dispatch(QStringLiteral("client"), { double(m_connectionId), peerInfo(m_connectionId, peer) });
    }
    if (m_ending)
        return;

    ++m_callDepth;
    const QJSValue result = m_engine->evaluate(m_options.source, userFileName(), 1);
    --m_callDepth;
    m_watch->progressNs = Clock::nowNs();
    if (m_watch->busyInterrupted || m_watch->stopRequested) {
        onHeartbeat();
        return;
    }
    if (m_ending)
        return;
    if (result.isError()) {
        QString text = errorText(result);
        const int line = userLine(result, userFileName());
        if (result.errorType() == QJSValue::SyntaxError) {
            const QString sourceLine = m_options.source.section(QLatin1Char('\n'), line - 1, line - 1);
            if (sourceLine.contains(QRegularExpression(QStringLiteral("\\bimport\\b"))))
                text = tr("%1 is not available in Frameline scripts: scripts can reach only the ws API "
                          "(see docs/scripting.md)").arg(QStringLiteral("import"));
        }
        fail(text, line);
        return;
    }
    if (!m_serverScript) {
        dispatch(QStringLiteral("open"), { double(m_connectionId) });
        return;
    }
    // Clients that were already open when the script started.
    for (auto it = m_peers.begin(); it != m_peers.end() && !m_ending; ++it) {
        if (it->state == ConnectionState::Open && !it->announced) {
            it->announced = true;
            dispatch(QStringLiteral("connection"), { double(it.key()), peerInfo(it.key(), *it) });
        }
    }
}

QJSValue ScriptHost::call(const QJSValue &function, const QJSValueList &arguments)
{
    if (m_ending || m_doneRequested)
        return {};
    ++m_callDepth;
    const QJSValue result = QJSValue(function).call(arguments);
    --m_callDepth;
    if (m_callDepth == 0)
        m_watch->progressNs = Clock::nowNs();
    if (m_watch->busyInterrupted || m_watch->stopRequested) {
        onHeartbeat();
        return {};
    }
    if (result.isError() && !m_ending)
        recordError(errorText(result), userLine(result, userFileName()));
    return result;
}

QJSValue ScriptHost::dispatch(const QString &event, const QJSValueList &arguments)
{
    QJSValueList all;
    all.reserve(arguments.size() + 1);
    all.append(event);
    all.append(arguments);
    return call(m_dispatch, all);
}

QJSValue ScriptHost::bytes(const QByteArray &data) const
{
    return m_engine->toScriptValue(data);
}

void ScriptHost::onEvents(const EventBatch &events)
{
    for (const ConnectionEvent &event : events) {
        if (m_ending || m_doneRequested)
            return;
        if (const auto *frame = std::get_if<FrameEvent>(&event))
            handleFrame(*frame);
        else if (const auto *message = std::get_if<MessageEvent>(&event))
            handleMessage(*message);
        else if (const auto *notice = std::get_if<ConnectionNotice>(&event))
            handleNotice(*notice);
    }
}

void ScriptHost::handleFrame(const FrameEvent &event)
{
    if (event.direction != Direction::Incoming)
        return;
    const auto peer = m_peers.constFind(event.connectionId);
    if (peer == m_peers.cend() || !peer->announced)
        return;
    const Frame &frame = event.frame;
    QJSValue data = m_engine->newObject();
    data.setProperty(QStringLiteral("fin"), frame.fin);
    data.setProperty(QStringLiteral("rsv1"), frame.rsv1);
    data.setProperty(QStringLiteral("rsv2"), frame.rsv2);
    data.setProperty(QStringLiteral("rsv3"), frame.rsv3);
    data.setProperty(QStringLiteral("opcode"), int(frame.opcode));
    data.setProperty(QStringLiteral("masked"), frame.masked);
    if (frame.masked) {
        QJSValue key = m_engine->newArray(4);
        for (quint32 i = 0; i < 4; ++i)
            key.setProperty(i, int(frame.maskingKey[i]));
        data.setProperty(QStringLiteral("maskKey"), key);
    } else {
        data.setProperty(QStringLiteral("maskKey"), QJSValue(QJSValue::NullValue));
    }
    data.setProperty(QStringLiteral("payloadLength"), double(frame.payloadLength));
    data.setProperty(QStringLiteral("lengthForm"), int(frame.lengthForm));
    data.setProperty(QStringLiteral("payload"), bytes(event.payload));
    data.setProperty(QStringLiteral("direction"), QStringLiteral("incoming"));
    data.setProperty(QStringLiteral("time"), wallClockMs(event.timestampNs));
    dispatch(QStringLiteral("frame"), { double(event.connectionId), data });
}

void ScriptHost::handleMessage(const MessageEvent &event)
{
    if (event.direction != Direction::Incoming)
        return;
    const auto peer = m_peers.constFind(event.connectionId);
    if (peer == m_peers.cend() || !peer->announced)
        return;
    QJSValue data = m_engine->newObject();
    data.setProperty(QStringLiteral("text"), QString::fromUtf8(event.message.payload));
    data.setProperty(QStringLiteral("payload"), bytes(event.message.payload));
    data.setProperty(QStringLiteral("opcode"), int(event.message.opcode));
    data.setProperty(QStringLiteral("time"), wallClockMs(event.timestampNs));
    dispatch(QStringLiteral("message"), { double(event.connectionId), data });
}

void ScriptHost::handleNotice(const ConnectionNotice &notice)
{
    const quint64 id = notice.connectionId;
    if (!m_serverScript && id != m_connectionId)
        return;
    Peer &peer = m_peers[id];
    switch (notice.kind) {
    case ConnectionNotice::Kind::Handshake:
        peer.handshake = notice.handshake;
        return;
    case ConnectionNotice::Kind::Error:
    case ConnectionNotice::Kind::Violation:
        if (peer.announced) {
            log(ScriptLogEntry::Kind::Warning, notice.text, 0, id);
            dispatch(QStringLiteral("error"), { double(id), notice.text });
        }
        return;
    case ConnectionNotice::Kind::StateChanged:
        break;
    default:
        return;
    }

    peer.state = notice.state;
    if (peer.announced)
        dispatch(QStringLiteral("state"), { double(id), ConnectionText::stateId(notice.state) });
    if (notice.state == ConnectionState::Open && !peer.announced) {
        if (!m_serverScript) {
            startScript();
        } else if (m_scriptStarted) {
            peer.announced = true;
            log(ScriptLogEntry::Kind::Info, tr("Client %1 connected").arg(id), 0, id);
            dispatch(QStringLiteral("connection"), { double(id), peerInfo(id, peer) });
        }
        return;
    }
    if (notice.state != ConnectionState::Closed)
        return;

    const CloseInfo &close = notice.close;
    if (!peer.announced) {
        if (!m_serverScript)
            fail(tr("The connection ended before it opened: %1")
                     .arg(notice.text.isEmpty() ? closeText(close) : notice.text));
        m_peers.remove(id);
        return;
    }
    QJSValue info = m_engine->newObject();
    info.setProperty(QStringLiteral("code"), int(close.code));
    info.setProperty(QStringLiteral("reason"), close.reason);
    info.setProperty(QStringLiteral("initiator"), initiatorId(close.initiator));
    info.setProperty(QStringLiteral("wasClean"), !close.abnormal);
    log(ScriptLogEntry::Kind::Info,
        m_serverScript ? tr("Client %1 closed: %2").arg(id).arg(closeText(close))
                       : tr("The connection closed: %1").arg(closeText(close)),
        0, id);
    dispatch(QStringLiteral("close"), { double(id), info });
    m_peers.remove(id);
    if (!m_serverScript)
        finishSoon();
}

void ScriptHost::onSendResult(quint64 connectionId, int frames, const QString &error)
{
    m_outcome.framesSent += quint64(qMax(0, frames));
    if (!error.isEmpty() && !m_finished)
        log(ScriptLogEntry::Kind::Warning, tr("Nothing was sent: %1").arg(error), 0, connectionId);
}

void ScriptHost::onTargetGone()
{
    if (m_ending)
        return;
    if (m_serverScript) {
        log(ScriptLogEntry::Kind::Info, tr("The server stopped"), 0);
        finishSoon();
    } else {
        fail(tr("The connection was deleted while the script was running"));
    }
}

void ScriptHost::stopRun()
{
    if (m_ending)
        return;
    log(ScriptLogEntry::Kind::Info, tr("Stopped"), 0);
    finish(ScriptOutcome::Result::Stopped);
}

void ScriptHost::onHeartbeat()
{
    if (m_ending)
        return;
    if (m_watch->stopRequested) {
        stopRun();
        return;
    }
    if (m_watch->busyInterrupted) {
        fail(tr("The script ran for more than %1 ms without yielding (an endless loop?)").arg(m_options.busyLimitMs));
        return;
    }
    if (m_callDepth == 0)
        m_watch->progressNs = Clock::nowNs();
}

bool ScriptHost::send(quint64 connectionId, const ScriptSend &send)
{
    if (m_ending || m_doneRequested)
        return false;
    const auto peer = m_peers.constFind(connectionId);
    if (peer == m_peers.cend() || !peer->announced) {
        log(ScriptLogEntry::Kind::Warning, tr("Nothing was sent: the connection is closed"), 0, connectionId);
        return false;
    }
    if (peer->state != ConnectionState::Open) {
        log(ScriptLogEntry::Kind::Warning,
            tr("Nothing was sent: the connection is %1").arg(ConnectionText::stateName(peer->state)), 0,
            connectionId);
        return false;
    }
    Q_EMIT sendRequested(connectionId, send);
    return true;
}

bool ScriptHost::makeFrameSpec(const QJSValue &spec, const QByteArray &payload, FrameSpec *out, QString *error)
{
    FrameSpec result;
    const auto flag = [&spec](const QString &name, bool fallback) {
        const QJSValue value = spec.property(name);
        return value.isUndefined() ? fallback : value.toBool();
    };
    result.fin = flag(QStringLiteral("fin"), true);
    result.rsv1 = flag(QStringLiteral("rsv1"), false);
    result.rsv2 = flag(QStringLiteral("rsv2"), false);
    result.rsv3 = flag(QStringLiteral("rsv3"), false);

    const QJSValue opcode = spec.property(QStringLiteral("opcode"));
    if (!opcode.isUndefined()) {
        const double value = opcode.toNumber();
        if (!opcode.isNumber() || value != std::floor(value) || value < 0 || value > 15) {
            *error = tr("ws.sendFrame: opcode must be a number 0-15, got %1").arg(opcode.toString());
            return false;
        }
        result.opcode = quint8(value);
    }

    const QJSValue mask = spec.property(QStringLiteral("mask"));
    if (mask.isUndefined()) {
        result.masking = m_serverScript ? FrameSpec::Masking::None : FrameSpec::Masking::Random;
    } else if (mask.isBool()) {
        result.masking = mask.toBool() ? FrameSpec::Masking::Random : FrameSpec::Masking::None;
    } else {
        const bool fourBytes = mask.isArray() && mask.property(QStringLiteral("length")).toInt() == 4;
        bool valid = fourBytes;
        for (quint32 i = 0; valid && i < 4; ++i) {
            const QJSValue byte = mask.property(i);
            const double value = byte.toNumber();
            valid = byte.isNumber() && value == std::floor(value) && value >= 0 && value <= 255;
            if (valid)
                result.maskingKey[i] = quint8(value);
        }
        if (!valid) {
            *error = tr("ws.sendFrame: mask must be true, false or an array of 4 bytes, got %1").arg(mask.toString());
            return false;
        }
        result.masking = FrameSpec::Masking::Chosen;
    }

    const QJSValue lengthForm = spec.property(QStringLiteral("lengthForm"));
    if (!lengthForm.isUndefined() && !lengthForm.isNull()) {
        const int form = lengthForm.toInt();
        if (form != 7 && form != 16 && form != 64) {
            *error = tr("ws.sendFrame: lengthForm must be 7, 16 or 64, got %1").arg(lengthForm.toString());
            return false;
        }
        result.lengthForm = LengthForm(form);
    }
    const QJSValue declared = spec.property(QStringLiteral("declaredLength"));
    if (!declared.isUndefined() && !declared.isNull()) {
        const double value = declared.toNumber();
        if (!declared.isNumber() || value != std::floor(value) || value < 0 || value > 9007199254740991.0) {
            *error = tr("ws.sendFrame: declaredLength must be a whole number ≥ 0, got %1").arg(declared.toString());
            return false;
        }
        result.declaredLength = quint64(value);
    }
    result.payload = payload;
    *out = result;
    return true;
}

int ScriptHost::startTimer(int ms, bool repeat)
{
    if (m_ending)
        return 0;
    const int id = m_nextTimerId++;
    auto *timer = new QTimer(this);
    timer->setTimerType(Qt::PreciseTimer);
    timer->setSingleShot(!repeat);
    timer->setInterval(ms);
    connect(timer, &QTimer::timeout, this, [this, id, timer] {
        if (timer->isSingleShot()) {
            m_timers.remove(id);
            timer->deleteLater();
        }
        dispatch(QStringLiteral("timer"), { id });
    });
    m_timers.insert(id, timer);
    timer->start();
    return id;
}

void ScriptHost::stopTimer(int id)
{
    if (QTimer *timer = m_timers.take(id)) {
        timer->stop();
        timer->deleteLater();
    }
}

void ScriptHost::log(ScriptLogEntry::Kind kind, const QString &text, int line, quint64 connectionId)
{
    if (m_finished)
        return;
    ScriptLogEntry entry;
    entry.kind = kind;
    entry.timestampNs = Clock::nowNs();
    entry.text = text;
    if (line > 0) {
        entry.fileName = userFileName();
        entry.line = line;
    }
    entry.connectionId = connectionId;
    Q_EMIT logged(entry);
}

void ScriptHost::assertion(bool passed, const QString &text, int line)
{
    if (m_ending)
        return;
    if (passed) {
        ++m_outcome.assertionsPassed;
        log(ScriptLogEntry::Kind::AssertPass, text, line);
        return;
    }
    ++m_outcome.assertionsFailed;
    m_outcome.failures.append(line > 0 ? tr("line %1: %2").arg(line).arg(text) : text);
    log(ScriptLogEntry::Kind::AssertFail, text, line);
}

void ScriptHost::reportError(const QJSValue &error, const QString &where)
{
    if (m_ending || m_watch->busyInterrupted || m_watch->stopRequested)
        return;
    recordError(tr("%1 (in %2)").arg(errorText(error), where), userLine(error, userFileName()));
}

void ScriptHost::unhandledRejection(const QJSValue &reason)
{
    if (m_ending || m_watch->busyInterrupted || m_watch->stopRequested)
        return;
    recordError(tr("Unhandled promise rejection: %1").arg(errorText(reason)), userLine(reason, userFileName()));
}

void ScriptHost::done()
{
    if (m_ending || m_doneRequested)
        return;
    m_doneRequested = true;
    // The rest of the calling function and the promise jobs it queued still run; then the run ends.
    m_settleRounds = 0;
    finishSoon();
}

int ScriptHost::userLine(const QJSValue &error, const QString &fileName)
{
    Q_UNUSED(fileName)
    if (!error.isObject())
        return 0;
    const QStringList frames = error.property(QStringLiteral("stack")).toString().split(QLatin1Char('\n'));
    static const QRegularExpression lineAtEnd(QStringLiteral(":(\\d+)$"));
    for (const QString &frame : frames) {
        if (frame.contains(ScriptPrelude::fileName()))
            continue;
        const QRegularExpressionMatch match = lineAtEnd.match(frame);
        if (match.hasMatch())
            return match.captured(1).toInt();
    }
    const QJSValue lineNumber = error.property(QStringLiteral("lineNumber"));
    const QString fileOfError = error.property(QStringLiteral("fileName")).toString();
    if (lineNumber.isNumber() && !fileOfError.contains(ScriptPrelude::fileName()))
        return lineNumber.toInt();
    return 0;
}

QString ScriptHost::errorText(const QJSValue &error)
{
    return error.toString();
}

void ScriptHost::recordError(const QString &error, int line, int column)
{
    log(ScriptLogEntry::Kind::Error, error, line);
    if (m_outcome.error.isEmpty()) {
        m_outcome.error = line > 0 ? tr("line %1: %2").arg(line).arg(error) : error;
        m_outcome.errorLine = line;
        m_outcome.errorColumn = column;
    }
}

void ScriptHost::fail(const QString &error, int line, int column)
{
    if (m_ending)
        return;
    log(ScriptLogEntry::Kind::Error, error, line);
    // The first error is the one that counts: a later one is usually a consequence.
    if (m_outcome.error.isEmpty()) {
        m_outcome.error = line > 0 ? tr("line %1: %2").arg(line).arg(error) : error;
        m_outcome.errorLine = line;
        m_outcome.errorColumn = column;
    }
    finish(ScriptOutcome::Result::Error);
}

void ScriptHost::finishSoon()
{
    if (m_ending || m_settling)
        return;
    m_settling = true;
    m_settleRounds = 0;
    QTimer::singleShot(0, this, &ScriptHost::settle);
}

void ScriptHost::settle()
{
    if (m_ending)
        return;
    if (++m_settleRounds < settleRounds) {
        QTimer::singleShot(0, this, &ScriptHost::settle);
        return;
    }
    finish(m_outcome.assertionsFailed > 0 ? ScriptOutcome::Result::Failed
               : m_outcome.error.isEmpty() ? ScriptOutcome::Result::Passed
                                           : ScriptOutcome::Result::Error);
}

void ScriptHost::finish(ScriptOutcome::Result result)
{
    if (m_ending)
        return;
    m_ending = true;
    m_watch->ending = true;
    // No JavaScript runs after this: promise jobs still queued would otherwise call back into the API.
    if (m_engine)
        m_engine->setInterrupted(true);
    // deleteLater: finish() may run inside one of these timers' own timeout.
    for (QTimer *timer : std::as_const(m_timers)) {
        timer->stop();
        timer->deleteLater();
    }
    m_timers.clear();
    m_heartbeat.stop();
    m_runTimeout.stop();
    m_outcome.result = result;
    // An error result also when a failed assertion came first: errors outrank failures.
    if (result == ScriptOutcome::Result::Failed && !m_outcome.error.isEmpty())
        m_outcome.result = ScriptOutcome::Result::Error;
    // Wait until the link applied every send, so framesSent is complete and the last frames are out.
    m_flushToken = quint64(Clock::nowNs());
    m_flushFallback.start();
    Q_EMIT flushRequested(m_flushToken);
}

void ScriptHost::onFlushed(quint64 token)
{
    if (m_ending && token == m_flushToken)
        emitFinished();
}

void ScriptHost::emitFinished()
{
    if (m_finished)
        return;
    m_flushFallback.stop();
    m_outcome.durationMs = m_startNs > 0 ? (Clock::nowNs() - m_startNs) / 1000000 : 0;
    Q_EMIT finished(m_outcome);
    m_finished = true;
}

} // namespace Frameline
