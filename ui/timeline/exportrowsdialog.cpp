#include "ui/timeline/exportrowsdialog.h"

#include <QtCore/QDir>
#include <QtCore/QFileInfo>
#include <QtWidgets/QComboBox>
#include <QtWidgets/QDialogButtonBox>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QFormLayout>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QLabel>
#include <QtWidgets/QLineEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QVBoxLayout>

#include <limits>

namespace Frameline {

ExportRowsDialog::ExportRowsDialog(qint64 rows, qint64 messages, const QString &path, QWidget *parent)
    : QDialog(parent)
    , m_count(new QLabel(this))
    , m_format(new QComboBox(this))
    , m_path(new QLineEdit(this))
    , m_browse(new QPushButton(tr("&Browse…"), this))
{
    setObjectName(QStringLiteral("exportRowsDialog"));
    setWindowTitle(tr("Export Rows"));
    m_count->setObjectName(QStringLiteral("exportRowsCount"));
    m_count->setWordWrap(true);
    QString text = tr("%n row(s) will be written: the rows the timeline shows now, after its filters and "
                      "search, with the columns of a whole-session CSV or JSON export.",
        nullptr, int(qMin<qint64>(rows, std::numeric_limits<int>::max())));
    if (messages > 0) {
        text += QLatin1Char(' ')
            + tr("The %n message row(s) shown are written as the frames that carry them.", nullptr,
                int(qMin<qint64>(messages, std::numeric_limits<int>::max())));
    }
    m_count->setText(text);
    m_format->setObjectName(QStringLiteral("exportRowsFormat"));
    m_format->addItem(tr("CSV"), int(SessionExport::Format::Csv));
    m_format->addItem(tr("JSON"), int(SessionExport::Format::Json));
    m_path->setObjectName(QStringLiteral("exportRowsPath"));
    m_path->setMinimumWidth(360);

    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_path, 1);
    fileRow->addWidget(m_browse);
    auto *form = new QFormLayout;
    form->addRow(tr("&Format:"), m_format);
    auto *fileLabel = new QLabel(tr("F&ile:"), this);
    fileLabel->setBuddy(m_path);
    form->addRow(fileLabel, fileRow);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_export = buttons->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
    m_export->setObjectName(QStringLiteral("exportRowsButton"));
    m_export->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_count);
    layout->addLayout(form);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_browse, &QPushButton::clicked, this, &ExportRowsDialog::browse);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportRowsDialog::onFormatChanged);
    connect(m_path, &QLineEdit::textChanged, this, &ExportRowsDialog::updateButtons);
    setPath(path);
    const QString suffix = QFileInfo(path).suffix().toLower();
    setFormat(suffix == QLatin1String("json") ? SessionExport::Format::Json : SessionExport::Format::Csv);
    updateButtons();
}

QString ExportRowsDialog::path() const
{
    return m_path->text().trimmed();
}

void ExportRowsDialog::setPath(const QString &path)
{
    m_path->setText(QDir::toNativeSeparators(path));
}

SessionExport::Format ExportRowsDialog::format() const
{
    return SessionExport::Format(m_format->currentData().toInt());
}

void ExportRowsDialog::setFormat(SessionExport::Format format)
{
    m_format->setCurrentIndex(m_format->findData(int(format)));
}

void ExportRowsDialog::onFormatChanged()
{
    // The file's extension follows the format.
    const QString current = path();
    if (current.isEmpty())
        return;
    const QFileInfo info(current);
    const QString suffix = SessionExport::formatId(format());
    if (info.suffix().compare(suffix, Qt::CaseInsensitive) == 0)
        return;
    const QString base
        = info.suffix().isEmpty() ? current : current.left(current.size() - info.suffix().size() - 1);
    m_path->setText(base + QLatin1Char('.') + suffix);
}

void ExportRowsDialog::browse()
{
    const bool json = format() == SessionExport::Format::Json;
    const QString filter = json ? tr("JSON files (*.json)") : tr("CSV files (*.csv)");
    const QString chosen = QFileDialog::getSaveFileName(
        this, tr("Export Rows"), path(), filter + QStringLiteral(";;") + tr("All files (*)"));
    if (!chosen.isEmpty())
        setPath(chosen);
}

void ExportRowsDialog::updateButtons()
{
    m_export->setEnabled(!path().isEmpty());
}

} // namespace Frameline
