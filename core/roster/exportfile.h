// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"

#include <QCoreApplication>
#include <QString>

namespace ClassDesk {

// The target file of an export. The folder is checked before anything is
// written, and the writer fills a temporary file in that folder that replaces
// the target only when complete, so a failed export leaves any earlier file.
class ExportFile
{
    Q_DECLARE_TR_FUNCTIONS(ClassDesk::ExportFile)

public:
    // Fails with "export.folder_missing", "export.not_a_folder" or
    // "export.folder_not_writable" and a translated message that names the
    // folder and what to do. A new file is created and removed to find out
    // whether the folder accepts files, because permission bits and ACLs
    // alone do not tell.
    [[nodiscard]] static Status checkFolder(const QString &path);

    // Creates an empty temporary file next to `path` and returns its path.
    [[nodiscard]] static Result<QString> createTemporary(const QString &path);

    // Renames the written temporary file over `path`, replacing an existing
    // file in one step; removes the temporary file when that fails.
    [[nodiscard]] static Status replaceWith(const QString &temporaryPath, const QString &path);
};

} // namespace ClassDesk
