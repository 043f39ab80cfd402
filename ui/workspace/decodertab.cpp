#include "ui/workspace/decodertab.h"

#include "ui/decoder/decoderwidget.h"

#include <QtCore/QEvent>
#include <QtCore/QFileInfo>
#include <QtWidgets/QVBoxLayout>

namespace Frameline {

DecoderTab::DecoderTab(QWidget *parent)
    : WorkspaceTab(parent)
    , m_decoder(new DecoderWidget(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_decoder);
    connect(m_decoder, &DecoderWidget::summaryChanged, this, &DecoderTab::statusTextChanged);
}

QString DecoderTab::automaticTitle() const
{
    return tr("Frame Decoder");
}

QString DecoderTab::statusText() const
{
    return m_decoder->summary();
}

bool DecoderTab::loadFile(const QString &path, QString *error)
{
    if (!m_decoder->loadFile(path, error))
        return false;
    m_fileName = QFileInfo(path).fileName();
    Q_EMIT titleChanged();
    return true;
}

void DecoderTab::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        Q_EMIT titleChanged();
    QWidget::changeEvent(event);
}

} // namespace Frameline
