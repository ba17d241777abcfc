// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"
#include "sheettable.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QStringList>

#include <memory>

namespace ClassDesk {

// Reads the sheets of a spreadsheet file (XLSX or ODS) into cells. One
// implementation (liborcus) sits behind it, so callers and tests do not
// depend on the library.
class SpreadsheetReader
{
    Q_DECLARE_TR_FUNCTIONS(ClassDesk::SpreadsheetReader)

public:
    enum class Format {
        Xlsx,
        Ods,
    };

    virtual ~SpreadsheetReader() = default;

    [[nodiscard]] virtual QStringList sheetNames() const = 0;
    // Reads one sheet by 0-based index.
    [[nodiscard]] virtual Result<SheetTable> readSheet(int index) const = 0;
    [[nodiscard]] Result<SheetTable> readSheet(const QString &name) const;

    // False when this build has no spreadsheet library; open() then fails.
    [[nodiscard]] static bool isAvailable();

    // Reads the whole file; fails with a translated message when it is not
    // a readable XLSX or ODS file.
    [[nodiscard]] static Result<std::unique_ptr<SpreadsheetReader>> open(const QByteArray &data,
                                                                        Format format);

    // The format a file name's extension names: .xlsx/.xlsm or .ods.
    [[nodiscard]] static std::optional<Format> formatForFileName(const QString &fileName);

    // Spreadsheet files larger than this are rejected before parsing: a
    // roster of a whole school stays well under it.
    static constexpr qsizetype s_maxFileSize = 32 * 1024 * 1024;
};

} // namespace ClassDesk
