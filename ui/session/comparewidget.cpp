#include "ui/session/comparewidget.h"

#include "ui/session/comparemodel.h"
#include "ui/widgets/colors.h"
#include "ui/widgets/setting.h"

#include <QtCore/QDir>
#include <QtCore/QEvent>
#include <QtCore/QFileInfo>
#include <QtCore/QSaveFile>
#include <QtGui/QClipboard>
#include <QtGui/QFontDatabase>
#include <QtGui/QGuiApplication>
#include <QtGui/QTextCharFormat>
#include <QtGui/QTextCursor>
#include <QtWidgets/QFileDialog>
#include <QtWidgets/QGridLayout>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QMessageBox>
#include <QtWidgets/QPlainTextEdit>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QSplitter>
#include <QtWidgets/QTextEdit>
#include <QtWidgets/QTreeView>
#include <QtWidgets/QVBoxLayout>

namespace Frameline {

namespace {

const Setting<QStringList> &ignoreSetting()
{
    static const Setting<QStringList> setting(QStringLiteral("Replay/CompareIgnore"), {});
    return setting;
}

const Setting<QString> &reportDirectorySetting()
{
    static const Setting<QString> setting(QStringLiteral("Replay/ReportDirectory"), QDir::homePath());
    return setting;
}

constexpr int IgnoreDelayMs = 400;

} // namespace

CompareWidget::CompareWidget(QWidget *parent)
    : QWidget(parent)
    , m_model(new CompareModel(this))
    , m_summary(new QLabel(this))
    , m_copyButton(new QPushButton(this))
    , m_saveButton(new QPushButton(this))
    , m_ignoreLabel(new QLabel(this))
    , m_ignoreEdit(new QPlainTextEdit(this))
    , m_ignoreErrorLabel(new QLabel(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_view(new QTreeView(this))
    , m_recordedLabel(new QLabel(this))
    , m_replayedLabel(new QLabel(this))
    , m_recordedView(new QTextEdit(this))
    , m_replayedView(new QTextEdit(this))
{
    setObjectName(QStringLiteral("compareWidget"));
    m_summary->setObjectName(QStringLiteral("compareSummary"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_summary->font();
    bold.setBold(true);
    m_summary->setFont(bold);
    m_copyButton->setObjectName(QStringLiteral("copyReportButton"));
    m_copyButton->setIcon(QIcon::fromTheme(QStringLiteral("edit-copy")));
    m_saveButton->setObjectName(QStringLiteral("saveReportButton"));
    m_saveButton->setIcon(QIcon::fromTheme(QStringLiteral("document-save-as")));

    m_model->setPalette(palette());
    m_view->setObjectName(QStringLiteral("compareView"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAllColumnsShowFocus(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->header()->setStretchLastSection(true);
    m_view->header()->resizeSection(CompareModel::NumberColumn, 50);
    m_view->header()->resizeSection(CompareModel::OutcomeColumn, 90);
    m_view->header()->resizeSection(CompareModel::RecordedColumn, 280);
    m_view->header()->resizeSection(CompareModel::ReplayedColumn, 280);

    m_ignoreEdit->setObjectName(QStringLiteral("compareIgnoreEdit"));
    m_ignoreEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_ignoreEdit->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_ignoreEdit->setTabChangesFocus(true);
    m_ignoreLabel->setBuddy(m_ignoreEdit);
    m_ignoreLabel->setWordWrap(true);
    m_ignoreErrorLabel->setObjectName(QStringLiteral("compareIgnoreError"));
    m_ignoreErrorLabel->setWordWrap(true);
    m_ignoreErrorLabel->setStyleSheet(QStringLiteral("color: #d0463c;"));
    m_ignoreErrorLabel->hide();
    m_ignoreEdit->setPlainText(ignoreSetting().value().join(QLatin1Char('\n')));

    for (QTextEdit *side : { m_recordedView, m_replayedView }) {
        side->setReadOnly(true);
        side->setLineWrapMode(QTextEdit::NoWrap);
        side->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    }
    m_recordedView->setObjectName(QStringLiteral("compareRecorded"));
    m_replayedView->setObjectName(QStringLiteral("compareReplayed"));

    auto *top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    top->addWidget(m_copyButton);
    top->addWidget(m_saveButton);

    auto *ignorePanel = new QWidget(this);
    auto *ignoreLayout = new QVBoxLayout(ignorePanel);
    ignoreLayout->setContentsMargins(0, 0, 0, 0);
    ignoreLayout->addWidget(m_ignoreLabel);
    ignoreLayout->addWidget(m_ignoreEdit, 1);
    ignoreLayout->addWidget(m_ignoreErrorLabel);
    auto *listSplitter = new QSplitter(Qt::Horizontal, m_splitter);
    listSplitter->setObjectName(QStringLiteral("compareListSplitter"));
    listSplitter->setChildrenCollapsible(false);
    listSplitter->addWidget(m_view);
    listSplitter->addWidget(ignorePanel);
    listSplitter->setStretchFactor(0, 3);
    listSplitter->setStretchFactor(1, 1);

    auto *sides = new QWidget(m_splitter);
    auto *sidesLayout = new QGridLayout(sides);
    sidesLayout->setContentsMargins(0, 0, 0, 0);
    sidesLayout->addWidget(m_recordedLabel, 0, 0);
    sidesLayout->addWidget(m_replayedLabel, 0, 1);
    sidesLayout->addWidget(m_recordedView, 1, 0);
    sidesLayout->addWidget(m_replayedView, 1, 1);
    sidesLayout->setRowStretch(1, 1);

    m_splitter->setObjectName(QStringLiteral("compareSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(listSplitter);
    m_splitter->addWidget(sides);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_splitter, 1);

    m_ignoreDelay.setSingleShot(true);
    m_ignoreDelay.setInterval(IgnoreDelayMs);
    connect(&m_ignoreDelay, &QTimer::timeout, this, &CompareWidget::compare);
    connect(m_ignoreEdit, &QPlainTextEdit::textChanged, this, &CompareWidget::onIgnoreEdited);
    connect(m_copyButton, &QPushButton::clicked, this, &CompareWidget::copyReport);
    connect(m_saveButton, &QPushButton::clicked, this, &CompareWidget::saveReportInteractively);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) { showPair(current.isValid() ? current.row() : -1); });

    retranslateUi();
    updateSummary();
}

CompareWidget::~CompareWidget() = default;

void CompareWidget::setMessages(const QList<Message> &recorded, const QList<Message> &replayed)
{
    m_recorded = recorded;
    m_replayed = replayed;
    m_hasMessages = true;
    compare();
}

QStringList CompareWidget::ignorePaths() const
{
    QStringList paths;
    for (const QString &line : m_ignoreEdit->toPlainText().split(QLatin1Char('\n'))) {
        const QString path = line.trimmed();
        if (!path.isEmpty())
            paths.append(path);
    }
    return paths;
}

void CompareWidget::setIgnorePaths(const QStringList &paths)
{
    m_ignoreEdit->setPlainText(paths.join(QLatin1Char('\n')));
    compare();
}

const Compare::Result &CompareWidget::result() const
{
    return m_model->result();
}

QString CompareWidget::summaryText() const
{
    return m_summary->text();
}

QString CompareWidget::report() const
{
    QString text = Compare::report(m_model->result());
    const QStringList paths = ignorePaths();
    if (!paths.isEmpty())
        text.prepend(tr("Ignored: %1").arg(paths.join(QStringLiteral(", "))) + QLatin1Char('\n'));
    return text;
}

void CompareWidget::copyReport() const
{
    QGuiApplication::clipboard()->setText(report());
}

bool CompareWidget::saveReport(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        *error = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    file.write(report().toUtf8());
    if (!file.commit()) {
        *error = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

void CompareWidget::saveReportInteractively()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Comparison Report"),
        QDir(reportDirectorySetting().value()).filePath(QStringLiteral("replay-comparison.txt")),
        tr("Text files (*.txt);;All files (*)"));
    if (path.isEmpty())
        return;
    reportDirectorySetting().setValue(QFileInfo(path).absolutePath());
    QString error;
    if (!saveReport(path, &error)) {
        auto *box
            = new QMessageBox(QMessageBox::Warning, tr("Cannot Save Report"), error, QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
}

void CompareWidget::onIgnoreEdited()
{
    if (m_hasMessages)
        m_ignoreDelay.start();
    else
        m_ignoreDelay.stop();
}

void CompareWidget::compare()
{
    m_ignoreDelay.stop();
    Compare::Options options;
    QStringList errors;
    const QStringList paths = ignorePaths();
    for (const QString &text : paths) {
        QString error;
        if (const std::optional<Compare::Path> path = Compare::Path::parse(text, &error))
            options.ignore.append(*path);
        else
            errors.append(tr("%1: %2").arg(text, error));
    }
    m_ignoreError = errors.join(QLatin1Char('\n'));
    m_ignoreErrorLabel->setText(errors.isEmpty() ? QString() : tr("Not used:\n%1").arg(m_ignoreError));
    m_ignoreErrorLabel->setVisible(!errors.isEmpty());
    ignoreSetting().setValue(paths);
    m_appliedIgnore.clear();
    for (const Compare::Path &path : std::as_const(options.ignore))
        m_appliedIgnore.append(path.text());
    if (!m_hasMessages)
        return;

    const int shown = m_shownRow;
    m_model->setResult(Compare::messages(m_recorded, m_replayed, options));
    updateSummary();
    // The same pair stays in view; else the first that is not equal.
    int row = shown;
    if (row < 0 || row >= m_model->rowCount()) {
        row = -1;
        for (int i = 0; i < m_model->rowCount(); ++i) {
            if (m_model->pair(i)->outcome != Compare::Outcome::Equal) {
                row = i;
                break;
            }
        }
        if (row < 0 && m_model->rowCount() > 0)
            row = 0;
    }
    if (row >= 0)
        m_view->setCurrentIndex(m_model->index(row, 0));
    showPair(row);
    Q_EMIT compared(m_model->result().passed());
}

void CompareWidget::showPair(int row)
{
    m_shownRow = row;
    const Compare::Pair *pair = m_model->pair(row);
    m_recordedText = pair ? CompareText::render(*pair, CompareText::Side::Recorded) : CompareText::Rendered();
    m_replayedText = pair ? CompareText::render(*pair, CompareText::Side::Replayed) : CompareText::Rendered();
    showRendered(m_recordedView, m_recordedText, true);
    showRendered(m_replayedView, m_replayedText, false);
    const QString number = pair ? QString::number(pair->index + 1) : QString();
    m_recordedLabel->setText(pair ? tr("Recorded message %1").arg(number) : tr("Recorded"));
    m_replayedLabel->setText(pair ? tr("Replayed message %1").arg(number) : tr("Replayed"));
    m_recordedView->setToolTip(pair ? pair->explanation : QString());
    m_replayedView->setToolTip(pair ? pair->explanation : QString());
}

void CompareWidget::showRendered(QTextEdit *view, const CompareText::Rendered &rendered, bool recorded)
{
    if (rendered.format == CompareText::Format::None) {
        const bool pairShown = m_model->pair(m_shownRow) != nullptr;
        view->setPlaceholderText(!pairShown ? QString()
                : recorded                  ? tr("Not in the recording")
                                            : tr("Not received by the replay"));
        view->clear();
        return;
    }
    view->setPlaceholderText(QString());
    view->setPlainText(rendered.text);
    QTextCharFormat highlight;
    const QColor base = view->palette().color(QPalette::Base);
    highlight.setBackground(
        Colors::mix(base, recorded ? QColor(0xe0, 0x9a, 0x20) : QColor(0xd0, 0x46, 0x3c), 0.35));
    highlight.setFontWeight(QFont::Bold);
    QTextCursor cursor(view->document());
    for (const CompareText::Range &range : rendered.highlights) {
        cursor.setPosition(int(range.start));
        cursor.setPosition(int(range.start + range.length), QTextCursor::KeepAnchor);
        cursor.mergeCharFormat(highlight);
    }
    // The first difference in view.
    if (!rendered.highlights.isEmpty()) {
        QTextCursor first(view->document());
        first.setPosition(int(rendered.highlights.constFirst().start));
        view->setTextCursor(first);
        view->ensureCursorVisible();
    }
}

void CompareWidget::updateSummary()
{
    if (!m_hasMessages) {
        m_summary->setText(tr("Nothing compared yet"));
        m_summary->setStyleSheet(QString());
    } else {
        const bool passed = m_model->result().passed();
        // The ignore list is remembered between replays: say when it is in play, so it hides nothing.
        m_summary->setText(m_appliedIgnore.isEmpty()
                ? CompareModel::summaryLine(m_model->result())
                : tr("%1 (ignoring %2)")
                      .arg(CompareModel::summaryLine(m_model->result()),
                          m_appliedIgnore.join(QStringLiteral(", "))));
        m_summary->setStyleSheet(
            passed ? QStringLiteral("color: #2e8b3a;") : QStringLiteral("color: #d0463c;"));
    }
    m_copyButton->setEnabled(m_hasMessages);
    m_saveButton->setEnabled(m_hasMessages);
}

void CompareWidget::retranslateUi()
{
    m_copyButton->setText(tr("&Copy Report"));
    m_copyButton->setToolTip(tr("Copy the differences and the summary to the clipboard"));
    m_saveButton->setText(tr("Sa&ve Report…"));
    m_saveButton->setToolTip(tr("Save the differences and the summary as a text file"));
    m_ignoreLabel->setText(tr("&Ignore these JSON paths (one per line, e.g. $.ts or $..id):"));
    m_ignoreEdit->setPlaceholderText(tr("$.timestamp\n$..id\n$.items[*].ts"));
    updateSummary();
    showPair(m_shownRow);
}

void CompareWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    if (event->type() == QEvent::PaletteChange) {
        m_model->setPalette(palette());
        showPair(m_shownRow);
    }
    QWidget::changeEvent(event);
}

} // namespace Frameline
