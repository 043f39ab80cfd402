#include "ui/inspector/hexview.h"

#include "ui/inspector/inspectorpalette.h"
#include "ui/widgets/hexformat.h"

#include <QtCore/QtMath>
#include <QtGui/QClipboard>
#include <QtGui/QFontDatabase>
#include <QtGui/QGuiApplication>
#include <QtGui/QKeyEvent>
#include <QtGui/QMouseEvent>
#include <QtGui/QPainter>
#include <QtWidgets/QMenu>
#include <QtWidgets/QScrollBar>

namespace Frameline {

namespace {

constexpr char s_hexDigits[] = "0123456789abcdef";

QChar asciiFor(quint8 byte)
{
    return (byte >= 0x20 && byte < 0x7F) ? QLatin1Char(char(byte)) : QLatin1Char('.');
}

} // namespace

HexView::HexView(QWidget *parent)
    : QAbstractScrollArea(parent)
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setFocusPolicy(Qt::StrongFocus);
    viewport()->setCursor(Qt::IBeamCursor);
    setBackgroundRole(QPalette::Base);
    viewport()->setBackgroundRole(QPalette::Base);
    viewport()->setAutoFillBackground(true);
    updateMetrics();
}

void HexView::setData(const QByteArray &data)
{
    m_data = data;
    m_selectionStart = 0;
    m_selectionLength = 0;
    m_anchor = -1;
    verticalScrollBar()->setValue(0);
    horizontalScrollBar()->setValue(0);
    updateScrollBars();
    viewport()->update();
    Q_EMIT selectionChanged();
}

qsizetype HexView::lineCount() const
{
    return (m_data.size() + BytesPerLine - 1) / BytesPerLine;
}

int HexView::offsetDigits() const
{
    return m_data.size() > 0xFFFFFFFFll ? 16 : 8;
}

// The layout of a line in characters, the same as HexFormat::dump: offset, two spaces, "xx " per byte
// with one more space after the eighth, a space, then the ASCII column.
int HexView::hexColumnChar(int byteInLine) const
{
    return offsetDigits() + 2 + byteInLine * 3 + (byteInLine >= 8 ? 1 : 0);
}

int HexView::asciiColumnChar(int byteInLine) const
{
    return offsetDigits() + 2 + BytesPerLine * 3 + 2 + byteInLine;
}

int HexView::lineChars() const
{
    return asciiColumnChar(BytesPerLine);
}

QString HexView::lineText(qsizetype line) const
{
    if (line < 0 || line >= lineCount())
        return QString();
    const qsizetype start = line * BytesPerLine;
    const int count = int(qMin<qsizetype>(BytesPerLine, m_data.size() - start));
    QString out(lineChars(), QLatin1Char(' '));
    const QString offset = QStringLiteral("%1").arg(start, offsetDigits(), 16, QLatin1Char('0'));
    out.replace(0, offset.size(), offset);
    for (int i = 0; i < count; ++i) {
        const auto byte = quint8(m_data[start + i]);
        const int at = hexColumnChar(i);
        out[at] = QLatin1Char(s_hexDigits[byte >> 4]);
        out[at + 1] = QLatin1Char(s_hexDigits[byte & 0xF]);
        out[asciiColumnChar(i)] = asciiFor(byte);
    }
    out.truncate(asciiColumnChar(count));
    return out;
}

int HexView::visibleLines() const
{
    return qMax(1, viewport()->height() / m_lineHeight);
}

qsizetype HexView::firstVisibleLine() const
{
    return verticalScrollBar()->value();
}

void HexView::scrollToOffset(qsizetype offset)
{
    const qsizetype line = offset / BytesPerLine;
    const qsizetype first = firstVisibleLine();
    if (line < first)
        verticalScrollBar()->setValue(int(line));
    else if (line >= first + visibleLines())
        verticalScrollBar()->setValue(int(line - visibleLines() + 1));
}

void HexView::setSelection(qsizetype start, qsizetype length, Column column)
{
    start = qBound<qsizetype>(0, start, m_data.size());
    length = qBound<qsizetype>(0, length, m_data.size() - start);
    if (start == m_selectionStart && length == m_selectionLength && column == m_selectionColumn)
        return;
    m_selectionStart = start;
    m_selectionLength = length;
    m_selectionColumn = column;
    viewport()->update();
    Q_EMIT selectionChanged();
}

QByteArray HexView::selectedBytes() const
{
    return m_data.mid(m_selectionStart, m_selectionLength);
}

QString HexView::selectedText(Column column) const
{
    const QByteArrayView bytes = QByteArrayView(m_data).sliced(m_selectionStart, m_selectionLength);
    if (column == Column::Hex)
        return HexFormat::bytes(bytes);
    QString out;
    out.reserve(bytes.size());
    for (const char c : bytes)
        out += asciiFor(quint8(c));
    return out;
}

void HexView::selectAll()
{
    setSelection(0, m_data.size(), m_selectionColumn);
}

void HexView::copy()
{
    if (m_selectionLength > 0)
        QGuiApplication::clipboard()->setText(selectedText(m_selectionColumn));
}

void HexView::updateMetrics()
{
    const QFontMetricsF metrics(font());
    m_charWidth = qMax<qreal>(1, metrics.horizontalAdvance(QLatin1Char('0')));
    m_lineHeight = qMax(1, qCeil(metrics.height()));
    m_ascent = qCeil(metrics.ascent());
    updateScrollBars();
}

void HexView::updateScrollBars()
{
    const qsizetype lines = lineCount();
    const int page = visibleLines();
    // Lines fit an int: 2^31 lines of 16 bytes is 32 GiB, far above any payload limit.
    verticalScrollBar()->setRange(0, int(qMax<qsizetype>(0, lines - page)));
    verticalScrollBar()->setPageStep(page);
    verticalScrollBar()->setSingleStep(1);
    const int width = 2 * s_margin + qCeil(lineChars() * m_charWidth);
    horizontalScrollBar()->setRange(0, qMax(0, width - viewport()->width()));
    horizontalScrollBar()->setPageStep(viewport()->width());
    horizontalScrollBar()->setSingleStep(qCeil(m_charWidth));
}

void HexView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
}

void HexView::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        updateMetrics();
        viewport()->update();
    } else if (event->type() == QEvent::PaletteChange) {
        viewport()->update();
    }
}

void HexView::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event)
    QPainter painter(viewport());
    painter.setFont(font());
    const QPalette &pal = palette();
    const qreal x0 = s_margin - horizontalScrollBar()->value();
    const QColor textColor = pal.color(QPalette::Text);
    const QColor offsetColor = InspectorPalette::color(pal, InspectorPalette::Role::Muted);
    const QColor highlight = pal.color(QPalette::Highlight);
    const QColor highlightedText = pal.color(QPalette::HighlightedText);
    // The column the selection was not made in shows it more quietly.
    QColor echo = highlight;
    echo.setAlphaF(0.35f);

    if (m_data.isEmpty()) {
        painter.setPen(offsetColor);
        painter.drawText(viewport()->rect().adjusted(s_margin, s_margin, 0, 0), Qt::AlignLeft | Qt::AlignTop,
            tr("(no payload bytes)"));
        return;
    }

    const auto xOf = [&](int charIndex) { return x0 + charIndex * m_charWidth; };
    const qsizetype first = firstVisibleLine();
    const qsizetype last = qMin(lineCount(), first + visibleLines() + 1);
    const qsizetype selectionEnd = m_selectionStart + m_selectionLength;
    const int digits = offsetDigits();
    const bool hexActive = m_selectionColumn == Column::Hex;
    for (qsizetype line = first; line < last; ++line) {
        const int y = int(line - first) * m_lineHeight;
        const int baseline = y + m_ascent;
        const QString text = lineText(line);
        const qsizetype lineStart = line * BytesPerLine;
        const int count = int(qMin<qsizetype>(BytesPerLine, m_data.size() - lineStart));

        int from = 0;
        int to = 0;
        if (m_selectionLength > 0 && selectionEnd > lineStart && m_selectionStart < lineStart + count) {
            from = int(qMax(m_selectionStart, lineStart) - lineStart);
            to = int(qMin(selectionEnd, lineStart + count) - lineStart);
            // One band per column: the hex band ends after the last selected byte's two digits.
            const QRectF hexBand(QPointF(xOf(hexColumnChar(from)), y),
                QPointF(xOf(hexColumnChar(to - 1) + 2), y + m_lineHeight));
            const QRectF asciiBand(
                QPointF(xOf(asciiColumnChar(from)), y), QPointF(xOf(asciiColumnChar(to)), y + m_lineHeight));
            painter.fillRect(hexBand, hexActive ? highlight : echo);
            painter.fillRect(asciiBand, hexActive ? echo : highlight);
        }

        painter.setPen(offsetColor);
        painter.drawText(QPointF(x0, baseline), text.left(digits));
        // Each byte cell is drawn at its own position so nothing drifts, in the colour its band needs.
        for (int i = 0; i < count; ++i) {
            const bool selected = i >= from && i < to;
            painter.setPen(selected && hexActive ? highlightedText : textColor);
            painter.drawText(QPointF(xOf(hexColumnChar(i)), baseline), text.mid(hexColumnChar(i), 2));
            painter.setPen(selected && !hexActive ? highlightedText : textColor);
            painter.drawText(QPointF(xOf(asciiColumnChar(i)), baseline), text.mid(asciiColumnChar(i), 1));
        }
    }
}

qsizetype HexView::byteAt(const QPoint &position, Column *column) const
{
    const qsizetype line = qBound<qsizetype>(
        0, firstVisibleLine() + position.y() / m_lineHeight, qMax<qsizetype>(0, lineCount() - 1));
    const qreal x = position.x() - s_margin + horizontalScrollBar()->value();
    const int charIndex = x < 0 ? -1 : int(x / m_charWidth);
    int inLine = 0;
    if (charIndex >= asciiColumnChar(0) - 1) {
        *column = Column::Ascii;
        inLine = qBound(0, charIndex - asciiColumnChar(0), BytesPerLine - 1);
    } else {
        *column = Column::Hex;
        for (int i = BytesPerLine - 1; i >= 0; --i) {
            if (charIndex >= hexColumnChar(i)) {
                inLine = i;
                break;
            }
        }
    }
    return qMin<qsizetype>(line * BytesPerLine + inLine, qMax<qsizetype>(0, m_data.size() - 1));
}

void HexView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || m_data.isEmpty()) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    Column column = Column::Hex;
    const qsizetype byte = byteAt(event->position().toPoint(), &column);
    if ((event->modifiers() & Qt::ShiftModifier) && m_selectionLength > 0) {
        if (m_anchor < 0)
            m_anchor = m_selectionStart;
    } else {
        m_anchor = byte;
    }
    const qsizetype from = qMin(m_anchor, byte);
    setSelection(from, qMax(m_anchor, byte) - from + 1, column);
}

void HexView::mouseMoveEvent(QMouseEvent *event)
{
    if (!(event->buttons() & Qt::LeftButton) || m_anchor < 0 || m_data.isEmpty())
        return;
    const QPoint position = event->position().toPoint();
    // Dragging past the top or bottom edge scrolls a line at a time.
    if (position.y() < 0)
        verticalScrollBar()->setValue(verticalScrollBar()->value() - 1);
    else if (position.y() > viewport()->height())
        verticalScrollBar()->setValue(verticalScrollBar()->value() + 1);
    Column column = m_selectionColumn;
    const qsizetype byte = byteAt(position, &column);
    const qsizetype from = qMin(m_anchor, byte);
    setSelection(from, qMax(m_anchor, byte) - from + 1, m_selectionColumn);
}

void HexView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        event->accept();
    else
        QAbstractScrollArea::mouseReleaseEvent(event);
}

void HexView::mouseDoubleClickEvent(QMouseEvent *event)
{
    // A double click selects the line's bytes.
    if (event->button() != Qt::LeftButton || m_data.isEmpty())
        return;
    Column column = Column::Hex;
    const qsizetype byte = byteAt(event->position().toPoint(), &column);
    const qsizetype start = byte - byte % BytesPerLine;
    m_anchor = start;
    setSelection(start, BytesPerLine, column);
}

void HexView::keyPressEvent(QKeyEvent *event)
{
    if (event == QKeySequence::Copy) {
        copy();
        return;
    }
    if (event == QKeySequence::SelectAll) {
        selectAll();
        return;
    }
    if (event == QKeySequence::MoveToStartOfDocument) {
        verticalScrollBar()->setValue(0);
        return;
    }
    if (event == QKeySequence::MoveToEndOfDocument) {
        verticalScrollBar()->setValue(verticalScrollBar()->maximum());
        return;
    }
    QAbstractScrollArea::keyPressEvent(event);
}

void HexView::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    const bool hasSelection = m_selectionLength > 0;
    QAction *copyHex = menu.addAction(tr("Copy as Hex"), this,
        [this] { QGuiApplication::clipboard()->setText(selectedText(Column::Hex)); });
    copyHex->setEnabled(hasSelection);
    QAction *copyText = menu.addAction(tr("Copy as Text"), this,
        [this] { QGuiApplication::clipboard()->setText(selectedText(Column::Ascii)); });
    copyText->setEnabled(hasSelection);
    menu.addSeparator();
    QAction *all = menu.addAction(tr("Select All"), this, &HexView::selectAll);
    all->setEnabled(!m_data.isEmpty());
    menu.exec(event->globalPos());
}

} // namespace Frameline
