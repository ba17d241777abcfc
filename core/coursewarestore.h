// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"

#include <QJsonArray>
#include <QList>
#include <QObject>
#include <QStringList>

#include <optional>

namespace ClassDesk {

class Database;

// The metadata of one courseware file. The file itself lives in the
// content-addressed file store under its SHA-256.
struct Courseware
{
    QString id;
    QString schoolId;
    QString sha256; // 64 lower-case hex digits
    qint64 sizeBytes = 0;
    QString mimeType;
    QString title;
    QStringList tags;
    std::optional<qint64> durationMs; // audio and video
    std::optional<int> pageCount;     // documents
    QJsonArray chapterMarks;          // [{"title": ..., "position_ms" or "page": ...}]
    QString uploadState = QStringLiteral("local"); // local, queued, uploading, uploaded or failed
    QString remoteId;
};

// Courseware metadata rows; the files are handled by the courseware file store.
class CoursewareStore : public QObject
{
    Q_OBJECT

public:
    explicit CoursewareStore(Database &database, QObject *parent = nullptr);

    // Adds a row from `courseware` (its id is ignored) and returns the new id.
    [[nodiscard]] Result<QString> addCourseware(const Courseware &courseware);
    // Saves title, tags, duration, page count and chapter marks.
    [[nodiscard]] Status updateCourseware(const Courseware &courseware);
    [[nodiscard]] Status removeCourseware(const QString &id);

    // Records upload progress, which is local bookkeeping without an outbox
    // row. A new remote id is the exception: the platform's courseware must
    // learn its file_id, so that change is recorded as an update.
    [[nodiscard]] Status setUploadState(const QString &id, const QString &state, const QString &remoteId);

    [[nodiscard]] Result<Courseware> courseware(const QString &id);
    [[nodiscard]] Result<QList<Courseware>> coursewareList(const QString &schoolId);
    // The rows with this content, for example to reuse an upload.
    [[nodiscard]] Result<QList<Courseware>> findByContent(const QString &sha256, qint64 sizeBytes);

signals:
    // Emitted after a commit that changed rows of `entity`.
    void changed(const QString &entity, const QStringList &ids);

private:
    [[nodiscard]] Result<QList<Courseware>> query(const char *where, const QString &first,
                                                  std::optional<qint64> second);

    Database &m_database;
};

} // namespace ClassDesk
