// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFileInfo>
#include <QString>

#include <optional>

namespace ClassDesk::Cli {

enum class ExportFormat { Xlsx, Csv };

// The format named by --format, or else by the output file's extension.
inline std::optional<ExportFormat> exportFormat(const QString &named, const QString &outputPath)
{
    const QString format = named.isEmpty() ? QFileInfo(outputPath).suffix().toLower() : named.toLower();
    if (format == QLatin1String("xlsx"))
        return ExportFormat::Xlsx;
    if (format == QLatin1String("csv"))
        return ExportFormat::Csv;
    return std::nullopt;
}

} // namespace ClassDesk::Cli
