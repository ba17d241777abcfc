// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

namespace ClassDesk {

// Limits that keep a damaged or hostile file from exhausting memory. A class
// roster has tens of rows and a handful of columns; a whole school's export
// stays far below these.
struct CsvLimits
{
    qsizetype maxRows = 100'000;
    qsizetype maxColumns = 512;
    qsizetype maxFieldLength = 64 * 1024; // characters
};

// Reads delimiter-separated text as RFC 4180 describes it: fields in double
// quotes may hold delimiters, line breaks and doubled quotes; lines end in
// CRLF or LF (or a lone CR). One pass, no backtracking, so any input ends.
class CsvReader
{
    Q_DECLARE_TR_FUNCTIONS(ClassDesk::CsvReader)

public:
    // Picks tab, comma or semicolon: the one that splits the first lines
    // into the same number of fields most often. Comma when nothing fits.
    [[nodiscard]] static QChar sniffDelimiter(QStringView text);

    // Splits text into rows of fields. Fails on an unterminated quoted field
    // or when a limit is exceeded, with the 1-based line in the message.
    [[nodiscard]] static Result<QList<QStringList>> parse(QStringView text, QChar delimiter,
                                                         const CsvLimits &limits = {});
};

} // namespace ClassDesk
