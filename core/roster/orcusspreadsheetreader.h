// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "spreadsheetreader.h"

#include <memory>

namespace ClassDesk {

// SpreadsheetReader on liborcus: orcus parses the XLSX or ODS file into its
// spreadsheet document model, and this class copies the cells out of it.
class OrcusSpreadsheetReader final : public SpreadsheetReader
{
    Q_DECLARE_TR_FUNCTIONS(ClassDesk::OrcusSpreadsheetReader)

public:
    ~OrcusSpreadsheetReader() override;

    [[nodiscard]] static Result<std::unique_ptr<SpreadsheetReader>> load(const QByteArray &data,
                                                                        Format format);

    [[nodiscard]] QStringList sheetNames() const override;
    [[nodiscard]] Result<SheetTable> readSheet(int index) const override;

private:
    struct Document;

    explicit OrcusSpreadsheetReader(std::unique_ptr<Document> document);

    std::unique_ptr<Document> m_document;
};

} // namespace ClassDesk
