// SPDX-License-Identifier: GPL-3.0-or-later
#include "classstore.h"
#include "clioutput.h"
#include "commands.h"
#include "exportformat.h"
#include "rosterexporter.h"
#include "rosterimporter.h"
#include "rosterpreviewjson.h"
#include "rosterstore.h"
#include "workspace.h"

#include <QFileInfo>
#include <QJsonArray>

namespace ClassDesk::Cli {

namespace {

void printPreview(const RosterPreview &preview)
{
    if (preview.encoding) {
        printLine(Text::tr("Encoding: %1 (%2)")
                      .arg(TextCodec::name(*preview.encoding),
                           preview.encodingDetected ? Text::tr("detected") : Text::tr("chosen")));
    }
    if (!preview.sheetName.isEmpty())
        printLine(Text::tr("Sheet: %1").arg(preview.sheetName));
    printLine(Text::tr("Students found: %1").arg(preview.rows.size()));
    for (const RosterRow &row : preview.rows) {
        printLine(QStringLiteral("  %1\t%2\t%3\t%4")
                      .arg(row.studentNumber, row.name, row.gender, row.className));
    }
    // Each message already names its row and column.
    for (const RosterProblem &problem : preview.problems) {
        printLine(problem.isWarning() ? Text::tr("Warning: %1").arg(problem.displayText())
                                      : Text::tr("Problem: %1").arg(problem.displayText()));
    }
    if (!preview.encodingCandidates.isEmpty()) {
        printLine(Text::tr("The encoding is uncertain. Run again with --encoding and one of:"));
        for (const DecodingCandidate &candidate : preview.encodingCandidates) {
            printLine(QStringLiteral("  %1: %2")
                          .arg(TextCodec::name(candidate.encoding),
                               candidate.preview.left(60).replace(QLatin1Char('\n'), QLatin1Char(' '))));
        }
    }
}

bool hasClassProblem(const RosterPreview &preview)
{
    return std::any_of(preview.problems.cbegin(), preview.problems.cend(), [](const RosterProblem &problem) {
        return problem.kind == RosterProblemKind::ClassMissing;
    });
}

QJsonObject summaryJson(const RosterImportSummary &summary)
{
    return QJsonObject{{QStringLiteral("created"), summary.created},
                       {QStringLiteral("updated"), summary.updated},
                       {QStringLiteral("unchanged"), summary.unchanged}};
}

// Imports the preview's importable rows into `className`, or into each row's
// own class when `className` is empty.
Result<RosterImportSummary> importRows(RosterStore &rosters, const RosterPreview &preview, const QString &className)
{
    QString classId;
    if (!className.isEmpty()) {
        const auto found = rosters.classNamed(className);
        if (!found)
            return std::unexpected(found.error());
        classId = *found;
    }
    return rosters.importRows(preview.importableRows(), classId, {});
}

std::optional<QString> classIdNamed(Workspace &workspace, const QString &name)
{
    const auto classes = workspace.classes().classes(workspace.schoolId());
    if (!classes)
        return std::nullopt;
    for (const SchoolClass &schoolClass : *classes) {
        if (schoolClass.name == name)
            return schoolClass.id;
    }
    return std::nullopt;
}

} // namespace

int runRosterImport(const Command &command)
{
    const bool json = command.json();
    if (command.arguments.size() != 1) {
        return reportFailure(Error{QStringLiteral("cli.file_count"),
                                   Text::tr("roster import needs exactly one file. "
                                            "Example: classdesk-cli roster import 名单.csv")},
                             json, UnusableArguments);
    }
    const QString file = command.arguments.first();
    const QCommandLineParser &parser = command.parser;

    RosterImportOptions options;
    if (parser.isSet(command.options.encoding)) {
        options.encoding = TextCodec::fromName(parser.value(command.options.encoding));
        if (!options.encoding) {
            return reportFailure(Error{QStringLiteral("cli.encoding_unknown"),
                                       Text::tr("Unknown encoding \"%1\". Use UTF-8, UTF-16LE, UTF-16BE or GB18030.")
                                           .arg(parser.value(command.options.encoding))},
                                 json, UnusableArguments);
        }
    }
    if (parser.isSet(command.options.sheet))
        options.sheetName = parser.value(command.options.sheet);
    // Without --class every row must name its class, and the preview (dry run
    // or not) reports the rows that do not before anything is written.
    const QString className = parser.value(command.options.className).trimmed();
    options.requireRowClasses = className.isEmpty();
    RosterStore &rosters = command.workspace.rosters();
    const auto knownNumbers = rosters.studentNamesByNumber();
    if (!knownNumbers)
        return reportFailure(knownNumbers.error(), json, ProblemsFound);
    options.studentNumberLookup = [&names = *knownNumbers](const QString &number) -> std::optional<QString> {
        const auto found = names.constFind(number);
        return found == names.cend() ? std::nullopt : std::optional(*found);
    };

    RosterPreview preview = RosterImporter::previewFile(file, options);
    // --class puts every row into that class, whatever its class column contains.
    if (!className.isEmpty()) {
        for (RosterRow &row : preview.rows)
            row.className = className;
    }
    const bool hasProblems = preview.hasBlockingProblem();
    const bool apply = !parser.isSet(command.options.dryRun) && !preview.hasFileProblem()
                       && (!hasProblems || parser.isSet(command.options.skipProblemRows));

    QJsonObject output = RosterPreviewJson::toJson(preview);
    // One type per field: an XLSX or ODS file has no text encoding.
    if (output.value(QStringLiteral("encoding")).isNull())
        output.insert(QStringLiteral("encoding"), QString());
    const int exitStatus = hasProblems ? ProblemsFound : Success;
    output.insert(QStringLiteral("ok"), exitStatus == Success);
    output.insert(QStringLiteral("applied"), apply);
    output.insert(QStringLiteral("imported"), summaryJson({}));
    if (apply) {
        const auto summary = importRows(rosters, preview, className);
        if (!summary) {
            if (json) {
                output.insert(QStringLiteral("ok"), false);
                output.insert(QStringLiteral("applied"), false);
                output.insert(QStringLiteral("error"), errorJson(summary.error()));
                printJson(output);
            } else {
                printError(summary.error().displayText());
                printError(Text::tr("Nothing was imported."));
            }
            return ProblemsFound;
        }
        output.insert(QStringLiteral("imported"), summaryJson(*summary));
        if (!json) {
            printPreview(preview);
            printLine(Text::tr("Imported: %1 new, %2 updated, %3 unchanged.")
                          .arg(summary->created)
                          .arg(summary->updated)
                          .arg(summary->unchanged));
        }
    } else {
        if (!json) {
            printPreview(preview);
            if (parser.isSet(command.options.dryRun))
                printLine(Text::tr("Preview only: nothing was imported."));
            else if (preview.hasFileProblem())
                printLine(Text::tr("Nothing was imported because of the problem above."));
            else
                printLine(Text::tr("Nothing was imported because of the problems above. Fix the file, or "
                                   "add --skip-problem-rows to import the other rows."));
            if (hasClassProblem(preview))
                printLine(Text::tr("Give the class with --class NAME to import every student into it."));
        }
    }

    if (json)
        printJson(output);
    return exitStatus;
}

int runRosterExport(const Command &command)
{
    const QCommandLineParser &parser = command.parser;
    const bool json = command.json();
    const QString className = parser.value(command.options.className);
    const QString outputPath = parser.value(command.options.output);
    if (className.isEmpty() || outputPath.isEmpty()) {
        return reportFailure(Error{QStringLiteral("cli.option_missing"),
                                   Text::tr("roster export needs --class NAME and -o FILE.")},
                             json, UnusableArguments);
    }
    const auto format = exportFormat(parser.value(command.options.format), outputPath);
    if (!format)
        return reportFailure(unknownFormatError(), json, UnusableArguments);
    const auto classId = classIdNamed(command.workspace, className);
    if (!classId)
        return reportFailure(classNotFoundError(className), json, UnusableArguments);

    StudentFilter filter;
    filter.schoolId = command.workspace.schoolId();
    filter.classId = *classId;
    auto students = command.workspace.classes().students(filter);
    if (!students)
        return reportFailure(students.error(), json, ProblemsFound);
    std::sort(students->begin(), students->end(),
              [](const Student &left, const Student &right) { return left.studentNumber < right.studentNumber; });

    QList<RosterRow> rows;
    for (const Student &student : *students) {
        RosterRow row;
        row.studentNumber = student.studentNumber;
        row.name = student.name;
        row.gender = student.gender == QLatin1String("male")     ? QStringLiteral("男")
                     : student.gender == QLatin1String("female") ? QStringLiteral("女")
                                                                 : QString();
        row.className = className;
        for (auto it = student.notes.constBegin(); it != student.notes.constEnd(); ++it)
            row.notes.insert(it.key(), it.value().toString());
        rows.append(row);
    }

    const Status written = *format == ExportFormat::Xlsx ? RosterExporter::writeXlsx(outputPath, rows, className)
                                                         : RosterExporter::writeCsv(outputPath, rows);
    if (!written)
        return reportFailure(written.error(), json, ProblemsFound);
    if (json) {
        printJson(QJsonObject{{QStringLiteral("ok"), true},
                              {QStringLiteral("output"), outputPath},
                              {QStringLiteral("students"), int(rows.size())}});
    } else {
        printLine(Text::tr("Exported %1 students to %2.").arg(rows.size()).arg(outputPath));
    }
    return Success;
}

} // namespace ClassDesk::Cli
