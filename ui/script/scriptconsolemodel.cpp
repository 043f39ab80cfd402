#include "ui/script/scriptconsolemodel.h"

#include "app/net/clock.h"
#include "ui/inspector/inspectorpalette.h"
#include "ui/widgets/colors.h"

#include <QtCore/QCoreApplication>
#include <QtCore/QDateTime>
#include <QtGui/QFont>
#include <QtGui/QGuiApplication>
#include <QtGui/QPalette>

namespace Frameline {

namespace {

constexpr int PublishIntervalMs = 50;

ScriptConsoleModel::Kind kindOf(ScriptLogEntry::Kind kind)
{
    switch (kind) {
    case ScriptLogEntry::Kind::Log:
        return ScriptConsoleModel::Kind::Log;
    case ScriptLogEntry::Kind::Warning:
        return ScriptConsoleModel::Kind::Warning;
    case ScriptLogEntry::Kind::Error:
        return ScriptConsoleModel::Kind::Error;
    case ScriptLogEntry::Kind::AssertPass:
        return ScriptConsoleModel::Kind::AssertPass;
    case ScriptLogEntry::Kind::AssertFail:
        return ScriptConsoleModel::Kind::AssertFail;
    case ScriptLogEntry::Kind::Info:
        return ScriptConsoleModel::Kind::Info;
    }
    return ScriptConsoleModel::Kind::Log;
}

QString seconds(qint64 ms)
{
    return QStringLiteral("%1").arg(double(ms) / 1000.0, 0, 'f', ms < 10000 ? 2 : 1);
}

} // namespace

ScriptConsoleModel::ScriptConsoleModel(QObject *parent)
    : QAbstractListModel(parent)
{
    m_publishTimer.setSingleShot(true);
    m_publishTimer.setInterval(PublishIntervalMs);
    connect(&m_publishTimer, &QTimer::timeout, this, &ScriptConsoleModel::flush);
    setPalette(QGuiApplication::palette());
}

int ScriptConsoleModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_lines.size());
}

QVariant ScriptConsoleModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Line &line = m_lines[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return displayText(line);
    case Qt::ToolTipRole:
        if (line.line > 0)
            return line.column > 0
                ? tr("Line %1, column %2 (click to go there)").arg(line.line).arg(line.column)
                : tr("Line %1 (click to go there)").arg(line.line);
        return {};
    case Qt::ForegroundRole: {
        const QColor color = m_colors[int(line.kind)];
        return color.isValid() ? QVariant(color) : QVariant();
    }
    case Qt::FontRole:
        if (line.kind == Kind::Passed || line.kind == Kind::Failed || line.kind == Kind::Stopped) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case KindRole:
        return int(line.kind);
    case LineRole:
        return line.line;
    case ColumnRole:
        return line.column;
    case TimestampRole:
        return line.timestampNs;
    case MessageRole:
        return line.text;
    default:
        return {};
    }
}

QString ScriptConsoleModel::displayText(const Line &line) const
{
    const QString time = QDateTime::fromMSecsSinceEpoch(Clock::toWallClockMs(line.timestampNs))
                             .toString(QStringLiteral("HH:mm:ss.zzz"));
    if (line.continued)
        return QString(time.size() + 2, QLatin1Char(' ')) + line.text;
    QString prefix;
    switch (line.kind) {
    case Kind::Warning:
        prefix = tr("warning: ");
        break;
    case Kind::Error:
        prefix = tr("error: ");
        break;
    case Kind::AssertPass:
        prefix = QStringLiteral("\u2713 ");
        break;
    case Kind::AssertFail:
        prefix = QStringLiteral("\u2717 ");
        break;
    default:
        break;
    }
    QString text = time + QStringLiteral("  ") + prefix + line.text;
    if (line.connectionId != 0)
        text += QStringLiteral("  ") + tr("(client #%1)").arg(line.connectionId);
    if (line.line > 0 && line.kind != Kind::Log && line.kind != Kind::Info)
        text += QStringLiteral("  ") + tr("[line %1]").arg(line.line);
    return text;
}

void ScriptConsoleModel::addEntry(const ScriptLogEntry &entry)
{
    // One row per line, so that a logged object (indented JSON) reads whole in a list of uniform rows.
    const QStringList lines = entry.text.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        enqueue(Line { kindOf(entry.kind), entry.timestampNs, lines.at(i), entry.line, entry.column,
            entry.connectionId, i > 0 });
    }
}

void ScriptConsoleModel::addOutcome(const ScriptOutcome &outcome)
{
    enqueue(Line { outcomeKind(outcome), Clock::nowNs(), outcomeText(outcome), outcome.errorLine,
        outcome.errorColumn, 0 });
    flush(); // the end of a run is shown at once
}

void ScriptConsoleModel::addInfo(const QString &text, qint64 timestampNs)
{
    enqueue(Line { Kind::Info, timestampNs, text, 0, 0, 0 });
}

ScriptConsoleModel::Kind ScriptConsoleModel::outcomeKind(const ScriptOutcome &outcome)
{
    switch (outcome.result) {
    case ScriptOutcome::Result::Passed:
        return Kind::Passed;
    case ScriptOutcome::Result::Failed:
    case ScriptOutcome::Result::Error:
        return Kind::Failed;
    case ScriptOutcome::Result::Stopped:
        return Kind::Stopped;
    }
    return Kind::Failed;
}

QString ScriptConsoleModel::outcomeText(const ScriptOutcome &outcome)
{
    const QString assertions = outcome.assertionsFailed > 0
        ? tr("%1 of %2 assertions failed")
              .arg(outcome.assertionsFailed)
              .arg(outcome.assertionsPassed + outcome.assertionsFailed)
        : outcome.assertionsPassed == 1 ? tr("1 assertion passed")
                                        : tr("%1 assertions passed").arg(outcome.assertionsPassed);
    // Two strings rather than "%n frame(s)": there is no English catalogue to pick the plural.
    const QString frames
        = outcome.framesSent == 1 ? tr("1 frame sent") : tr("%1 frames sent").arg(outcome.framesSent);
    const QString details = tr("%1, %2 s, %3").arg(assertions, seconds(outcome.durationMs), frames);
    switch (outcome.result) {
    case ScriptOutcome::Result::Passed:
        return tr("Passed: %1").arg(details);
    case ScriptOutcome::Result::Failed:
        return tr("Failed: %1").arg(details);
    case ScriptOutcome::Result::Error:
        if (outcome.errorLine > 0) {
            // The runner's error names its line already ("line 3: ..."): say it once.
            QString error = outcome.error;
            const QString where = QCoreApplication::translate("Frameline::ScriptHost", "line %1: %2")
                                      .arg(outcome.errorLine)
                                      .arg(QString());
            if (error.startsWith(where))
                error.remove(0, where.size());
            return tr("Error at line %1: %2 (%3)").arg(outcome.errorLine).arg(error, details);
        }
        return tr("Error: %1 (%2)").arg(outcome.error, details);
    case ScriptOutcome::Result::Stopped:
        return tr("Stopped: %1").arg(details);
    }
    return {};
}

void ScriptConsoleModel::enqueue(Line line)
{
    m_pending.append(std::move(line));
    if (!m_publishTimer.isActive())
        m_publishTimer.start();
}

void ScriptConsoleModel::flush()
{
    m_publishTimer.stop();
    if (m_pending.isEmpty())
        return;
    // Only the newest `limit` lines of the batch can stay.
    if (m_pending.size() > m_limit)
        m_pending.remove(0, m_pending.size() - m_limit);
    const int overflow = int(m_lines.size() + size_t(m_pending.size())) - m_limit;
    if (overflow > 0) {
        beginRemoveRows({}, 0, overflow - 1);
        m_lines.erase(m_lines.begin(), m_lines.begin() + overflow);
        endRemoveRows();
    }
    const int first = int(m_lines.size());
    beginInsertRows({}, first, first + int(m_pending.size()) - 1);
    for (Line &line : m_pending)
        m_lines.push_back(std::move(line));
    endInsertRows();
    m_pending.clear();
}

void ScriptConsoleModel::clear()
{
    m_publishTimer.stop();
    m_pending.clear();
    if (m_lines.empty())
        return;
    beginResetModel();
    m_lines.clear();
    endResetModel();
}

void ScriptConsoleModel::setPalette(const QPalette &palette)
{
    using Accent = InspectorPalette::Role;
    m_colors[int(Kind::Log)] = QColor();
    m_colors[int(Kind::Warning)] = InspectorPalette::color(palette, Accent::Number);
    m_colors[int(Kind::Error)] = InspectorPalette::color(palette, Accent::Bad);
    m_colors[int(Kind::AssertPass)] = InspectorPalette::color(palette, Accent::Good);
    m_colors[int(Kind::AssertFail)] = InspectorPalette::color(palette, Accent::Bad);
    m_colors[int(Kind::Info)] = InspectorPalette::color(palette, Accent::Muted);
    m_colors[int(Kind::Passed)] = InspectorPalette::color(palette, Accent::Good);
    m_colors[int(Kind::Failed)] = InspectorPalette::color(palette, Accent::Bad);
    m_colors[int(Kind::Stopped)] = InspectorPalette::color(palette, Accent::Muted);
    if (!m_lines.empty())
        Q_EMIT dataChanged(index(0), index(int(m_lines.size()) - 1), { Qt::ForegroundRole });
}

} // namespace Frameline
