// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"

#include <QByteArray>
#include <QCoreApplication>

namespace ClassDesk {

// Rebuilds an XLSX package into a small canonical workbook before liborcus
// reads it. liborcus 0.17 (Debian's build keeps assertions on) aborts the
// whole process on some damaged input, e.g. a <col> without min/max or a part
// whose deflate stream is corrupt, so orcus only ever sees XML written here:
//  - every zip part is checked (CRC, deflate stream, sizes) by ZipPackage;
//  - the workbook's sheets, the shared strings, the number formats and cell
//    formats, and each sheet's cells are read with QXmlStreamReader and
//    written again with only what a roster needs (no column widths, merged
//    cells, dimensions, formulas or drawings);
//  - cell references, shared string indexes, style indexes and numbers are
//    validated, and anything out of range makes the workbook "damaged";
//  - inline strings (openpyxl) and formula string results go into the
//    shared string table, which orcus 0.17 reads where it skips inline ones,
//    and absolute relationship targets (openpyxl) are resolved.
// The cell values themselves are still converted by orcus.
class OoxmlPackage
{
    Q_DECLARE_TR_FUNCTIONS(ClassDesk::OoxmlPackage)

public:
    // Cells beyond these are dropped: they bound what a damaged file can make
    // the reader allocate. A roster of a whole school is far smaller.
    static constexpr int s_maxRows = 100'000;
    static constexpr int s_maxColumns = 512;
    // The used area (rows x columns) of one sheet may not exceed this.
    static constexpr qint64 s_maxCells = 5'000'000;

    struct Rewritten
    {
        QByteArray package;
        // The workbook counts date serials from 1904-01-01 (workbookPr
        // date1904), which liborcus 0.17 does not apply itself.
        bool date1904 = false;
    };

    // Fails with "roster.spreadsheet_damaged" or "roster.spreadsheet_too_large"
    // and a translated reason.
    [[nodiscard]] static Result<Rewritten> rewriteForOrcus(const QByteArray &package);
};

} // namespace ClassDesk
