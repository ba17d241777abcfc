// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QImage>
#include <QObject>
#include <QSize>
#include <QString>

#include <optional>

class QMediaPlayer;
class QTimer;

namespace ClassDesk {

// Metadata that a probe read from one courseware file. An empty optional or
// an invalid size is unknown.
struct CoursewareMetadata
{
    std::optional<qint64> durationMs; // audio and video, never 0
    std::optional<int> pageCount;     // PDF
    QSize resolution;                 // video
    QImage thumbnail;                 // embedded in office documents
    bool mediaPlayable = true;        // false when Qt Multimedia cannot decode the file
    QString problem;                  // translated reason when the file could not be read
};

// Reads the metadata of one courseware file without blocking the UI thread.
// The page count of a PDF and the thumbnail of an office document are read
// on the global thread pool. Audio and video are loaded by a QMediaPlayer,
// whose back end decodes on its own threads, with a timeout. Emits
// finished() once.
class CoursewareProbe : public QObject
{
    Q_OBJECT

public:
    // How long a media file may take to report its duration.
    static constexpr int MediaTimeoutMs = 15000;

    CoursewareProbe(const QString &filePath, const QString &mimeType, QObject *parent = nullptr);

    void start();

    // The page count of a PDF, read synchronously.
    [[nodiscard]] static std::optional<int> pdfPageCount(const QString &filePath);

signals:
    void finished(const ClassDesk::CoursewareMetadata &metadata);

private:
    void startOnPool();
    void startMedia();
    void finishMedia();
    void finish(const CoursewareMetadata &metadata);

    QString m_filePath;
    QString m_mimeType;
    QMediaPlayer *m_player = nullptr;
    QTimer *m_timeout = nullptr;
    CoursewareMetadata m_media;
    bool m_finished = false;
};

} // namespace ClassDesk

Q_DECLARE_METATYPE(ClassDesk::CoursewareMetadata)
