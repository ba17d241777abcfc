// SPDX-License-Identifier: GPL-3.0-or-later
#include "attendanceexporter.h"
#include "attendancereportsource.h"
#include "classstore.h"
#include "clioutput.h"
#include "commands.h"
#include "exportformat.h"
#include "workspace.h"

namespace ClassDesk::Cli {

int runAttendanceExport(const Command &command)
{
    const QCommandLineParser &parser = command.parser;
    const bool json = command.json();
    const QString className = parser.value(command.options.className);
    const QString outputPath = parser.value(command.options.output);
    const QDate from = QDate::fromString(parser.value(command.options.from), Qt::ISODate);
    const QDate to = QDate::fromString(parser.value(command.options.to), Qt::ISODate);
    for (const QCommandLineOption *option : {&command.options.from, &command.options.to}) {
        const QString value = parser.value(*option);
        if (!value.isEmpty() && !QDate::fromString(value, Qt::ISODate).isValid()) {
            return reportFailure(Error{QStringLiteral("cli.date_invalid"),
                                       Text::tr("\"%1\" is not a valid date for --%2. Write it as YYYY-MM-DD, e.g. "
                                                "2026-09-01.")
                                           .arg(value, option->names().constFirst())},
                                 json, UnusableArguments);
        }
    }
    if (className.isEmpty() || outputPath.isEmpty() || !from.isValid() || !to.isValid()) {
        return reportFailure(Error{QStringLiteral("cli.option_missing"),
                                   Text::tr("attendance export needs --class NAME, --from YYYY-MM-DD, "
                                            "--to YYYY-MM-DD and -o FILE.")},
                             json, UnusableArguments);
    }
    if (from > to) {
        return reportFailure(Error{QStringLiteral("cli.date_range_invalid"),
                                   Text::tr("--from %1 is after --to %2.")
                                       .arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate))},
                             json, UnusableArguments);
    }
    const auto format = exportFormat(parser.value(command.options.format), outputPath);
    if (!format)
        return reportFailure(unknownFormatError(), json, UnusableArguments);

    QString classId;
    if (const auto classes = command.workspace.classes().classes(command.workspace.schoolId())) {
        for (const SchoolClass &schoolClass : *classes) {
            if (schoolClass.name == className)
                classId = schoolClass.id;
        }
    }
    if (classId.isEmpty())
        return reportFailure(classNotFoundError(className), json, UnusableArguments);

    const auto input = loadAttendanceReport(command.workspace.classes(), command.workspace.attendance(),
                                            command.workspace.schoolId(), classId, className, from, to);
    if (!input)
        return reportFailure(input.error(), json, ProblemsFound);
    const Status written = *format == ExportFormat::Xlsx ? AttendanceExporter::writeXlsx(outputPath, *input)
                                                         : AttendanceExporter::writeCsv(outputPath, *input);
    if (!written)
        return reportFailure(written.error(), json, ProblemsFound);
    if (json) {
        printJson(QJsonObject{{QStringLiteral("ok"), true},
                              {QStringLiteral("output"), outputPath},
                              {QStringLiteral("students"), int(input->students.size())},
                              {QStringLiteral("sessions"), int(input->sessions.size())}});
        return Success;
    }
    printLine(Text::tr("Exported attendance of %1 students in %2 sessions to %3.")
                  .arg(input->students.size())
                  .arg(input->sessions.size())
                  .arg(outputPath));
    return Success;
}

} // namespace ClassDesk::Cli
