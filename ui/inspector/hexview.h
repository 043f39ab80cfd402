#pragma once

#include <QtCore/QByteArray>
#include <QtWidgets/QAbstractScrollArea>

namespace Frameline {

// A hex dump of a payload of any size: offset, 16 bytes in hex, their printable ASCII. Only the lines in
// view are formatted and painted, so a 100 MiB payload scrolls as freely as a short one (no text
// document holding the whole dump). Bytes are selected with the mouse (in either column) or the keyboard
// and copied as hex or as text.
//
// Owned by its parent widget; GUI thread.
class HexView : public QAbstractScrollArea
{
    Q_OBJECT
public:
    static constexpr int BytesPerLine = 16;
    // Which column a selection was made in: copying gives what the user was looking at.
    enum class Column : quint8 { Hex, Ascii };

    explicit HexView(QWidget *parent = nullptr);

    void setData(const QByteArray &data);
    const QByteArray &data() const { return m_data; }

    qsizetype lineCount() const;
    // One line exactly as painted: "00000000  48 65 6c 6c 6f 20 77 6f  72 6c 64 0a           Hello world."
    QString lineText(qsizetype line) const;
    qsizetype firstVisibleLine() const;
    void scrollToOffset(qsizetype offset);

    void setSelection(qsizetype start, qsizetype length, Column column = Column::Hex);
    qsizetype selectionStart() const { return m_selectionStart; }
    qsizetype selectionLength() const { return m_selectionLength; }
    QByteArray selectedBytes() const;
    // The selection as the clipboard gets it: hex ("48 65") or the ASCII column's characters.
    QString selectedText(Column column) const;

public Q_SLOTS:
    void selectAll();
    void copy(); // the selection, in the form of the column it was made in

Q_SIGNALS:
    void selectionChanged();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    int offsetDigits() const;
    int hexColumnChar(int byteInLine) const;
    int asciiColumnChar(int byteInLine) const;
    int lineChars() const;
    int visibleLines() const;
    // The byte under a viewport position (clamped to the data), and the column it is in.
    qsizetype byteAt(const QPoint &position, Column *column) const;
    void updateMetrics();
    void updateScrollBars();

    QByteArray m_data;
    qsizetype m_selectionStart = 0;
    qsizetype m_selectionLength = 0;
    qsizetype m_anchor = -1; // where a mouse selection started
    Column m_selectionColumn = Column::Hex;
    qreal m_charWidth = 8; // fixed-width fonts have fractional advances: positions are computed in qreal
    int m_lineHeight = 16;
    int m_ascent = 12;
    static constexpr int s_margin = 4;
};

} // namespace Frameline
