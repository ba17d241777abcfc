// SPDX-License-Identifier: GPL-3.0-or-later
#include "coursewareprobe.h"

#include "coursewaretype.h"
#include "officethumbnail.h"
#include "uilogging.h"

#include <QAudioOutput>
#include <QCoreApplication>
#include <QMediaMetaData>
#include <QMediaPlayer>
#include <QPdfDocument>
#include <QPointer>
#include <QThreadPool>
#include <QTimer>
#include <QUrl>

namespace ClassDesk {

CoursewareProbe::CoursewareProbe(const QString &filePath, const QString &mimeType, QObject *parent)
    : QObject(parent)
    , m_filePath(filePath)
    , m_mimeType(mimeType)
{
}

void CoursewareProbe::start()
{
    const CoursewareType type = coursewareType(m_mimeType);
    if (type == CoursewareType::Audio || type == CoursewareType::Video)
        startMedia();
    else
        startOnPool();
}

std::optional<int> CoursewareProbe::pdfPageCount(const QString &filePath)
{
    QPdfDocument document;
    if (document.load(filePath) != QPdfDocument::Error::None || document.pageCount() <= 0)
        return std::nullopt;
    return document.pageCount();
}

void CoursewareProbe::startOnPool()
{
    const QString path = m_filePath;
    const bool isPdf = m_mimeType == QLatin1StringView("application/pdf");
    QPointer<CoursewareProbe> self(this);
    QThreadPool::globalInstance()->start([path, isPdf, self] {
        CoursewareMetadata metadata;
        if (isPdf) {
            metadata.pageCount = pdfPageCount(path);
            if (!metadata.pageCount)
                metadata.problem = CoursewareProbe::tr("The PDF file cannot be opened. It may be damaged or "
                                                       "protected by a password.");
        } else {
            metadata.thumbnail = readEmbeddedThumbnail(path);
        }
        // Back to the UI thread; the probe may have been deleted meanwhile.
        QMetaObject::invokeMethod(QCoreApplication::instance(), [self, metadata] {
            if (self)
                self->finish(metadata);
        }, Qt::QueuedConnection);
    });
}

void CoursewareProbe::startMedia()
{
    m_player = new QMediaPlayer(this);
    // Without an audio output the GStreamer pipeline of an audio-only file
    // fails to preroll, so the probe gets a muted one.
    auto *audioOutput = new QAudioOutput(m_player);
    audioOutput->setMuted(true);
    m_player->setAudioOutput(audioOutput);
    if (!m_player->isAvailable()) {
        m_media.mediaPlayable = false;
        m_media.problem = tr("Audio and video cannot be played on this computer because no media back end "
                             "is installed.");
        QTimer::singleShot(0, this, &CoursewareProbe::finishMedia);
        return;
    }

    m_timeout = new QTimer(this);
    m_timeout->setSingleShot(true);
    connect(m_timeout, &QTimer::timeout, this, [this] {
        qCInfo(lcUi) << "Media probe timed out, duration stays unknown";
        finishMedia();
    });

    connect(m_player, &QMediaPlayer::durationChanged, this, [this](qint64 duration) {
        // 0 means "not known yet", never a real length.
        if (duration > 0)
            m_media.durationMs = duration;
        if (m_player->mediaStatus() == QMediaPlayer::LoadedMedia && m_media.durationMs)
            finishMedia();
    });
    connect(m_player, &QMediaPlayer::mediaStatusChanged, this, [this](QMediaPlayer::MediaStatus status) {
        if (status == QMediaPlayer::InvalidMedia) {
            m_media.mediaPlayable = false;
            if (m_media.problem.isEmpty())
                m_media.problem = m_player->errorString();
            finishMedia();
        } else if (status == QMediaPlayer::LoadedMedia && m_media.durationMs) {
            finishMedia();
        }
    });
    connect(m_player, &QMediaPlayer::errorOccurred, this, [this](QMediaPlayer::Error, const QString &message) {
        m_media.mediaPlayable = false;
        m_media.problem = message;
        finishMedia();
    });

    m_timeout->start(MediaTimeoutMs);
    m_player->setSource(QUrl::fromLocalFile(m_filePath));
}

void CoursewareProbe::finishMedia()
{
    if (m_finished)
        return;
    if (m_player && m_media.mediaPlayable) {
        const QVariant resolution = m_player->metaData().value(QMediaMetaData::Resolution);
        if (resolution.toSize().isValid())
            m_media.resolution = resolution.toSize();
        else if (!m_player->videoTracks().isEmpty())
            m_media.resolution = m_player->videoTracks().first().value(QMediaMetaData::Resolution).toSize();
    }
    if (m_timeout)
        m_timeout->stop();
    if (m_player) {
        // The player is deleted later: destroying it inside its own signal is unsafe.
        m_player->disconnect(this);
        m_player->deleteLater();
        m_player = nullptr;
    }
    finish(m_media);
}

void CoursewareProbe::finish(const CoursewareMetadata &metadata)
{
    if (m_finished)
        return;
    m_finished = true;
    emit finished(metadata);
}

} // namespace ClassDesk
