// SPDX-License-Identifier: GPL-3.0-or-later
//
// classdesk-cli: ClassDesk's command line for school IT staff and scripts.

#include "buildinfo.h"
#include "clioutput.h"
#include "commands.h"
#include "datalocation.h"
#include "languagesetup.h"
#include "workspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QLocale>
#include <QLoggingCategory>

#include <curl/curl.h>

using namespace ClassDesk;

namespace {

using Runner = int (*)(const Cli::Command &);

struct CommandEntry
{
    const char *name;
    Runner runner;
};

const CommandEntry Commands[] = {
    {"roster import", Cli::runRosterImport},
    {"roster export", Cli::runRosterExport},
    {"attendance export", Cli::runAttendanceExport},
    {"sync", Cli::runSync},
};

QString commandList()
{
    QStringList names;
    for (const CommandEntry &entry : Commands)
        names << QString::fromLatin1(entry.name);
    return names.join(QStringLiteral(", "));
}

// Indents every line of a translated paragraph, which keeps its own line breaks.
QString indented(const QString &text)
{
    QStringList lines = text.split(QLatin1Char('\n'));
    for (QString &line : lines)
        line.prepend(QStringLiteral("      "));
    return lines.join(QLatin1Char('\n'));
}

// --help prints this after Qt's option list. The command lines are syntax
// and stay untranslated.
QString commandHelp()
{
    using Cli::Text;
    const QStringList parts = {
        QString(),
        Text::tr("Commands:"),
        QStringLiteral("  roster import FILE [--class NAME] [--encoding NAME] [--sheet NAME]\n"
                       "                     [--dry-run] [--skip-problem-rows] [--json]"),
        indented(Text::tr("Reads a roster (CSV, TSV, XLSX or ODS), prints the students found and\n"
                          "the problems per row, and imports them unless --dry-run is given or the\n"
                          "file has problems (warnings do not stop it). Students are matched by\n"
                          "student number, so importing the same file again changes nothing.\n"
                          "Without --class, each row goes to the class in its class column (班级),\n"
                          "and a row without one is a problem.\n"
                          "--json prints one object: encoding, rows (student_number, name, gender,\n"
                          "class, notes), problems (row, column, code, severity, message) and\n"
                          "applied.")),
        QStringLiteral("  roster export --class NAME [--format xlsx|csv] -o FILE"),
        QStringLiteral("  attendance export --class NAME --from DATE --to DATE [--format xlsx|csv] -o FILE"),
        QStringLiteral("  sync [--server ADDRESS --account NAME] [--json]"),
        indented(Text::tr("Runs one sync of the data folder with its platform and prints what was\n"
                          "pulled, pushed, the new conflicts, the changes the platform rejected\n"
                          "(with the reason) and the courseware uploads. It uses the sign-in saved\n"
                          "in the system keychain; --server and --account sign in first, with the\n"
                          "password from the CLASSDESK_PASSWORD environment variable or typed at\n"
                          "the terminal (a one-time code likewise from CLASSDESK_OTP).")),
        QString(),
        Text::tr("Exit status: 0 applied, exported, previewed or synced without problems\n"
                 "(warnings allowed); 1 the input has problems or the work failed (sync:\n"
                 "retry later, e.g. the platform is unreachable or busy); 2 unusable\n"
                 "arguments or an unknown command; 3 sync needs a sign-in (none saved, the\n"
                 "platform refused it, or no system keychain to read or keep it); 4 synced,\n"
                 "but changes wait for the teacher's decision."),
    };
    return parts.join(QLatin1Char('\n'));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("ClassDesk"));
    QCoreApplication::setApplicationName(QStringLiteral("ClassDesk"));
    // The libcurl version helps school IT staff with network problems. The
    // call also makes classdesk-cli link libcurl, which the app loads only at
    // run time, so packaging tools see that ClassDesk needs it.
    QCoreApplication::setApplicationVersion(
        QStringLiteral("%1 (%2), libcurl %3")
            .arg(BuildInfo::version(), BuildInfo::revision(),
                 QString::fromLatin1(curl_version_info(CURLVERSION_NOW)->version)));

    // Progress lines would mix with the output scripts read, and every failure
    // is already reported with a translated message, so ClassDesk's own log
    // lines stay off; QT_LOGGING_RULES turns them back on.
    QLoggingCategory::setFilterRules(QStringLiteral("classdesk.*.info=false\nclassdesk.*.warning=false"));

    // Messages follow the system language, like the app's, unless the app that
    // runs this tool passes its own language in CLASSDESK_LANGUAGE.
    QString language = chooseLanguage(qEnvironmentVariable("CLASSDESK_LANGUAGE"), QLocale::system());
    if (language.isEmpty())
        language = chooseLanguage({}, QLocale::system());
    installTranslators(application, language);

    Cli::Options options;
    QCommandLineParser parser;
    parser.setApplicationDescription(Cli::Text::tr("ClassDesk command line.") + QLatin1Char('\n') + commandHelp());
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({options.data, options.className, options.encoding, options.sheet, options.dryRun,
                       options.skipProblemRows, options.json, options.from, options.to, options.format,
                       options.output, options.server, options.account});
    parser.addPositionalArgument(QStringLiteral("command"), commandList());
    if (!parser.parse(application.arguments())) {
        Cli::printError(parser.errorText());
        return Cli::UnusableArguments;
    }
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(Cli::Success);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();

    const QStringList words = parser.positionalArguments();
    if (words.isEmpty()) {
        Cli::printError(Cli::Text::tr("Give a command: %1. See --help.").arg(commandList()));
        return Cli::UnusableArguments;
    }
    // Every command but sync has two words.
    const qsizetype commandWords =
        words.first() == QLatin1String("roster") || words.first() == QLatin1String("attendance") ? 2 : 1;
    const QString commandName = words.mid(0, commandWords).join(QLatin1Char(' '));
    Runner runner = nullptr;
    for (const CommandEntry &entry : Commands) {
        if (commandName == QLatin1String(entry.name))
            runner = entry.runner;
    }
    if (!runner) {
        Cli::printError(Cli::Text::tr("Unknown command \"%1\". The commands are: %2. See --help.")
                            .arg(commandName, commandList()));
        return Cli::UnusableArguments;
    }

    const QString dataDirectory = parser.isSet(options.data) ? QDir(parser.value(options.data)).absolutePath()
                                                             : defaultDataDirectory();
    auto workspace = Workspace::open(dataDirectory);
    if (!workspace) {
        Cli::printError(workspace.error().displayText());
        return Cli::ProblemsFound;
    }
    return runner(Cli::Command{**workspace, parser, options, words.mid(commandWords)});
}
