// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"

#include <QByteArray>
#include <QCoreApplication>

namespace ClassDesk {

// Checks an ODS package and rewrites the parts liborcus reads (content.xml,
// styles.xml) before orcus sees them, for the same reason as OoxmlPackage:
// liborcus 0.17 aborts on some damaged input. The zip parts are checked by
// ZipPackage, each XML part is parsed with QXmlStreamReader and written again
// (so orcus only gets well-formed XML), and row and column repeat counts are
// validated and cut at the sheet's edge. The number of non-empty cells the
// repeats expand to is bounded, so a small file cannot make orcus fill
// millions of cells.
class OdsPackage
{
    Q_DECLARE_TR_FUNCTIONS(ClassDesk::OdsPackage)

public:
    // Cells with a value after expanding repeats, over all sheets.
    static constexpr qint64 s_maxValueCells = 5'000'000;

    // Fails with "roster.spreadsheet_damaged" or "roster.spreadsheet_too_large".
    [[nodiscard]] static Result<QByteArray> rewriteForOrcus(const QByteArray &package);
};

} // namespace ClassDesk
