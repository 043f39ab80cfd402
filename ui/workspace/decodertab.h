#pragma once

#include "ui/workspace/workspacetab.h"

namespace Frameline {

class DecoderWidget;

// The frame decoder as a workspace tab: paste or open the bytes of a WebSocket stream and see its frames.
// Remembers the name of the file it shows, for its title.
//
// Owned by the Workspace's tab widget; GUI thread.
class DecoderTab : public WorkspaceTab
{
    Q_OBJECT
public:
    explicit DecoderTab(QWidget *parent = nullptr);

    Kind kind() const override { return Kind::Decoder; }
    QString automaticTitle() const override;
    QString statusText() const override;
    QVariantMap saveSettings() const override { return {}; }

    DecoderWidget *decoder() const { return m_decoder; }
    // Decodes a file of raw bytes; false and *error when it cannot be read.
    bool loadFile(const QString &path, QString *error);
    QString fileName() const { return m_fileName; }

protected:
    void changeEvent(QEvent *event) override;

private:
    DecoderWidget *m_decoder;
    QString m_fileName;
};

} // namespace Frameline
