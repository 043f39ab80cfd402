#include "ui/session/recoverydialog.h"

#include <QtCore/QDir>
#include <QtCore/QEvent>
#include <QtCore/QLocale>
#include <QtWidgets/QHBoxLayout>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QLabel>
#include <QtWidgets/QPushButton>
#include <QtWidgets/QStyle>
#include <QtWidgets/QTreeWidget>
#include <QtWidgets/QVBoxLayout>

namespace Frameline {

namespace {

constexpr int PathRole = Qt::UserRole + 1;

} // namespace

RecoveryDialog::RecoveryDialog(const QList<RecoverableJournal> &journals, QWidget *parent)
    : QDialog(parent)
    , m_journals(journals)
    , m_text(new QLabel(this))
    , m_list(new QTreeWidget(this))
    , m_openButton(new QPushButton(this))
    , m_saveAsButton(new QPushButton(this))
    , m_discardButton(new QPushButton(this))
    , m_laterButton(new QPushButton(this))
{
    setObjectName(QStringLiteral("recoveryDialog"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::RichText);
    m_list->setObjectName(QStringLiteral("recoveryList"));
    m_list->setColumnCount(ColumnCount);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(TitleColumn, QHeaderView::Stretch);
    m_list->header()->resizeSection(StartedColumn, 170);
    m_list->header()->resizeSection(EventsColumn, 90);
    m_list->header()->resizeSection(SizeColumn, 90);
    m_openButton->setObjectName(QStringLiteral("recoveryOpen"));
    m_openButton->setDefault(true);
    m_saveAsButton->setObjectName(QStringLiteral("recoverySaveAs"));
    m_discardButton->setObjectName(QStringLiteral("recoveryDiscard"));
    m_laterButton->setObjectName(QStringLiteral("recoveryLater"));

    // Open and Save As keep a recording, Discard and Later do not: apart, so a quick click cannot mix them.
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_openButton);
    buttons->addWidget(m_saveAsButton);
    buttons->addStretch(1);
    buttons->addWidget(m_discardButton);
    buttons->addWidget(m_laterButton);

    auto *icon = new QLabel(this);
    const int iconSize = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    icon->setPixmap(
        style()->standardIcon(QStyle::SP_MessageBoxInformation, nullptr, this).pixmap(iconSize, iconSize));
    icon->setAlignment(Qt::AlignTop);
    auto *top = new QHBoxLayout;
    top->addWidget(icon);
    top->addSpacing(8);
    top->addWidget(m_text, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addSpacing(4);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);

    connect(m_openButton, &QPushButton::clicked, this, &RecoveryDialog::openSelected);
    connect(m_saveAsButton, &QPushButton::clicked, this, &RecoveryDialog::saveSelectedAs);
    connect(m_discardButton, &QPushButton::clicked, this, &RecoveryDialog::discardSelected);
    connect(m_laterButton, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &RecoveryDialog::updateButtons);
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, &RecoveryDialog::openSelected);

    resize(760, 380);
    retranslateUi();
    fillList();
}

void RecoveryDialog::fillList()
{
    m_list->clear();
    const QLocale locale;
    for (const RecoverableJournal &journal : std::as_const(m_journals)) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(TitleColumn, journal.title);
        item->setText(StartedColumn,
            journal.created.isValid() ? locale.toString(journal.created.toLocalTime(), QLocale::ShortFormat)
                                      : QString());
        item->setText(EventsColumn, locale.toString(journal.events));
        item->setText(SizeColumn, locale.formattedDataSize(journal.size, 1, QLocale::DataSizeIecFormat));
        item->setTextAlignment(EventsColumn, Qt::AlignRight | Qt::AlignVCenter);
        item->setTextAlignment(SizeColumn, Qt::AlignRight | Qt::AlignVCenter);
        item->setData(TitleColumn, PathRole, journal.path);
        item->setToolTip(TitleColumn,
            tr("%1\nLast written %2")
                .arg(QDir::toNativeSeparators(journal.path),
                    locale.toString(journal.lastWritten.toLocalTime(), QLocale::ShortFormat)));
    }
    if (m_list->topLevelItemCount() > 0)
        m_list->topLevelItem(0)->setSelected(true);
    if (QTreeWidgetItem *first = m_list->topLevelItem(0))
        m_list->setCurrentItem(first);
    updateButtons();
}

QStringList RecoveryDialog::selectedPaths() const
{
    QStringList paths;
    for (int row = 0; row < m_list->topLevelItemCount(); ++row) {
        const QTreeWidgetItem *item = m_list->topLevelItem(row);
        if (item->isSelected())
            paths.append(item->data(TitleColumn, PathRole).toString());
    }
    return paths;
}

void RecoveryDialog::selectPath(const QString &path)
{
    m_list->clearSelection();
    for (int row = 0; row < m_list->topLevelItemCount(); ++row) {
        QTreeWidgetItem *item = m_list->topLevelItem(row);
        if (item->data(TitleColumn, PathRole).toString() == path) {
            item->setSelected(true);
            m_list->setCurrentItem(item);
        }
    }
}

void RecoveryDialog::openSelected()
{
    for (const QString &path : selectedPaths())
        Q_EMIT openRequested(path);
}

void RecoveryDialog::saveSelectedAs()
{
    const QStringList paths = selectedPaths();
    if (paths.size() == 1)
        Q_EMIT saveAsRequested(paths.first());
}

void RecoveryDialog::discardSelected()
{
    for (const QString &path : selectedPaths()) {
        QString error;
        if (JournalFolder::discard(path, &error))
            removeJournal(path);
        else
            Q_EMIT discardFailed(error);
    }
}

void RecoveryDialog::removeJournal(const QString &path)
{
    m_journals.removeIf([&path](const RecoverableJournal &journal) { return journal.path == path; });
    for (int row = 0; row < m_list->topLevelItemCount(); ++row) {
        if (m_list->topLevelItem(row)->data(TitleColumn, PathRole).toString() == path) {
            delete m_list->takeTopLevelItem(row);
            break;
        }
    }
    if (m_journals.isEmpty()) {
        accept();
        return;
    }
    if (m_list->selectedItems().isEmpty() && m_list->topLevelItemCount() > 0) {
        m_list->topLevelItem(0)->setSelected(true);
        m_list->setCurrentItem(m_list->topLevelItem(0));
    }
    updateButtons();
}

void RecoveryDialog::updateButtons()
{
    const qsizetype selected = m_list->selectedItems().size();
    m_openButton->setEnabled(selected > 0);
    m_saveAsButton->setEnabled(selected == 1);
    m_discardButton->setEnabled(selected > 0);
}

void RecoveryDialog::retranslateUi()
{
    setWindowTitle(tr("Recover Sessions"));
    m_text->setText(tr("<p><b>Frameline did not close normally last time.</b></p>"
                       "<p>These recordings were not saved. Each holds what its tab recorded until a "
                       "fraction of a second before Frameline stopped.</p>"
                       "<p><i>Open</i> shows a recording read-only, <i>Save As</i> keeps it as a session "
                       "file, <i>Discard</i> deletes it. <i>Later</i> keeps them until the next start.</p>"));
    m_list->setHeaderLabels({ tr("Tab"), tr("Started"), tr("Events"), tr("Size") });
    m_list->headerItem()->setTextAlignment(EventsColumn, Qt::AlignRight | Qt::AlignVCenter);
    m_list->headerItem()->setTextAlignment(SizeColumn, Qt::AlignRight | Qt::AlignVCenter);
    m_openButton->setText(tr("&Open"));
    m_saveAsButton->setText(tr("&Save As…"));
    m_discardButton->setText(tr("&Discard"));
    m_laterButton->setText(tr("&Later"));
}

void RecoveryDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

} // namespace Frameline
