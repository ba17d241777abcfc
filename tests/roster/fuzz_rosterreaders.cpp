// SPDX-License-Identifier: GPL-3.0-or-later
//
// libFuzzer entry point for the roster readers: the bytes go through
// encoding detection, decoding, CSV parsing and the preview, and through the
// XLSX reader when the build has one. Any crash, sanitizer report or hang is
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

    if (ClassDesk::SpreadsheetReader::isAvailable()) {
        const ClassDesk::RosterPreview sheet =
            ClassDesk::RosterImporter::previewSpreadsheet(bytes, ClassDesk::SpreadsheetReader::Format::Xlsx);
        static_cast<void>(sheet);
    }
    return 0;
}
