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

using namespace ClassDesk;

namespace {

// --help prints this after Qt's option list.
const char *const CommandHelp = R"(
Commands:
  roster import FILE [--class NAME] [--encoding NAME] [--sheet NAME]
                     [--dry-run] [--skip-problem-rows] [--json]
      Reads a roster (CSV, TSV, XLSX or ODS), prints the students found and
      the problems per row, and imports them unless --dry-run is given or the
      file has problems. Students are matched by student number, so importing
      the same file again changes nothing. Without --class, each row goes to
      the class in its class column (班级).
      --json prints one object: encoding, rows (student_number, name, gender,
      class, notes), problems (row, column, message) and applied.
  roster export --class NAME [--format xlsx|csv] -o FILE
  attendance export --class NAME --from DATE --to DATE [--format xlsx|csv] -o FILE
  sync [--server ADDRESS --account NAME] [--json]
      Runs one sync of the data folder with its platform and prints what was
      pulled, pushed, the new conflicts, the changes the platform refused
      (with the reason) and the courseware uploads. It uses the sign-in saved
      in the system keychain; --server and --account sign in first, with the
      password from the CLASSDESK_PASSWORD environment variable or typed at
      the terminal (a one-time code likewise from CLASSDESK_OTP).

Exit status: 0 applied, exported, previewed or synced without problems; 1 the
input has problems or the work failed (sync: retry later); 2 unusable
arguments; 3 sync needs a sign-in (none saved, refused, or failed); 4 synced,
but changes wait for the teacher's decision.
)";

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication application(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("ClassDesk"));
    QCoreApplication::setApplicationName(QStringLiteral("ClassDesk"));
    QCoreApplication::setApplicationVersion(
        QStringLiteral("%1 (%2)").arg(BuildInfo::version(), BuildInfo::revision()));

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
    parser.setApplicationDescription(QStringLiteral("ClassDesk command line.") + QString::fromUtf8(CommandHelp));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({options.data, options.className, options.encoding, options.sheet, options.dryRun,
                       options.skipProblemRows, options.json, options.from, options.to, options.format,
                       options.output, options.server, options.account});
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("roster import | roster export | attendance export | sync"));
    if (!parser.parse(application.arguments())) {
        Cli::printError(parser.errorText());
        return Cli::UnusableArguments;
    }
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(Cli::Success);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();

    const QStringList words = parser.positionalArguments();
    const int commandWords = words.value(0) == QLatin1String("sync") ? 1 : 2;
    if (words.size() < commandWords) {
        Cli::printError(Cli::Text::tr("Give a command, e.g. classdesk-cli roster import FILE. See --help."));
        return Cli::UnusableArguments;
    }

    using Runner = int (*)(const Cli::Command &);
    Runner runner = nullptr;
    const QString commandName = words.mid(0, commandWords).join(QLatin1Char(' '));
    if (commandName == QLatin1String("roster import"))
        runner = Cli::runRosterImport;
    else if (commandName == QLatin1String("roster export"))
        runner = Cli::runRosterExport;
    else if (commandName == QLatin1String("attendance export"))
        runner = Cli::runAttendanceExport;
    else if (commandName == QLatin1String("sync"))
        runner = Cli::runSync;
    if (!runner) {
        Cli::printError(Cli::Text::tr("Unknown command \"%1\". See --help.").arg(commandName));
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
