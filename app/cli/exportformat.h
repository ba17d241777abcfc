// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commands.h"
#include "error.h"

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

inline Error unknownFormatError()
{
    return Error{QStringLiteral("cli.format_unknown"),
                 Text::tr("Unknown export format. Use --format xlsx or --format csv.")};
}

// The export commands take an existing class only, unlike roster import.
inline Error classNotFoundError(const QString &className)
{
    return Error{QStringLiteral("cli.class_not_found"), Text::tr("There is no class named %1.").arg(className)};
}

} // namespace ClassDesk::Cli
