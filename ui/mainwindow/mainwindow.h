#pragma once

#include <QtWidgets/QMainWindow>

class QLabel;

namespace Frameline {

class ActionRegistry;
class DecoderWidget;

// The desktop app's main window. For now it holds the frame decoder; the connection workspace joins it
// later. Builds its menus from the ActionRegistry, shows the decoder's summary in the status bar and,
// unless told not to, restores and saves its layout through WindowState.
//
// Created by main() on the stack; owns its widgets; GUI thread.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum class Persistence : quint8 {
        RestoreAndSave, // the normal app: the layout of last time
        None, // tests and screenshots: the default layout, nothing written
    };

    explicit MainWindow(Persistence persistence = Persistence::RestoreAndSave, QWidget *parent = nullptr);
    ~MainWindow() override;

    DecoderWidget *decoder() const { return m_decoder; }
    ActionRegistry *actions() const { return m_actions; }

    // Decodes a file of raw bytes; on failure tells the user why and returns false.
    bool openBytesFile(const QString &path);

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void onOpenBytesFile();
    void onAboutFrameline();
    void retranslateUi();

    Persistence m_persistence;
    ActionRegistry *m_actions = nullptr;
    DecoderWidget *m_decoder = nullptr;
    QLabel *m_summaryLabel = nullptr;
    QString m_fileName; // the bytes file shown, for the title
};

} // namespace Frameline
