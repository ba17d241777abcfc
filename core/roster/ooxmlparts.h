// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

// Readers of the SpreadsheetML parts that OoxmlPackage rebuilds: each one
// validates a part and returns only what a roster needs.
namespace ClassDesk::OoxmlParts {

struct Styles
{
    QList<std::pair<int, QString>> numberFormats; // numFmtId and format code of custom formats
    QList<int> cellFormats;                       // numFmtId of each cell format (xf), in order
};

// The state that rewriting the sheets shares: the shared string table, which
// inline strings are appended to, and the limits for indexes.
struct SheetContext
{
    QStringList &strings;
    int sharedStringCount = 0; // entries of the workbook's own table
    int cellFormatCount = 0;
};

// The text of every string item (<si>), rich text runs joined, phonetic runs left out.
[[nodiscard]] Result<QStringList> readSharedStrings(const QByteArray &xml, const QString &part);

[[nodiscard]] Result<Styles> readStyles(const QByteArray &xml, const QString &part);

// A worksheet with only its cells: references, shared string indexes, style
// indexes and numbers validated, formulas replaced by their cached values.
[[nodiscard]] Result<QByteArray> rewriteSheet(const QByteArray &xml, const QString &sheetName,
                                              SheetContext &context);

} // namespace ClassDesk::OoxmlParts
