// SPDX-License-Identifier: GPL-3.0-or-later
#include "coursewarefilestore.h"

#include "corelogging.h"
#include "sha256.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStorageInfo>
#include <QUuid>

#ifdef Q_OS_WIN
#include <io.h>
#else
#include <fcntl.h>
#include <unistd.h>
#endif

namespace ClassDesk {

namespace {

const QString TemporaryPrefix = QStringLiteral(".import-");
const QString TemporarySuffix = QStringLiteral(".part");

QString translated(const char *text)
{
    return QCoreApplication::translate("ClassDesk::CoursewareFileStore", text);
}

QString nativePath(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

bool isSha256(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9a-f]{64}$"));
    return pattern.match(text).hasMatch();
}

// Removes the temporary copy on every early return.
class TemporaryFileGuard
{
public:
    explicit TemporaryFileGuard(QFile &file) : m_file(file) {}
    ~TemporaryFileGuard()
    {
        if (m_active) {
            m_file.close();
            QFile::remove(m_file.fileName());
        }
    }
    TemporaryFileGuard(const TemporaryFileGuard &) = delete;
    TemporaryFileGuard &operator=(const TemporaryFileGuard &) = delete;

    void release() { m_active = false; }

private:
    QFile &m_file;
    bool m_active = true;
};

bool syncToDisk(QFile &file)
{
#ifdef Q_OS_WIN
    return _commit(file.handle()) == 0;
#else
    return ::fsync(file.handle()) == 0;
#endif
}

// Makes a rename inside `directory` durable. Windows offers no directory
// handle to flush, so there the rename's durability is left to the file system.
void syncDirectory(const QString &directory)
{
#ifndef Q_OS_WIN
    const int descriptor = ::open(QFile::encodeName(directory).constData(), O_RDONLY | O_DIRECTORY);
    if (descriptor < 0)
        return;
    ::fsync(descriptor);
    ::close(descriptor);
#else
    Q_UNUSED(directory);
#endif
}

std::unexpected<Error> diskFull(const QString &sourcePath)
{
    return makeError(QStringLiteral("courseware.disk_full"),
                     translated(QT_TRANSLATE_NOOP("ClassDesk::CoursewareFileStore",
                                                  "The disk is full, so %1 was not imported. "
                                                  "Free some disk space and import it again."))
                         .arg(nativePath(sourcePath)),
                     true);
}

std::unexpected<Error> storeUnwritable(const QString &rootPath)
{
    return makeError(QStringLiteral("courseware.store_unwritable"),
                     translated(QT_TRANSLATE_NOOP("ClassDesk::CoursewareFileStore",
                                                  "The courseware folder %1 cannot be written. Check that the "
                                                  "data folder is writable, or choose another one in Settings."))
                         .arg(nativePath(rootPath)));
}

// A failed write is reported as a full disk when too little space is left for
// the rest of the file, since that is what the teacher can act on.
std::unexpected<Error> writeFailed(const QFile &file, const QString &sourcePath, qint64 bytesLeft)
{
    const QStorageInfo storage(QFileInfo(file.fileName()).absolutePath());
    if (storage.isValid() && storage.bytesAvailable() < bytesLeft)
        return diskFull(sourcePath);
    return makeError(QStringLiteral("courseware.write_failed"),
                     translated(QT_TRANSLATE_NOOP("ClassDesk::CoursewareFileStore",
                                                  "Saving the copy of %1 failed: %2. Check the data folder's "
                                                  "disk and import the file again."))
                         .arg(nativePath(sourcePath), file.errorString()));
}

} // namespace

CoursewareFileStore::CoursewareFileStore(const QString &dataDirectory)
    : m_rootPath(QDir(dataDirectory).filePath(QStringLiteral("courseware")))
{
}

QString CoursewareFileStore::filePath(const QString &sha256) const
{
    const QString digest = sha256.toLower();
    return QDir(m_rootPath).filePath(digest.left(2) + QLatin1Char('/') + digest);
}

bool CoursewareFileStore::contains(const QString &sha256) const
{
    return isSha256(sha256.toLower()) && QFileInfo(filePath(sha256)).isFile();
}

Result<CoursewareFileStore::StoredFile> CoursewareFileStore::importFile(const QString &sourcePath,
                                                                        const ProgressCallback &progress) const
{
    const QFileInfo sourceInfo(sourcePath);
    if (!sourceInfo.exists()) {
        return makeError(QStringLiteral("courseware.source_missing"),
                         translated(QT_TRANSLATE_NOOP("ClassDesk::CoursewareFileStore",
                                                      "The file %1 was not found. It may have been moved or "
                                                      "deleted; choose it again."))
                             .arg(nativePath(sourcePath)));
    }

    QFile source(sourcePath);
    if (!sourceInfo.isFile() || !source.open(QIODevice::ReadOnly)) {
        return makeError(QStringLiteral("courseware.source_unreadable"),
                         translated(QT_TRANSLATE_NOOP("ClassDesk::CoursewareFileStore",
                                                      "The file %1 cannot be read. Check that it is a file "
                                                      "and that you may open it."))
                             .arg(nativePath(sourcePath)));
    }
    const qint64 expectedSize = source.size();

    // The temporary copy sits in the store folder so that the final rename
    // stays on one file system and is atomic.
    if (!QDir().mkpath(m_rootPath))
        return storeUnwritable(m_rootPath);
    QFile copy(QDir(m_rootPath).filePath(TemporaryPrefix + QUuid::createUuid().toString(QUuid::WithoutBraces)
                                         + TemporarySuffix));
    // Unbuffered, so a full disk shows at the write that hit it.
    if (!copy.open(QIODevice::WriteOnly | QIODevice::NewOnly | QIODevice::Unbuffered)) {
        qCWarning(lcCoreCourseware) << "Cannot create" << copy.fileName() << copy.errorString();
        return storeUnwritable(m_rootPath);
    }
    TemporaryFileGuard guard(copy);

    Sha256 hash;
    QByteArray buffer(BufferSize, Qt::Uninitialized);
    qint64 copied = 0;
    for (;;) {
        const qint64 read = source.read(buffer.data(), BufferSize);
        if (read < 0) {
            qCWarning(lcCoreCourseware) << "Reading" << sourcePath << "failed:" << source.errorString();
            return makeError(QStringLiteral("courseware.read_failed"),
                             translated(QT_TRANSLATE_NOOP("ClassDesk::CoursewareFileStore",
                                                          "Reading %1 failed: %2. If the file is on a removable "
                                                          "drive, check that the drive is still connected."))
                                 .arg(nativePath(sourcePath), source.errorString()),
                             true);
        }
        if (read == 0)
            break;

        if (m_writeLimit >= 0 && copied + read > m_writeLimit)
            return diskFull(sourcePath);
        if (copy.write(buffer.constData(), read) != read) {
            qCWarning(lcCoreCourseware) << "Writing" << copy.fileName() << "failed:" << copy.errorString();
            return writeFailed(copy, sourcePath, expectedSize - copied);
        }
        hash.addData(QByteArrayView(buffer.constData(), read));
        copied += read;

        if (progress && !progress(copied)) {
            return makeError(QStringLiteral("courseware.cancelled"),
                             translated(QT_TRANSLATE_NOOP("ClassDesk::CoursewareFileStore",
                                                          "The import was cancelled.")));
        }
    }

    // A file that shrank, grew or disappeared while being read may have been
    // copied half old and half new, so it is not kept.
    const QFileInfo sourceAfter(sourcePath);
    if (!sourceAfter.exists() || sourceAfter.size() != copied || copied != expectedSize) {
        qCWarning(lcCoreCourseware) << "Source changed during import:" << sourcePath;
        return makeError(QStringLiteral("courseware.source_vanished"),
                         translated(QT_TRANSLATE_NOOP("ClassDesk::CoursewareFileStore",
                                                      "The file %1 was moved, deleted or changed while it was "
                                                      "being imported, so it was not imported. Import it again."))
                             .arg(nativePath(sourcePath)),
                         true);
    }

    if (!syncToDisk(copy))
        return writeFailed(copy, sourcePath, 0);
    copy.close();

    StoredFile stored;
    stored.sha256 = QString::fromLatin1(hash.result().toHex());
    stored.sizeBytes = copied;
    stored.path = filePath(stored.sha256);

    const QString targetDirectory = QFileInfo(stored.path).absolutePath();
    if (!QDir().mkpath(targetDirectory))
        return storeUnwritable(m_rootPath);

    // Same content stored before: keep the existing copy and drop this one.
    if (QFileInfo::exists(stored.path)) {
        stored.alreadyStored = true;
        return stored;
    }
    if (!QFile::rename(copy.fileName(), stored.path)) {
        // Another thread may have stored the same content a moment ago.
        if (QFileInfo::exists(stored.path)) {
            stored.alreadyStored = true;
            return stored;
        }
        qCWarning(lcCoreCourseware) << "Renaming" << copy.fileName() << "failed";
        return storeUnwritable(m_rootPath);
    }
    guard.release();
    syncDirectory(targetDirectory);

    qCDebug(lcCoreCourseware) << "Stored" << copied << "bytes as" << stored.sha256;
    return stored;
}

int CoursewareFileStore::removeAbandonedImports(qint64 minimumAgeSeconds) const
{
    const QDateTime cutoff = QDateTime::currentDateTimeUtc().addSecs(-minimumAgeSeconds);
    const QFileInfoList leftovers = QDir(m_rootPath).entryInfoList({TemporaryPrefix + QLatin1Char('*') + TemporarySuffix},
                                                                    QDir::Files | QDir::Hidden);
    int removed = 0;
    for (const QFileInfo &leftover : leftovers) {
        if (leftover.lastModified().toUTC() <= cutoff && QFile::remove(leftover.filePath()))
            ++removed;
    }
    if (removed > 0)
        qCInfo(lcCoreCourseware) << "Removed" << removed << "abandoned import files";
    return removed;
}

Status CoursewareFileStore::removeFile(const QString &sha256) const
{
    if (!isSha256(sha256.toLower()))
        return {};
    const QString path = filePath(sha256);
    if (QFileInfo::exists(path) && !QFile::remove(path))
        return storeUnwritable(m_rootPath);
    return {};
}

} // namespace ClassDesk
