#pragma once

#include "app/session/entrydetails.h"

#include <QtWidgets/QWidget>

class QLabel;
class QStackedWidget;

namespace Frameline {

class PropertyTree;

// The inspector's Close page: how the selected entry's connection ended (who closed, the code with its
// name and meaning, the reason, whether the closing handshake completed, the code we sent), and for a
// selected Close frame what its own payload says.
//
// Owned by InspectorWidget; GUI thread.
class ClosePage : public QWidget
{
    Q_OBJECT
public:
    explicit ClosePage(QWidget *parent = nullptr);

    void setDetails(const EntryDetails &details);
    bool hasContent() const { return m_hasContent; }
    PropertyTree *tree() const { return m_tree; }
    void retranslateUi();

private:
    void addCloseInfo(const CloseInfo &close);
    void addCloseFrame(const EntryDetails &details);

    EntryDetails m_details;
    bool m_hasContent = false;
    QStackedWidget *m_stack;
    QLabel *m_placeholder;
    PropertyTree *m_tree;
};

} // namespace Frameline
