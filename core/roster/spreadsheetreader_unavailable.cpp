// SPDX-License-Identifier: GPL-3.0-or-later
//
// Built instead of orcusspreadsheetreader.cpp when liborcus is not installed
// (CLASSDESK_SPREADSHEET_IMPORT=OFF): CSV and text rosters still work.
#include "spreadsheetreader.h"

namespace ClassDesk {

bool SpreadsheetReader::isAvailable()
{
    return false;
}

Result<std::unique_ptr<SpreadsheetReader>> SpreadsheetReader::open(const QByteArray &, Format)
{
    return makeError(QStringLiteral("roster.spreadsheet_unsupported"),
                     tr("This copy of ClassDesk cannot read XLSX or ODS files. Save the roster "
                        "as CSV in the spreadsheet program and import that file."));
}

} // namespace ClassDesk
