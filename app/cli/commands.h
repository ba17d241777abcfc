// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>

namespace ClassDesk {
class Workspace;
}

namespace ClassDesk::Cli {

// Translated messages of the command line tool.
class Text
{
    Q_DECLARE_TR_FUNCTIONS(ClassDesk::Cli)
};

// The options of every command; a command reads the ones it documents.
struct Options
{
    // Built after main() installs the translators, so --help is translated,
    // the value names in angle brackets included.
    QCommandLineOption data{QStringLiteral("data"),
                            Text::tr("Folder of the local database (default: the app's data folder)."),
                            Text::tr("folder")};
    QCommandLineOption className{QStringLiteral("class"), Text::tr("Class name, e.g. 高一(3)班."),
                                 Text::tr("name")};
    QCommandLineOption encoding{QStringLiteral("encoding"),
                                Text::tr("Text encoding of a CSV/TSV file: UTF-8, UTF-16LE, UTF-16BE "
                                         "or GB18030 (default: detected)."),
                                Text::tr("name")};
    QCommandLineOption sheet{QStringLiteral("sheet"), Text::tr("Sheet of an XLSX/ODS file (default: the first)."),
                             Text::tr("name")};
    QCommandLineOption dryRun{QStringLiteral("dry-run"), Text::tr("Show the preview; change nothing.")};
    QCommandLineOption skipProblemRows{QStringLiteral("skip-problem-rows"),
                                       Text::tr("Import the rows without problems even when other "
                                                "rows have some.")};
    QCommandLineOption json{QStringLiteral("json"), Text::tr("Print one JSON object.")};
    QCommandLineOption from{QStringLiteral("from"), Text::tr("First day, YYYY-MM-DD."), Text::tr("date")};
    QCommandLineOption to{QStringLiteral("to"), Text::tr("Last day, YYYY-MM-DD."), Text::tr("date")};
    QCommandLineOption format{QStringLiteral("format"),
                              Text::tr("Export format: xlsx or csv (default: from the file name)."),
                              Text::tr("format")};
    QCommandLineOption output{{QStringLiteral("o"), QStringLiteral("output")}, Text::tr("File to write."),
                              Text::tr("file")};
    QCommandLineOption server{QStringLiteral("server"),
                              Text::tr("Platform address for signing in, e.g. school.edu.cn. Without a "
                                       "scheme it means https://; http:// is accepted only for this "
                                       "computer, e.g. http://127.0.0.1:8080."),
                              Text::tr("address")};
    QCommandLineOption account{QStringLiteral("account"), Text::tr("Account for signing in."),
                               Text::tr("name")};
};

struct Command
{
    Workspace &workspace;
    const QCommandLineParser &parser;
    const Options &options;
    QStringList arguments; // positional arguments after the command words

    // With --json every outcome, errors included, is one JSON object on standard output.
    [[nodiscard]] bool json() const { return parser.isSet(options.json); }
};

int runRosterImport(const Command &command);
int runRosterExport(const Command &command);
int runAttendanceExport(const Command &command);
int runSync(const Command &command);

} // namespace ClassDesk::Cli
