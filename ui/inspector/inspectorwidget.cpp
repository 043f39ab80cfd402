#include "ui/inspector/inspectorwidget.h"

#include "app/protocol/opcode.h"
#include "ui/inspector/closepage.h"
#include "ui/inspector/handshakepage.h"
#include "ui/inspector/headerpage.h"
#include "ui/inspector/payloadpage.h"
#include "ui/inspector/propertytree.h"

#include <QtCore/QDataStream>
#include <QtCore/QEvent>
#include <QtCore/QIODevice>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QSplitter>
#include <QtWidgets/QTabBar>
#include <QtWidgets/QTabWidget>
#include <QtWidgets/QVBoxLayout>

namespace Frameline {

namespace {

constexpr quint32 s_stateMagic = 0x494E5350; // "INSP"
constexpr quint8 s_stateVersion = 1;

} // namespace

InspectorWidget::InspectorWidget(QWidget *parent)
    : QWidget(parent)
    , m_tabs(new QTabWidget(this))
    , m_headerPage(new HeaderPage(m_tabs))
    , m_payloadPage(new PayloadPage(m_tabs))
    , m_handshakePage(new HandshakePage(m_tabs))
    , m_closePage(new ClosePage(m_tabs))
{
    m_tabs->setObjectName(QStringLiteral("inspectorTabs"));
    m_tabs->setDocumentMode(true);
    // Tab order is the Page order.
    m_tabs->addTab(m_headerPage, QString());
    m_tabs->addTab(m_payloadPage, QString());
    m_tabs->addTab(m_handshakePage, QString());
    m_tabs->addTab(m_closePage, QString());
    connect(m_tabs->tabBar(), &QTabBar::tabBarClicked, this, [this](int index) {
        if (index >= 0)
            m_chosenPage = Page(index);
    });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
    retranslateUi();
}

InspectorWidget::~InspectorWidget() = default;

void InspectorWidget::retranslateUi()
{
    m_tabs->setTabText(int(Page::Header), tr("Header"));
    m_tabs->setTabText(int(Page::Payload), tr("Payload"));
    m_tabs->setTabText(int(Page::Handshake), tr("Handshake"));
    m_tabs->setTabText(int(Page::Close), tr("Close"));
}

void InspectorWidget::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        // Every page is words made from the details: make them again in the new language.
        m_headerPage->setDetails(m_details);
        m_payloadPage->retranslateUi();
        m_handshakePage->retranslateUi();
        m_closePage->retranslateUi();
    }
}

InspectorWidget::Page InspectorWidget::pageFor(const EntryDetails &details) const
{
    if (details.kind == EntryDetails::Kind::Notice) {
        switch (details.notice.kind) {
        case ConnectionNotice::Kind::Handshake:
        case ConnectionNotice::Kind::Tls:
            return Page::Handshake;
        case ConnectionNotice::Kind::StateChanged:
            if (details.notice.state == ConnectionState::Closed)
                return Page::Close;
            break;
        default:
            break;
        }
        // A notice has no payload: its fields are on the Header page.
        return m_chosenPage == Page::Payload ? Page::Header : m_chosenPage;
    }
    return m_chosenPage;
}

void InspectorWidget::showDetails(const EntryDetails &details)
{
    m_details = details;
    m_headerPage->setDetails(details);
    m_payloadPage->setDetails(details);
    m_handshakePage->setDetails(details);
    m_closePage->setDetails(details);
    if (details.kind != EntryDetails::Kind::None)
        m_tabs->setCurrentIndex(int(pageFor(details)));
}

void InspectorWidget::setCurrentPage(Page page)
{
    m_chosenPage = page;
    m_tabs->setCurrentIndex(int(page));
}

InspectorWidget::Page InspectorWidget::currentPage() const
{
    return Page(m_tabs->currentIndex());
}

QByteArray InspectorWidget::saveState() const
{
    QByteArray state;
    QDataStream stream(&state, QIODevice::WriteOnly);
    stream.setVersion(QDataStream::Qt_6_4);
    stream << s_stateMagic << s_stateVersion << quint8(m_chosenPage) << quint8(m_payloadPage->preferredView())
           << m_handshakePage->splitter()->saveState() << m_handshakePage->rawSplitter()->saveState()
           << m_headerPage->tree()->header()->saveState() << m_handshakePage->tree()->header()->saveState()
           << m_closePage->tree()->header()->saveState();
    return state;
}

bool InspectorWidget::restoreState(const QByteArray &state)
{
    QDataStream stream(state);
    stream.setVersion(QDataStream::Qt_6_4);
    quint32 magic = 0;
    quint8 version = 0;
    quint8 page = 0;
    quint8 view = 0;
    QByteArray splitter;
    QByteArray rawSplitter;
    QByteArray headerColumns;
    QByteArray handshakeColumns;
    QByteArray closeColumns;
    stream >> magic >> version >> page >> view >> splitter >> rawSplitter >> headerColumns >> handshakeColumns
        >> closeColumns;
    if (stream.status() != QDataStream::Ok || magic != s_stateMagic || version != s_stateVersion
        || page > quint8(Page::Close) || view > quint8(PayloadPage::View::Hex))
        return false;
    m_handshakePage->splitter()->restoreState(splitter);
    m_handshakePage->rawSplitter()->restoreState(rawSplitter);
    m_headerPage->tree()->header()->restoreState(headerColumns);
    m_handshakePage->tree()->header()->restoreState(handshakeColumns);
    m_closePage->tree()->header()->restoreState(closeColumns);
    m_payloadPage->setPreferredView(PayloadPage::View(view));
    setCurrentPage(Page(page));
    return true;
}

} // namespace Frameline
