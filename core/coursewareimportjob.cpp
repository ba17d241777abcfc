// SPDX-License-Identifier: GPL-3.0-or-later
#include "coursewareimportjob.h"

#include "corelogging.h"
#include "coursewarefilestore.h"
#include "coursewarestore.h"
#include "database.h"
#include "datalocation.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QThread>

namespace ClassDesk {

namespace {

// Progress is reported at most this often, so a fast disk does not flood the
// receiving thread's event queue.
constexpr qint64 ProgressIntervalMs = 50;

QStringList filesInFolder(const QString &folder)
{
    QStringList files;
    QDirIterator it(folder, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next());
    files.sort();
    return files;
}

// Finds the row with this content, or adds one.
Result<std::pair<QString, bool>> recordCourseware(CoursewareStore &store, const QString &schoolId,
                                                  const QString &sourcePath,
                                                  const CoursewareFileStore::StoredFile &stored)
{
    const auto existing = store.findByContent(stored.sha256, stored.sizeBytes);
    if (!existing)
        return std::unexpected(existing.error());
    for (const Courseware &row : *existing) {
        if (row.schoolId == schoolId)
            return std::pair(row.id, true);
    }

    const QFileInfo info(sourcePath);
    Courseware courseware;
    courseware.schoolId = schoolId;
    courseware.sha256 = stored.sha256;
    courseware.sizeBytes = stored.sizeBytes;
    courseware.mimeType = QMimeDatabase().mimeTypeForFile(info).name();
    courseware.title = info.completeBaseName().isEmpty() ? info.fileName() : info.completeBaseName();

    // Imported courseware goes to the upload queue at once: a large video
    // then has until the lesson to reach the platform over a slow link.
    courseware.uploadState = QStringLiteral("queued");
    const auto id = store.addCourseware(courseware);
    if (!id)
        return std::unexpected(id.error());
    return std::pair(*id, false);
}

} // namespace

CoursewareImportJob::CoursewareImportJob(const QString &dataDirectory, const QString &schoolId,
                                         const QStringList &paths, QObject *parent)
    : QObject(parent)
    , m_dataDirectory(dataDirectory)
    , m_schoolId(schoolId)
    , m_paths(paths)
{
}

QThread *CoursewareImportJob::startInThread(CoursewareImportJob *job)
{
    auto *thread = new QThread;
    thread->setObjectName(QStringLiteral("courseware import"));
    job->moveToThread(thread);
    connect(thread, &QThread::started, job, &CoursewareImportJob::run);
    // Direct, so the thread also stops while the receiving thread waits for it.
    connect(job, &CoursewareImportJob::finished, thread, &QThread::quit, Qt::DirectConnection);
    connect(thread, &QThread::finished, job, &QObject::deleteLater);
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
    return thread;
}

QStringList CoursewareImportJob::expandPaths(const QStringList &paths)
{
    QStringList files;
    for (const QString &path : paths) {
        if (QFileInfo(path).isDir())
            files += filesInFolder(path);
        else
            files.append(path);
    }
    return files;
}

void CoursewareImportJob::run()
{
    const QStringList files = expandPaths(m_paths);
    qCInfo(lcCoreCourseware) << "Importing" << files.size() << "files";

    auto database = Database::open(databaseFilePath(m_dataDirectory));
    if (!database) {
        qCWarning(lcCoreCourseware) << "Import cannot open the database:" << database.error().toLogString();
        for (const QString &file : files)
            emit fileFailed(file, database.error().code, database.error().message);
        emit finished(0, int(files.size()), false);
        return;
    }
    CoursewareStore store(**database);
    CoursewareFileStore fileStore(m_dataDirectory);
    fileStore.setWriteLimitForTesting(m_writeLimit);
    fileStore.removeAbandonedImports();

    qint64 bytesTotal = 0;
    for (const QString &file : files)
        bytesTotal += std::max<qint64>(0, QFileInfo(file).size());

    qint64 bytesBefore = 0; // of the files already done
    QElapsedTimer sinceProgress;
    sinceProgress.start();
    emit progressChanged(0, bytesTotal);

    int imported = 0;
    int failed = 0;
    for (const QString &file : files) {
        if (m_cancelRequested)
            break;

        const auto stored = fileStore.importFile(file, [&](qint64 copied) {
            if (sinceProgress.elapsed() >= ProgressIntervalMs) {
                emit progressChanged(bytesBefore + copied, bytesTotal);
                sinceProgress.restart();
            }
            return !m_cancelRequested.load();
        });
        bytesBefore += std::max<qint64>(0, QFileInfo(file).size());
        if (!stored && stored.error().code == QLatin1StringView("courseware.cancelled"))
            break;
        if (!stored) {
            ++failed;
            emit fileFailed(file, stored.error().code, stored.error().message);
            continue;
        }

        const auto recorded = recordCourseware(store, m_schoolId, file, *stored);
        if (!recorded) {
            // The copy is only kept for a row that refers to it.
            if (!stored->alreadyStored)
                (void)fileStore.removeFile(stored->sha256);
            ++failed;
            emit fileFailed(file, recorded.error().code, recorded.error().message);
            continue;
        }
        ++imported;
        emit fileImported(file, recorded->first, recorded->second);
        emit progressChanged(bytesBefore, bytesTotal);
    }

    const bool cancelled = m_cancelRequested;
    qCInfo(lcCoreCourseware) << "Import finished:" << imported << "imported," << failed << "failed"
                             << (cancelled ? "(cancelled)" : "");
    emit finished(imported, failed, cancelled);
}

} // namespace ClassDesk
