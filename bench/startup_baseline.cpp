// SPDX-License-Identifier: GPL-3.0-or-later
//
// The baseline of startup_bench: a minimal Qt Widgets program that shows one
// empty window and reports its first paint the way the app does ("painted"
// and its peak memory in KiB), then quits. With --text the window shows one
// line of Chinese text, which costs what any Chinese interface pays first:
// fontconfig's set-up and loading a CJK font.
//
// It is a program of its own, linked with Qt Widgets only. The bench program
// links ClassDesk's libraries to make its database; run as the baseline, it
// loaded about 100 shared libraries, which doubled the baseline's time.
#include "peakmemory.h"

#include <QApplication>
#include <QLabel>
#include <QTimer>

#include <cstdio>

namespace {

class Window : public QLabel
{
protected:
    void paintEvent(QPaintEvent *event) override
    {
        QLabel::paintEvent(event);
        if (m_painted)
            return;
        m_painted = true;

        // After the paint event has been handled, so its cost is counted.
        QTimer::singleShot(0, qApp, [] {
            std::printf("painted %ld\n", ClassDesk::peakResidentKiB());
            std::fflush(stdout);
            QCoreApplication::quit();
        });
    }

private:
    bool m_painted = false;
};

} // namespace

int main(int argc, char *argv[])
{
    QApplication application(argc, argv);

    // The app's default size when it has no saved geometry, so both paint the same area.
    Window window;
    window.resize(960, 640);
    if (application.arguments().contains(QStringLiteral("--text")))
        window.setText(QStringLiteral("课堂助手：今日课程、考勤、课件、作业、同步与设置"));
    window.show();
    return application.exec();
}
