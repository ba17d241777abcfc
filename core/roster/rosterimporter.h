// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rosterpreview.h"
#include "rosterpreviewbuilder.h"
#include "spreadsheetreader.h"
#include "textcodec.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <optional>

namespace ClassDesk {

// Choices the teacher may make when the automatic ones are wrong.
struct RosterImportOptions
{
    std::optional<TextEncoding> encoding; // text files: overrides detection
    std::optional<QChar> delimiter;       // text files: overrides sniffing
    std::optional<QString> sheetName;     // spreadsheets: default is the first sheet
    StudentNumberLookup studentNumberLookup; // may be empty
    // Set when the import has no class for all rows (classdesk-cli without
    // --class): then every row must name its class, as RosterStore::importRows
    // requires, and the preview reports each one that does not.
    bool requireRowClasses = false;
};

// Reads a roster file (CSV, TSV, TXT, XLSX, ODS) into a RosterPreview. It
// never writes anything: RosterImportTarget::applyRoster() does that with
// the rows the teacher accepts.
class RosterImporter
{
    Q_DECLARE_TR_FUNCTIONS(ClassDesk::RosterImporter)

public:
    // Text rosters larger than this are rejected before decoding.
    static constexpr qsizetype s_maxTextFileSize = 16 * 1024 * 1024;

    // Picks the reader by extension: .xlsx, .xlsm and .ods are spreadsheets,
    // anything else is read as delimited text.
    [[nodiscard]] static RosterPreview previewFile(const QString &path,
                                                   const RosterImportOptions &options = {});

    // Delimited text in any TextEncoding.
    [[nodiscard]] static RosterPreview previewText(const QByteArray &bytes,
                                                   const RosterImportOptions &options = {});

    [[nodiscard]] static RosterPreview previewSpreadsheet(const QByteArray &bytes,
                                                          SpreadsheetReader::Format format,
                                                          const RosterImportOptions &options = {});
};

} // namespace ClassDesk
