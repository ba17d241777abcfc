// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "coursewarestore.h"
#include "coursewaretype.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QMediaPlayer;
class QPdfDocument;
class QPdfView;
class QPushButton;
class QSlider;
class QSpinBox;
class QStackedWidget;
class QVideoWidget;

namespace ClassDesk {

// The detail pane of the courseware library: plays audio and video with a
// seek slider and speed control, pages through PDFs, shows images and the
// thumbnail embedded in office documents, and edits tags and chapter marks.
// Anything it cannot show opens in the system's application.
class CoursewarePreview : public QWidget
{
    Q_OBJECT

public:
    explicit CoursewarePreview(QWidget *parent = nullptr);
    ~CoursewarePreview() override;

    // Shows `courseware`, whose stored copy is `filePath`.
    void showCourseware(const Courseware &courseware, const QString &filePath);
    void clear();

    [[nodiscard]] QString currentId() const { return m_courseware.id; }
    // Null until the first audio or video is previewed.
    [[nodiscard]] QMediaPlayer *player() const { return m_player; }
    // Null until the first PDF is previewed.
    [[nodiscard]] QPdfDocument *pdfDocument() const { return m_pdfDocument; }
    // The sentence shown when there is no preview or media cannot be played.
    [[nodiscard]] QString statusText() const;
    [[nodiscard]] QString warningText() const;

    // The warning for a video longer than a lesson's attention span, or an
    // empty string.
    [[nodiscard]] static QString longVideoWarning(CoursewareType type, std::optional<qint64> durationMs);

    // Splits a tag list typed with Western or Chinese commas.
    [[nodiscard]] static QStringList parseTags(const QString &text);

public slots:
    // Adds a chapter mark at the current playback position, titled `title`
    // or "Chapter N" when empty.
    void addChapterMark(const QString &title);
    void seekToChapter(int index);
    void openInSystemApplication();

signals:
    void tagsEdited(const QString &id, const QStringList &tags);
    void chapterMarksEdited(const QString &id, const QJsonArray &marks);
    void durationLoaded(const QString &id, qint64 durationMs);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void replacePage(int index, QWidget *page);
    void ensureMediaPage();
    void ensurePdfPage();
    QWidget *buildMediaPage();
    QWidget *buildPdfPage();
    void connectPlayer();
    void showMedia(bool hasVideo);
    void showPdf();
    void showImage();
    void showThumbnail();
    void showStatus(const QString &message);
    void showMediaProblem(const QString &reason);
    void updateInfo();
    void updateChapterList();
    void updateImageScale();
    void applyPdfZoom(int choice);
    void saveTags();

    Courseware m_courseware;
    QString m_filePath;
    QSize m_resolution;
    QPixmap m_image;
    int m_thumbnailRequest = 0; // drops thumbnails that arrive after another item was chosen

    QLabel *m_titleLabel = nullptr;
    QLabel *m_infoLabel = nullptr;
    QLabel *m_warningLabel = nullptr;
    QLineEdit *m_tagsEdit = nullptr;
    QPushButton *m_openButton = nullptr;
    QStackedWidget *m_stack = nullptr;

    QLabel *m_statusLabel = nullptr;
    QLabel *m_imageLabel = nullptr;

    QMediaPlayer *m_player = nullptr;
    QVideoWidget *m_videoWidget = nullptr;
    QPushButton *m_playButton = nullptr;
    QSlider *m_positionSlider = nullptr;
    QLabel *m_timeLabel = nullptr;
    QComboBox *m_speedBox = nullptr;
    QListWidget *m_chapterList = nullptr;
    QLineEdit *m_chapterTitleEdit = nullptr;
    QPushButton *m_addChapterButton = nullptr;

    QPdfDocument *m_pdfDocument = nullptr;
    QPdfView *m_pdfView = nullptr;
    QSpinBox *m_pageBox = nullptr;
    QComboBox *m_zoomBox = nullptr;
};

} // namespace ClassDesk
