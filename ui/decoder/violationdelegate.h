#pragma once

#include <QtWidgets/QStyledItemDelegate>

namespace Frameline {

// Tints the rows of frames and messages that break the protocol: a red wash for fatal violations, an
// amber one for those only reported. The tint is mixed into the view's own base colour at paint time, so
// it follows the system palette (light or dark) and the text keeps the palette's contrast.
// Reads the severity from the role given to the constructor.
//
// Owned by the view it is set on; GUI thread.
class ViolationDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    ViolationDelegate(int severityRole, QObject *parent);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    int m_severityRole;
};

} // namespace Frameline
