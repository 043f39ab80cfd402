#pragma once

#include <QtCore/QVariantMap>
#include <QtWidgets/QWidget>

namespace Frameline {

class SessionRecorder;

// One tab of the workspace: a client connection, a local server, a recorded session or the frame decoder.
// Knows its kind, its title (one the user gave it, or one made from what it shows), a line for the status bar
// and the settings it saves and restores with the workspace.
//
// Owned by the Workspace's tab widget; GUI thread.
class WorkspaceTab : public QWidget
{
    Q_OBJECT
public:
    enum class Kind : quint8 { Client, Server, Decoder, Session, Replay };

    virtual Kind kind() const = 0;
    // The user's title, or automaticTitle() when none was given.
    QString title() const { return m_customTitle.isEmpty() ? automaticTitle() : m_customTitle; }
    QString customTitle() const { return m_customTitle; }
    // An empty title goes back to the automatic one.
    void setCustomTitle(const QString &title);
    virtual QString automaticTitle() const = 0;
    // One line for the status bar while this tab is current.
    virtual QString statusText() const { return QString(); }
    // The kind-specific settings, saved in QSettings with the workspace.
    virtual QVariantMap saveSettings() const = 0;
    // The journal of what the tab records (client and server tabs), null for the others.
    virtual SessionRecorder *recorder() const { return nullptr; }

    static QString kindId(Kind kind);

Q_SIGNALS:
    void titleChanged();
    void statusTextChanged();
    // Something worth saving changed (the workspace saves its tabs on its own schedule).
    void settingsChanged();

protected:
    explicit WorkspaceTab(QWidget *parent = nullptr);

private:
    QString m_customTitle;
};

} // namespace Frameline
