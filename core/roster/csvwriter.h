// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"
#include "exporttable.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace ClassDesk {

// Writes CSV that Excel and WPS open correctly on Chinese Windows: UTF-8
// with a byte order mark (without it Excel assumes the ANSI code page),
// CRLF line ends, and RFC 4180 quoting.
class CsvWriter
{
    Q_DECLARE_TR_FUNCTIONS(ClassDesk::CsvWriter)

public:
    [[nodiscard]] static QByteArray toCsv(const ExportTable &table);

    // Replaces the file only after all of it is written, so an interrupted
    // export never leaves half a file under the teacher's chosen name.
    [[nodiscard]] static Status write(const QString &path, const ExportTable &table);
};

} // namespace ClassDesk
