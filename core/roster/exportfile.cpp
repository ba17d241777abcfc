// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportfile.h"

#include "rosterlogging.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryFile>

#include <filesystem>
#include <system_error>

namespace ClassDesk {

namespace {

QString nativeFolder(const QString &path)
{
    return QDir::toNativeSeparators(QFileInfo(path).absolutePath());
}

std::unique_ptr<QTemporaryFile> temporaryFileFor(const QString &path)
{
    const QFileInfo target(path);
    auto file = std::make_unique<QTemporaryFile>(target.absolutePath() + QStringLiteral("/.")
                                                 + target.completeBaseName() + QStringLiteral("-XXXXXX.")
                                                 + target.suffix() + QStringLiteral(".part"));
    return file;
}

} // namespace

Status ExportFile::checkFolder(const QString &path)
{
    const QFileInfo target(path);
    const QFileInfo folder(target.absolutePath());
    if (!folder.exists()) {
        qCWarning(lcCoreRoster) << "Export folder does not exist:" << folder.absoluteFilePath();
        return makeError(QStringLiteral("export.folder_missing"),
                         tr("The folder %1 does not exist. Create it or choose another folder, then export again.")
                             .arg(nativeFolder(path)));
    }
    if (!folder.isDir()) {
        return makeError(QStringLiteral("export.not_a_folder"),
                         tr("%1 is a file, not a folder. Choose a folder to save %2 in, then export again.")
                             .arg(nativeFolder(path), target.fileName()));
    }
    if (target.isDir()) {
        return makeError(QStringLiteral("export.not_a_folder"),
                         tr("%1 is a folder. Give the export a file name, e.g. %2, then export again.")
                             .arg(QDir::toNativeSeparators(target.absoluteFilePath()),
                                  QDir(target.absoluteFilePath()).filePath(QStringLiteral("export.xlsx"))));
    }

    const auto probe = temporaryFileFor(path);
    if (!probe->open()) {
        qCWarning(lcCoreRoster) << "Export folder is not writable:" << folder.absoluteFilePath() << probe->errorString();
        return makeError(QStringLiteral("export.folder_not_writable"),
                         tr("ClassDesk may not write into the folder %1 (%2). Choose another folder, such as "
                            "Documents, or ask the computer's administrator for write access, then export again.")
                             .arg(nativeFolder(path), probe->errorString()));
    }
    return {};
}

Result<QString> ExportFile::createTemporary(const QString &path)
{
    const auto file = temporaryFileFor(path);
    if (!file->open()) {
        return makeError(QStringLiteral("export.folder_not_writable"),
                         tr("ClassDesk may not write into the folder %1 (%2). Choose another folder, such as "
                            "Documents, or ask the computer's administrator for write access, then export again.")
                             .arg(nativeFolder(path), file->errorString()));
    }
    file->setAutoRemove(false);
    return file->fileName();
}

Status ExportFile::replaceWith(const QString &temporaryPath, const QString &path)
{
    // std::filesystem::rename replaces an existing target in one step
    // (rename(2) on POSIX, MoveFileExW with MOVEFILE_REPLACE_EXISTING on Windows).
    // A temporary file is private to its owner; an exported roster is shared
    // like any document the teacher saves (and like the CSV export).
    QFile::setPermissions(temporaryPath, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadUser | QFile::WriteUser
                                             | QFile::ReadGroup | QFile::ReadOther);

    std::error_code error;
    std::filesystem::rename(QFile::encodeName(temporaryPath).toStdString(), QFile::encodeName(path).toStdString(),
                            error);
    if (!error)
        return {};

    QFile::remove(temporaryPath);
    qCWarning(lcCoreRoster) << "Cannot replace export file" << path << error.message().c_str();
    return makeError(QStringLiteral("export.write_failed"),
                     tr("Could not save %1 (%2). Check that the file is not open in another program, "
                        "then export again.")
                         .arg(QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath()),
                              QString::fromLocal8Bit(error.message())));
}

} // namespace ClassDesk
