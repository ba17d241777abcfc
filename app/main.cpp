// SPDX-License-Identifier: GPL-3.0-or-later
#include "buildinfo.h"
#include "datalocation.h"
#include "languagesetup.h"
#include "mainwindow.h"
#include "peakmemory.h"
#include "settingspage.h"
#include "singleinstance.h"
#include "startupcheck.h"
#include "synccontroller.h"
#include "workspace.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QSettings>

#include <cstdio>
#include <memory>

Q_LOGGING_CATEGORY(lcApp, "classdesk.app", QtInfoMsg)

namespace {

// The options are parsed before the translations are installed, so their
// help text is English; the language itself is one of them.
struct Options
{
    QString language;
    QString dataDirectory;
    QString server;
    QString account;
};

Options parseOptions(const QCoreApplication &application)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("ClassDesk, an offline-first teaching assistant."));
    parser.addHelpOption();
    parser.addVersionOption();

    const QCommandLineOption languageOption(
        QStringLiteral("lang"),
        QStringLiteral("Interface language: zh_CN or en. Default: Chinese on a Chinese system, otherwise English."),
        QStringLiteral("language"));
    const QCommandLineOption dataOption(
        QStringLiteral("data"),
        QStringLiteral("Folder for the local database and courseware. Default: the per-user application data folder."),
        QStringLiteral("folder"));
    const QCommandLineOption serverOption(
        QStringLiteral("server"),
        QStringLiteral("Platform address to offer in the sign-in dialog, e.g. platform.school.edu.cn."),
        QStringLiteral("address"));
    const QCommandLineOption accountOption(
        QStringLiteral("account"), QStringLiteral("Account to offer in the sign-in dialog."),
        QStringLiteral("name"));
    parser.addOption(languageOption);
    parser.addOption(dataOption);
    parser.addOption(serverOption);
    parser.addOption(accountOption);
    parser.process(application);

    Options options;
    options.language = parser.value(languageOption);
    options.dataDirectory = parser.value(dataOption);
    options.server = parser.value(serverOption);
    options.account = parser.value(accountOption);
    return options;
}

void setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("ClassDesk"));
    QCoreApplication::setApplicationName(QStringLiteral("ClassDesk"));
    QCoreApplication::setApplicationVersion(
        QStringLiteral("%1 (%2)").arg(ClassDesk::BuildInfo::version(), ClassDesk::BuildInfo::revision()));
}

// With CLASSDESK_EXIT_AFTER_FIRST_PAINT set, the app prints "painted" and its
// peak memory in KiB once the main window has been painted, then quits:
// bench/startup_bench measures the start-up this way.
void quitAfterFirstPaintIfRequested(ClassDesk::MainWindow &window)
{
    if (!qEnvironmentVariableIsSet("CLASSDESK_EXIT_AFTER_FIRST_PAINT"))
        return;
    QObject::connect(&window, &ClassDesk::MainWindow::firstPaintFinished, &window, [] {
        std::printf("painted %ld\n", ClassDesk::peakResidentKiB());
        std::fflush(stdout);
        QCoreApplication::quit();
    });
}

// Starts the sync engine, in its own thread with its own connection, once the
// window is painted: its thread, connection and network information plugin
// took about 10 ms of a 40 ms start in startup_bench on a 2-core VM. The demo (scripts/run.sh) signs in on
// its own. The password comes from the environment, which other users cannot
// read, never from the command line.
void startSync(std::unique_ptr<ClassDesk::SyncController> &sync, ClassDesk::MainWindow &window,
               const QString &databasePath, const Options &options)
{
    sync = std::make_unique<ClassDesk::SyncController>(databasePath);
    window.setSyncController(sync.get());

    const QString demoPassword = qEnvironmentVariable("CLASSDESK_PASSWORD");
    if (!demoPassword.isEmpty() && !options.server.isEmpty() && !options.account.isEmpty()) {
        qunsetenv("CLASSDESK_PASSWORD");
        sync->signIn(options.server, options.account, demoPassword);
        return;
    }
    window.offerFirstRun(sync->state());
}

// --help and --version only print, so they must work without a display.
bool requestsConsoleOutputOnly(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray argument(argv[i]);
        if (argument == "--help" || argument == "-h" || argument == "--version" || argument == "-v")
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    if (requestsConsoleOutputOnly(argc, argv)) {
        QCoreApplication console(argc, argv);
        setApplicationIdentity();
        parseOptions(console); // prints and exits
        return 0;
    }

    QApplication application(argc, argv);
    setApplicationIdentity();

    const Options options = parseOptions(application);

    QString language = ClassDesk::chooseLanguage(options.language, QLocale::system());
    if (language.isEmpty()) {
        std::fprintf(stderr, "Unsupported language \"%s\": use zh_CN or en.\n",
                     qPrintable(options.language));
        return 2;
    }

    // Without --lang, the language chosen in Settings wins over the system's.
    if (options.language.isEmpty()) {
        const QString saved = QSettings().value(ClassDesk::SettingsKey::Language).toString();
        if (const QString savedLanguage = ClassDesk::chooseLanguage(saved, QLocale::system()); !savedLanguage.isEmpty())
            language = savedLanguage;
    }
    ClassDesk::installLanguage(application, language);

    const QString dataDirectory = options.dataDirectory.isEmpty()
                                      ? ClassDesk::defaultDataDirectory()
                                      : QDir(options.dataDirectory).absolutePath();

    // A second launch with the same data folder raises the running window and
    // leaves before it touches the database.
    ClassDesk::SingleInstance instance(dataDirectory);
    if (instance.claim() == ClassDesk::SingleInstance::Role::Secondary)
        return 0;
    qCInfo(lcApp) << "Local data folder:" << QDir::toNativeSeparators(dataDirectory);

    // After a clean exit the check of the whole file waits for the first paint.
    const bool checkFirst = ClassDesk::StartupCheck::needsCheckBeforeOpening(dataDirectory);
    if (checkFirst && !ClassDesk::StartupCheck::prepareDatabase(dataDirectory))
        return 1;
    auto workspace = ClassDesk::Workspace::open(dataDirectory);
    if (!workspace) {
        qCCritical(lcApp) << "Cannot open the local database:" << workspace.error().code;
        QMessageBox::critical(nullptr, QApplication::translate("main", "ClassDesk cannot start"),
                              workspace.error().displayText());
        return 1;
    }
    ClassDesk::StartupCheck::beginSession(dataDirectory);

    // Declared before the window, so it is destroyed after the window.
    std::unique_ptr<ClassDesk::SyncController> sync;
    ClassDesk::MainWindow window(**workspace, ClassDesk::BuildInfo::version(),
                                 ClassDesk::BuildInfo::revision());
    window.setPlatformDefaults(options.server, options.account);
    // Connected first, so the report comes before the work that waits for the paint.
    quitAfterFirstPaintIfRequested(window);
    QObject::connect(&window, &ClassDesk::MainWindow::firstPaintFinished, &window,
                     [&window, &sync, &options, dataDirectory, checkFirst,
                      databasePath = (*workspace)->databasePath()] {
                         ClassDesk::StartupCheck::checkAndBackUpInBackground(dataDirectory, checkFirst, &window);
                         startSync(sync, window, databasePath, options);
                     });
    window.show();
    QObject::connect(&instance, &ClassDesk::SingleInstance::raiseRequested, &window,
                     [&window] { ClassDesk::SingleInstance::raiseWindow(&window); });

    const int status = application.exec();
    ClassDesk::StartupCheck::endSession(dataDirectory);
    return status;
}
