// SPDX-License-Identifier: GPL-3.0-or-later
//
// libFuzzer entry point for the roster readers: the bytes go through
// encoding detection, decoding, CSV parsing and the preview, and through the
// XLSX and ODS readers when the build has them. Any crash, sanitizer report or hang is
// a bug. Wrong rows are not checked here.
#include "rosterimporter.h"

#include <QByteArray>
#include <QLoggingCategory>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    // A warning per invalid input would drown the fuzzer's own output.
    static const bool s_quiet = [] {
        QLoggingCategory::setFilterRules(QStringLiteral("classdesk.*=false"));
        return true;
    }();
    static_cast<void>(s_quiet);

    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char *>(data),
                                                     static_cast<qsizetype>(size));

    const ClassDesk::RosterPreview text = ClassDesk::RosterImporter::previewText(bytes);
    if (text.rows.size() > bytes.size() + 1)
        __builtin_trap(); // every row needs at least one byte of input

    // Every input goes to both spreadsheet readers: a mutated XLSX is still a
    // zip archive that the ODS path opens, and the other way round.
    if (ClassDesk::SpreadsheetReader::isAvailable()) {
        for (const auto format : {ClassDesk::SpreadsheetReader::Format::Xlsx, ClassDesk::SpreadsheetReader::Format::Ods}) {
            const ClassDesk::RosterPreview sheet = ClassDesk::RosterImporter::previewSpreadsheet(bytes, format);
            if (sheet.rows.size() > 100'000)
                __builtin_trap(); // more rows than the reader's row limit
        }
    }
    return 0;
}
