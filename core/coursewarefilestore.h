// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"

#include <QString>

#include <functional>

namespace ClassDesk {

// The copy of every courseware file that ClassDesk keeps, addressed by the
// SHA-256 of its content: <data>/courseware/ab/abcdef... where "ab" is the
// first two hex digits. Files with the same content are stored once, and the
// teacher's original may move or vanish after the import.
//
// The store has no state beyond its folder, so each thread may use its own
// instance on the same folder at the same time.
class CoursewareFileStore
{
public:
    // Size of the buffer an import reads and writes with.
    static constexpr qint64 BufferSize = 256 * 1024;

    // Called after each buffer with the bytes copied so far; returning false
    // cancels the import.
    using ProgressCallback = std::function<bool(qint64 bytesCopied)>;

    struct StoredFile
    {
        QString sha256;          // 64 lower-case hex digits
        qint64 sizeBytes = 0;
        QString path;            // the stored copy
        bool alreadyStored = false; // the same content was stored before
    };

    explicit CoursewareFileStore(const QString &dataDirectory);

    [[nodiscard]] QString rootPath() const { return m_rootPath; }

    // The stored copy's path for `sha256`, whether or not it exists.
    [[nodiscard]] QString filePath(const QString &sha256) const;
    [[nodiscard]] bool contains(const QString &sha256) const;

    // Copies `sourcePath` into the store. The copy is written to a temporary
    // file in the store folder while it is hashed, flushed to disk, then
    // renamed to its content address. On any failure, including a cancel,
    // the temporary file is removed and nothing else changed.
    [[nodiscard]] Result<StoredFile> importFile(const QString &sourcePath,
                                                const ProgressCallback &progress = {}) const;

    // Removes the stored copy of `sha256`; removing a missing copy succeeds.
    [[nodiscard]] Status removeFile(const QString &sha256) const;

    // Removes temporary files that an import interrupted by a crash or power
    // loss left in the store folder, if unchanged for `minimumAgeSeconds`, so
    // a running import's file is kept. Returns how many were removed.
    int removeAbandonedImports(qint64 minimumAgeSeconds = 3600) const;

    // Test hook: a temporary file may hold at most `bytes`, as if the disk
    // were full after that; a negative value removes the limit.
    void setWriteLimitForTesting(qint64 bytes) { m_writeLimit = bytes; }

private:
    QString m_rootPath;
    qint64 m_writeLimit = -1;
};

} // namespace ClassDesk
