// SPDX-License-Identifier: GPL-3.0-or-later
//
// Time from process start to the main window's first paint with a
// 5,000-student database, next to a minimal Qt Widgets program that shows one
// window, both started as child processes of this program in the same run.
// Also prints each child's peak resident set size.
//
//   startup_bench [RUNS] [FOLDER]   (default 5 runs of each; medians are printed)
//
// FOLDER keeps the database and the app's settings there (FOLDER/data,
// FOLDER/config), e.g. to profile the app by hand; by default they go to a
// temporary folder.
//
// The app child is the built classdesk executable itself, with its whole
// start-up (single-instance check, database check, translations, sync engine
// and keychain, main window); CLASSDESK_EXIT_AFTER_FIRST_PAINT makes it report
// its first paint and quit. The baseline child is startup_baseline, a program
// of its own that links Qt Widgets only. startup_baseline --text, the same
// window with one line of Chinese text, is a reference printed beside it.
#include "rosterstore.h"
#include "workspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace ClassDesk;

namespace {

constexpr int StudentCount = 5000;
constexpr int ClassCount = 10;

// Settings of a teacher who has started ClassDesk before and left it on the
// Attendance section, in a configuration folder of the bench's own.
bool writeAppSettings(const QString &configDirectory)
{
    QSettings settings(QDir(configDirectory).filePath(QStringLiteral("ClassDesk/ClassDesk.conf")),
                       QSettings::IniFormat);
    settings.setValue(QStringLiteral("firstRun/done"), true);
    settings.setValue(QStringLiteral("mainWindow/section"), 1); // Attendance
    settings.sync();
    return settings.status() == QSettings::NoError;
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
Sample runChild(const QString &program, const QStringList &arguments, const QString &configDirectory)
{
    QProcess child;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (!environment.contains(QStringLiteral("QT_QPA_PLATFORM")))
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("CLASSDESK_EXIT_AFTER_FIRST_PAINT"), QStringLiteral("1"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), configDirectory);
    environment.remove(QStringLiteral("CLASSDESK_PASSWORD"));
    child.setProcessEnvironment(environment);

    QElapsedTimer timer;
    timer.start();
    child.start(program, arguments);
    QByteArray output;
    while (!output.contains('\n') && child.waitForReadyRead(30000))
        output += child.readAllStandardOutput();
    const double elapsed = double(timer.nsecsElapsed()) / 1e6;
    child.waitForFinished(30000);
    if (!output.startsWith("painted ")) {
        std::fprintf(stderr, "%s", child.readAllStandardError().constData());
        return {-1, 0};
    }
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
    QCoreApplication application(argc, argv);
    const int runs = argc > 1 ? std::max(1, QByteArray(argv[1]).toInt()) : 5;

    QTemporaryDir temporaryFolder;
    const QDir folder(argc > 2 ? QString::fromLocal8Bit(argv[2]) : temporaryFolder.path());
    const QString dataDirectory = folder.filePath(QStringLiteral("data"));
    const QString configDirectory = folder.filePath(QStringLiteral("config"));
    if (folder.exists(QStringLiteral("data"))) {
        std::fprintf(stderr, "%s already has a data folder: choose a new folder\n", qPrintable(folder.path()));
        return 1;
    }
    QElapsedTimer generation;
    generation.start();
    if (!temporaryFolder.isValid() || !QDir().mkpath(dataDirectory) || !createDatabase(dataDirectory)) {
        std::fprintf(stderr, "Cannot create the %d-student database\n", StudentCount);
        return 1;
    }
    if (!writeAppSettings(configDirectory)) {
        std::fprintf(stderr, "Cannot write the app's settings in %s\n", qPrintable(configDirectory));
        return 1;
    }
    std::printf("database: %d students in %d classes, made in %.1f s\n", StudentCount, ClassCount,
                double(generation.elapsed()) / 1000.0);

    // Alternating the children keeps a slow moment of the machine from hitting one of them only.
    const QString app = QStringLiteral(CLASSDESK_APP);
    const QStringList appArguments = {QStringLiteral("--lang"), QStringLiteral("zh_CN"), QStringLiteral("--data"),
                                      dataDirectory};
    QList<double> bareTimes;
    QList<double> textTimes;
    QList<double> appTimes;
    long bareRss = 0;
    long appRss = 0;
    for (int run = 0; run < runs; ++run) {
        const Sample bareSample = runChild(QStringLiteral(CLASSDESK_BASELINE), {}, configDirectory);
        const Sample textSample = runChild(QStringLiteral(CLASSDESK_BASELINE), {QStringLiteral("--text")},
                                           configDirectory);
        const Sample appSample = runChild(app, appArguments, configDirectory);
        if (bareSample.milliseconds < 0 || textSample.milliseconds < 0 || appSample.milliseconds < 0) {
            std::fprintf(stderr, "A child did not report its first paint\n");
            return 1;
        }
        bareTimes.append(bareSample.milliseconds);
        textTimes.append(textSample.milliseconds);
        appTimes.append(appSample.milliseconds);
        bareRss = std::max(bareRss, bareSample.rssKiB);
        appRss = std::max(appRss, appSample.rssKiB);
    }

    const double bareMedian = median(bareTimes);
    const double appMedian = median(appTimes);
    std::printf("minimal Qt Widgets window, first paint: %.0f ms (median of %d), peak RSS %.1f MiB\n", bareMedian,
                runs, double(bareRss) / 1024.0);
    std::printf("ClassDesk main window, first paint:     %.0f ms (median of %d), peak RSS %.1f MiB\n", appMedian,
                runs, double(appRss) / 1024.0);
    std::printf("ratio: %.2f (target <= 2), ClassDesk peak RSS target <= 120 MiB\n", appMedian / bareMedian);

    // What drawing Chinese text costs by itself, for reading the ratio.
    const double textMedian = median(textTimes);
    std::printf("reference, the minimal window with one line of Chinese text: %.0f ms, %.2f times the baseline;\n"
                "  ClassDesk takes %.2f times this reference\n",
                textMedian, textMedian / bareMedian, appMedian / textMedian);
    return 0;
}
