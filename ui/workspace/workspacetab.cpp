#include "ui/workspace/workspacetab.h"

namespace Frameline {

WorkspaceTab::WorkspaceTab(QWidget *parent)
    : QWidget(parent)
{ }

void WorkspaceTab::setCustomTitle(const QString &title)
{
    const QString trimmed = title.trimmed();
    if (trimmed == m_customTitle)
        return;
    m_customTitle = trimmed;
    Q_EMIT titleChanged();
    Q_EMIT settingsChanged();
}

QString WorkspaceTab::kindId(Kind kind)
{
    switch (kind) {
    case Kind::Client:
        return QStringLiteral("client");
    case Kind::Server:
        return QStringLiteral("server");
    case Kind::Decoder:
        return QStringLiteral("decoder");
    case Kind::Session:
        return QStringLiteral("session");
    case Kind::Replay:
        return QStringLiteral("replay");
    }
    return QString();
}

} // namespace Frameline
