#include "ui/decoder/detailview.h"

#include "ui/decoder/frametext.h"

#include <QtCore/QEvent>
#include <QtGui/QFontDatabase>

namespace Frameline {

DetailView::DetailView(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setReadOnly(true);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    render();
}

void DetailView::showFrame(const FrameRecord &record)
{
    m_subject = record;
    render();
}

void DetailView::showMessage(const Message &message)
{
    m_subject = message;
    render();
}

void DetailView::showNothing()
{
    m_subject = std::monostate();
    render();
}

void DetailView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        render();
    QPlainTextEdit::changeEvent(event);
}

void DetailView::render()
{
    if (const auto *record = std::get_if<FrameRecord>(&m_subject)) {
        setPlaceholderText(QString());
        setPlainText(FrameText::frameDetails(*record));
    } else if (const auto *message = std::get_if<Message>(&m_subject)) {
        setPlaceholderText(QString());
        setPlainText(FrameText::messageDetails(*message));
    } else {
        clear();
        setPlaceholderText(
            tr("Select a frame to see its header bit by bit and its payload, or a message to see "
               "it whole."));
    }
}

} // namespace Frameline
