#pragma once

#include "app/session/sessionexport.h"

#include <QtWidgets/QDialog>

QT_BEGIN_NAMESPACE
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
QT_END_NAMESPACE

namespace Frameline {

// Asks where and how to write a timeline's shown rows: the file, CSV or JSON, and says how many rows will
// be written (and, in message mode, that messages are written as their frames). The file name's extension
// follows the format and the other way round.
//
// Owned by the TimelineWidget that opens it; GUI thread.
class ExportRowsDialog : public QDialog
{
    Q_OBJECT
public:
    // `rows`: rows that will be written; `messages`: message rows among those shown (message mode).
    ExportRowsDialog(qint64 rows, qint64 messages, const QString &path, QWidget *parent = nullptr);

    QString path() const;
    void setPath(const QString &path);
    SessionExport::Format format() const;
    void setFormat(SessionExport::Format format);

    QLabel *countLabel() const { return m_count; }
    QPushButton *exportButton() const { return m_export; }

private:
    void browse();
    void onFormatChanged();
    void updateButtons();

    QLabel *m_count = nullptr;
    QComboBox *m_format = nullptr;
    QLineEdit *m_path = nullptr;
    QPushButton *m_browse = nullptr;
    QPushButton *m_export = nullptr;
};

} // namespace Frameline
