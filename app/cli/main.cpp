// SPDX-License-Identifier: GPL-3.0-or-later
//
// classdesk-cli: ClassDesk's command line for school IT staff and scripts.

#include "buildinfo.h"
#include "clioutput.h"
#include "commands.h"
#include "datalocation.h"
#include "error.h"
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

// --help prints this after Qt's option list. Translators keep the command
// words and options of the syntax lines and translate only the placeholders.
QString commandHelp()
{
    using Cli::Text;
    const QStringList parts = {
        QString(),
        Text::tr("Commands:"),
        //: Syntax: translate only the placeholders in capitals and keep the alignment.
        Text::tr("  roster import FILE [--class NAME] [--encoding NAME] [--sheet NAME]\n"
                 "                     [--dry-run] [--skip-problem-rows] [--json]"),
        indented(Text::tr("Reads a roster (CSV, TSV, XLSX or ODS), prints the students found and\n"
                          "the problems per row, and imports them unless --dry-run is given or the\n"
                          "file has problems (warnings do not stop it). Students are matched by\n"
                          "student number, so importing the same file again changes nothing.\n"
                          "Without --class, each row goes to the class in its class column (班级),\n"
                          "and a row without one is a problem.\n"
                          "--json prints one object: ok, encoding (empty for XLSX and ODS), rows\n"
                          "(student_number, name, gender, class: the class the row goes into,\n"
                          "notes), problems (row, column, code, severity, message), applied (true\n"
                          "or false) and imported (created, updated, unchanged; all 0 unless\n"
                          "applied).")),
        //: Syntax: translate only the placeholders in capitals.
        Text::tr("  roster export --class NAME [--format xlsx|csv] -o FILE [--json]"),
        //: Syntax: translate only the placeholders in capitals.
        Text::tr("  attendance export --class NAME --from DATE --to DATE [--format xlsx|csv] -o FILE [--json]"),
        //: Syntax: translate only the placeholders in capitals.
        Text::tr("  sync [--server ADDRESS --account NAME] [--json]"),
        indented(Text::tr("Runs one sync of the data folder with its platform and prints what was\n"
                          "pulled, pushed, the new conflicts, the changes the platform rejected\n"
                          "(with the reason) and the courseware uploads. It uses the sign-in saved\n"
                          "in the system keychain; --server and --account sign in first, with the\n"
                          "password from the CLASSDESK_PASSWORD environment variable or typed at\n"
                          "the terminal (a one-time code likewise from CLASSDESK_OTP). When no\n"
                          "keychain can keep that sign-in, the sync still runs and a warning says\n"
                          "so; --json reports it as sign_in_saved false and in warnings.")),
        QString(),
        Text::tr("Every error message ends with its error code. With --json every outcome,\n"
                 "argument errors included, is one JSON object on standard output, with\n"
                 "ok (true or false) and, after a failure, error (code, message)."),
        QString(),
        Text::tr("Exit status: 0 applied, exported, previewed or synced without problems\n"
                 "(warnings allowed, and a sign-in that could not be saved); 1 the input\n"
                 "has problems or the work failed (sync: retry later, e.g. the platform is\n"
                 "unreachable or busy); 2 unusable arguments, an unknown command or a\n"
                 "server address that does not work (e.g. no HTTPS there); 3 sync needs a\n"
                 "sign-in (none saved, the platform refused it, or no system keychain to\n"
                 "read it); 4 synced, but changes wait for the teacher's decision."),
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
    parser.addPositionalArgument(Cli::Text::tr("command"), Cli::Text::tr("One of: %1.").arg(commandList()),
                                 Cli::Text::tr("command [arguments]"));
    if (!parser.parse(application.arguments())) {
        // The parser stopped before it could tell whether --json was given.
        const bool json = application.arguments().contains(QStringLiteral("--json"));
        return Cli::reportFailure(Error{QStringLiteral("cli.option_invalid"), parser.errorText()}, json,
                                  Cli::UnusableArguments);
    }
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(Cli::Success);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();

    const bool json = parser.isSet(options.json);
    const QStringList words = parser.positionalArguments();
    if (words.isEmpty()) {
        return Cli::reportFailure(Error{QStringLiteral("cli.command_missing"),
                                        Cli::Text::tr("Give a command: %1. See --help.").arg(commandList())},
                                  json, Cli::UnusableArguments);
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
        return Cli::reportFailure(Error{QStringLiteral("cli.command_unknown"),
                                        Cli::Text::tr("Unknown command \"%1\". The commands are: %2. See --help.")
                                            .arg(commandName, commandList())},
                                  json, Cli::UnusableArguments);
    }

    const QString dataDirectory = parser.isSet(options.data) ? QDir(parser.value(options.data)).absolutePath()
                                                             : defaultDataDirectory();
    auto workspace = Workspace::open(dataDirectory);
    if (!workspace)
        return Cli::reportFailure(workspace.error(), json, Cli::ProblemsFound);
    return runner(Cli::Command{**workspace, parser, options, words.mid(commandWords)});
}
