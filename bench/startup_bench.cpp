// SPDX-License-Identifier: GPL-3.0-or-later
//
// Time from process start to the main window's first paint with a
// 5,000-student database, next to a minimal Qt Widgets program that shows one
// window, both started as child processes of this program in the same run.
// Also prints each child's peak resident set size.
//
//   startup_bench [RUNS]       (default 5 runs of each; medians are printed)
//
// The children are this program again, with --child=bare or --child=app.
#include "languagesetup.h"
#include "mainwindow.h"
#include "rosterstore.h"
#include "synccontroller.h"
#include "workspace.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>
#include <QWidget>

#include <algorithm>
#include <cstdio>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

using namespace ClassDesk;

namespace {

constexpr int StudentCount = 5000;
constexpr int ClassCount = 10;

// Peak resident set size of this process in KiB; 0 where unknown.
long peakRssKiB()
{
#ifdef Q_OS_UNIX
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
#ifdef Q_OS_MACOS
    return usage.ru_maxrss / 1024; // bytes on macOS
#else
    return usage.ru_maxrss;
#endif
#else
    return 0;
#endif
}

// Prints "painted RSS" and quits after the first paint of `window`.
class FirstPaintProbe : public QObject
{
public:
    explicit FirstPaintProbe(QWidget *window)
    {
        window->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_seen) {
            m_seen = true;
            // After the paint event has been handled, so its cost is counted.
            QTimer::singleShot(0, qApp, [] {
                std::printf("painted %ld\n", peakRssKiB());
                std::fflush(stdout);
                QCoreApplication::quit();
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_seen = false;
};

int runBareChild(int argc, char *argv[])
{
    QApplication application(argc, argv);
    QWidget window;
    window.resize(1366, 768);
    FirstPaintProbe probe(&window);
    window.show();
    return application.exec();
}

// The app's own start-up steps, from app/main.cpp, on the given data folder.
int runAppChild(int argc, char *argv[], const QString &dataDirectory)
{
    QApplication application(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("ClassDesk"));
    QCoreApplication::setApplicationName(QStringLiteral("ClassDesk-bench"));
    installLanguage(application, QStringLiteral("zh_CN"));

    auto workspace = Workspace::open(dataDirectory);
    if (!workspace) {
        std::fprintf(stderr, "Cannot open the database: %s\n", qPrintable(workspace.error().message));
        return 1;
    }
    SyncController sync((*workspace)->databasePath());
    MainWindow window(**workspace, QStringLiteral("bench"), QStringLiteral("bench"));
    window.setSyncController(&sync);
    window.resize(1366, 768);
    window.showSection(MainWindow::Section::Attendance);
    FirstPaintProbe probe(&window);
    window.show();
    return application.exec();
}

bool createDatabase(const QString &dataDirectory)
{
    auto workspace = Workspace::open(dataDirectory);
    if (!workspace)
        return false;
    QList<RosterRow> rows;
    for (int i = 0; i < StudentCount; ++i) {
        RosterRow row;
        row.studentNumber = QStringLiteral("2025%1").arg(i + 1, 5, 10, QLatin1Char('0'));
        row.name = QStringLiteral("学生%1").arg(i + 1);
        row.gender = i % 2 ? QStringLiteral("男") : QStringLiteral("女");
        row.className = QStringLiteral("%1班").arg(i % ClassCount + 1);
        row.sourceRow = i + 2;
        rows.append(row);
    }
    const auto summary = (*workspace)->rosters().importRows(rows, {}, {});
    return summary.has_value();
}

struct Sample
{
    double milliseconds = 0;
    long rssKiB = 0;
};

// Starts one child and waits for its "painted" line; a negative time on failure.
Sample runChild(const QStringList &arguments)
{
    QProcess child;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (!environment.contains(QStringLiteral("QT_QPA_PLATFORM")))
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    child.setProcessEnvironment(environment);
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);

    QElapsedTimer timer;
    timer.start();
    child.start(QCoreApplication::applicationFilePath(), arguments);
    QByteArray output;
    while (!output.contains('\n') && child.waitForReadyRead(30000))
        output += child.readAllStandardOutput();
    const double elapsed = double(timer.nsecsElapsed()) / 1e6;
    child.waitForFinished(30000);
    if (!output.startsWith("painted "))
        return {-1, 0};
    return {elapsed, output.mid(8).trimmed().toLong()};
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

} // namespace

int main(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray argument(argv[i]);
        if (argument == "--child=bare")
            return runBareChild(argc, argv);
        if (argument == "--child=app" && i + 1 < argc)
            return runAppChild(argc, argv, QString::fromLocal8Bit(argv[i + 1]));
    }

    QCoreApplication application(argc, argv);
    const int runs = argc > 1 ? std::max(1, QByteArray(argv[1]).toInt()) : 5;

    QTemporaryDir folder;
    QElapsedTimer generation;
    generation.start();
    if (!folder.isValid() || !createDatabase(folder.path())) {
        std::fprintf(stderr, "Cannot create the %d-student database\n", StudentCount);
        return 1;
    }
    std::printf("database: %d students in %d classes, made in %.1f s\n", StudentCount, ClassCount,
                double(generation.elapsed()) / 1000.0);

    // Alternating the two keeps a slow moment of the machine from hitting one side only.
    QList<double> bare;
    QList<double> app;
    long bareRss = 0;
    long appRss = 0;
    for (int run = 0; run < runs; ++run) {
        const Sample bareSample = runChild({QStringLiteral("--child=bare")});
        const Sample appSample = runChild({QStringLiteral("--child=app"), folder.path()});
        if (bareSample.milliseconds < 0 || appSample.milliseconds < 0) {
            std::fprintf(stderr, "A child did not report its first paint\n");
            return 1;
        }
        bare.append(bareSample.milliseconds);
        app.append(appSample.milliseconds);
        bareRss = std::max(bareRss, bareSample.rssKiB);
        appRss = std::max(appRss, appSample.rssKiB);
    }

    const double bareMedian = median(bare);
    const double appMedian = median(app);
    std::printf("minimal Qt Widgets window, first paint: %.0f ms (median of %d), peak RSS %.1f MiB\n", bareMedian,
                runs, double(bareRss) / 1024.0);
    std::printf("ClassDesk main window, first paint:     %.0f ms (median of %d), peak RSS %.1f MiB\n", appMedian,
                runs, double(appRss) / 1024.0);
    std::printf("ratio: %.2f (target <= 2), ClassDesk peak RSS target <= 120 MiB\n", appMedian / bareMedian);
    return 0;
}
