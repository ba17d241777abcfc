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
    const QString className = parser.value(command.options.className);
    const QString outputPath = parser.value(command.options.output);
    const QDate from = QDate::fromString(parser.value(command.options.from), Qt::ISODate);
    const QDate to = QDate::fromString(parser.value(command.options.to), Qt::ISODate);
    for (const QCommandLineOption *option : {&command.options.from, &command.options.to}) {
        const QString value = parser.value(*option);
        if (!value.isEmpty() && !QDate::fromString(value, Qt::ISODate).isValid()) {
            printError(Text::tr("\"%1\" is not a valid date for --%2. Write it as YYYY-MM-DD, e.g. 2026-09-01.")
                           .arg(value, option->names().constFirst()));
            return UnusableArguments;
        }
    }
    if (className.isEmpty() || outputPath.isEmpty() || !from.isValid() || !to.isValid()) {
        printError(Text::tr("attendance export needs --class NAME, --from YYYY-MM-DD, --to YYYY-MM-DD and -o FILE."));
        return UnusableArguments;
    }
    if (from > to) {
        printError(Text::tr("--from %1 is after --to %2.").arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate)));
        return UnusableArguments;
    }
    const auto format = exportFormat(parser.value(command.options.format), outputPath);
    if (!format) {
        printError(Text::tr("Unknown export format. Use --format xlsx or --format csv."));
        return UnusableArguments;
    }

    QString classId;
    if (const auto classes = command.workspace.classes().classes(command.workspace.schoolId())) {
        for (const SchoolClass &schoolClass : *classes) {
            if (schoolClass.name == className)
                classId = schoolClass.id;
        }
    }
    if (classId.isEmpty()) {
        printError(Text::tr("There is no class named %1.").arg(className));
        return UnusableArguments;
    }

    const auto input = loadAttendanceReport(command.workspace.classes(), command.workspace.attendance(),
                                            command.workspace.schoolId(), classId, className, from, to);
    if (!input) {
        printError(input.error().displayText());
        return ProblemsFound;
    }
    const Status written = *format == ExportFormat::Xlsx ? AttendanceExporter::writeXlsx(outputPath, *input)
                                                         : AttendanceExporter::writeCsv(outputPath, *input);
    if (!written) {
        printError(written.error().displayText());
        return ProblemsFound;
    }
    printLine(Text::tr("Exported attendance of %1 students in %2 sessions to %3.")
                  .arg(input->students.size())
                  .arg(input->sessions.size())
                  .arg(outputPath));
    return Success;
}

} // namespace ClassDesk::Cli
