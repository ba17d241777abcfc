// SPDX-License-Identifier: GPL-3.0-or-later
//
// Helper for tst_durability: marks one student, prints "committed" as soon as
// the commit returned, then waits to be killed.
//
// Usage: attendancemarker DATABASE SESSION_ID STUDENT_ID STATUS

#include "attendancestore.h"
#include "database.h"

#include <QCoreApplication>
#include <QThread>

#include <cstdio>

using namespace ClassDesk;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    if (arguments.size() != 5) {
        std::fprintf(stderr, "usage: attendancemarker DATABASE SESSION_ID STUDENT_ID STATUS\n");
        return 2;
    }

    auto database = Database::open(arguments.at(1));
    const auto status = attendanceStatusFromText(arguments.at(4));
    if (!database || !status) {
        std::fprintf(stderr, "cannot open the database or unknown status\n");
        return 1;
    }

    AttendanceStore attendance(**database, QStringLiteral("marker"));
    if (const auto marked = attendance.mark(arguments.at(2), arguments.at(3), *status); !marked) {
        std::fprintf(stderr, "%s\n", qPrintable(marked.error().toLogString()));
        return 1;
    }
    std::printf("committed\n");
    std::fflush(stdout);

    // The parent kills this process now; the sleep only bounds a forgotten child.
    QThread::sleep(30);
    return 0;
}
