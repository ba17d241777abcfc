// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QStringList>

#include <atomic>

class QThread;

namespace ClassDesk {

// Imports files and folders into the courseware library: copies each file
// into the content-addressed file store and adds its courseware row with the
// title from the file name, the MIME type, size and SHA-256. A folder is
// walked for files, hidden ones skipped.
//
// The job runs on a worker thread with its own database connection, opened in
// run(), and reports through signals, which reach other threads queued.
// Content already in the library is linked to its existing row instead of
// adding a second one.
class CoursewareImportJob : public QObject
{
    Q_OBJECT

public:
    CoursewareImportJob(const QString &dataDirectory, const QString &schoolId, const QStringList &paths,
                        QObject *parent = nullptr);

    // Moves `job` (which must have no parent) to a new thread and runs it
    // there. The thread quits after finished() and deletes itself and the job.
    static QThread *startInThread(CoursewareImportJob *job);

    // The files to import for `paths`: each file itself and the files inside
    // each folder, recursively, in a stable order.
    [[nodiscard]] static QStringList expandPaths(const QStringList &paths);

    // Stops the import after the current buffer; safe from any thread. The
    // file being copied is discarded and the files before it stay imported.
    void cancel() { m_cancelRequested = true; }

    // Test hook, see CoursewareFileStore::setWriteLimitForTesting. Call before run().
    void setWriteLimitForTesting(qint64 bytes) { m_writeLimit = bytes; }

public slots:
    void run();

signals:
    void progressChanged(qint64 bytesDone, qint64 bytesTotal);
    void fileImported(const QString &sourcePath, const QString &coursewareId, bool alreadyInLibrary);
    // `message` is translated; `errorCode` is an Error code such as "courseware.disk_full".
    void fileFailed(const QString &sourcePath, const QString &errorCode, const QString &message);
    void finished(int importedCount, int failedCount, bool cancelled);

private:
    QString m_dataDirectory;
    QString m_schoolId;
    QStringList m_paths;
    qint64 m_writeLimit = -1;
    std::atomic<bool> m_cancelRequested = false;
};

} // namespace ClassDesk
