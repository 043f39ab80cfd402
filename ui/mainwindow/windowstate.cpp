#include "ui/mainwindow/windowstate.h"

#include "ui/widgets/setting.h"

#include <QtCore/QByteArray>
#include <QtWidgets/QHeaderView>
#include <QtWidgets/QMainWindow>
#include <QtWidgets/QSplitter>

namespace Frameline {

namespace {

const Setting<QByteArray> &geometrySetting()
{
    static const Setting<QByteArray> setting(QStringLiteral("Window/Geometry"), {});
    return setting;
}

const Setting<QByteArray> &stateSetting()
{
    static const Setting<QByteArray> setting(QStringLiteral("Window/State"), {});
    return setting;
}

Setting<QByteArray> splitterSetting(const QSplitter *splitter)
{
    return Setting<QByteArray>(QStringLiteral("Splitters/") + splitter->objectName(), {});
}

Setting<QByteArray> headerSetting(const QHeaderView *header)
{
    return Setting<QByteArray>(QStringLiteral("Headers/") + header->objectName(), {});
}

} // namespace

bool WindowState::restore(QMainWindow *window)
{
    const QByteArray geometry = geometrySetting().value();
    const bool restored = !geometry.isEmpty() && window->restoreGeometry(geometry);
    window->restoreState(stateSetting().value());
    restoreChildren(window);
    return restored;
}

void WindowState::restoreChildren(QWidget *widget)
{
    const auto splitters = widget->findChildren<QSplitter *>();
    for (QSplitter *splitter : splitters) {
        if (splitter->objectName().isEmpty())
            continue;
        const QByteArray state = splitterSetting(splitter).value();
        if (!state.isEmpty())
            splitter->restoreState(state);
    }
    const auto headers = widget->findChildren<QHeaderView *>();
    for (QHeaderView *header : headers) {
        if (header->objectName().isEmpty())
            continue;
        const QByteArray state = headerSetting(header).value();
        if (!state.isEmpty())
            header->restoreState(state);
    }
}

void WindowState::save(const QMainWindow *window)
{
    geometrySetting().setValue(window->saveGeometry());
    stateSetting().setValue(window->saveState());
    const auto splitters = window->findChildren<QSplitter *>();
    for (const QSplitter *splitter : splitters) {
        if (!splitter->objectName().isEmpty())
            splitterSetting(splitter).setValue(splitter->saveState());
    }
    const auto headers = window->findChildren<QHeaderView *>();
    for (const QHeaderView *header : headers) {
        if (!header->objectName().isEmpty())
            headerSetting(header).setValue(header->saveState());
    }
}

} // namespace Frameline
