// SPDX-License-Identifier: GPL-3.0-or-later
#include "coursewarepreview.h"

#include "coursewaremodel.h"
#include "officethumbnail.h"
#include "uilogging.h"

#include <QAudioOutput>
#include <QComboBox>
#include <QCoreApplication>
#include <QDesktopServices>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QHBoxLayout>
#include <QImageReader>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMediaMetaData>
#include <QMediaPlayer>
#include <QMimeDatabase>
#include <QPdfDocument>
#include <QPdfPageNavigator>
#include <QPdfView>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QSlider>
#include <QSpinBox>
#include <QStackedWidget>
#include <QThreadPool>
#include <QUrl>
#include <QVBoxLayout>
#include <QVideoWidget>

namespace ClassDesk {

namespace {

enum Page { StatusPage, MediaPage, PdfPage, ImagePage };

const QString TitleKey = QStringLiteral("title");
const QString PositionKey = QStringLiteral("position_ms");

// Playback speeds offered; 1x is the default.
constexpr double PlaybackRates[] = {0.5, 0.75, 1.0, 1.25, 1.5, 2.0};
constexpr int NormalRateIndex = 2;
// The video's minimum height in lines of text: about 100 px with the 17 px
// lines of a Chinese font. Nine lines pushed the controls under the video in
// a 960x640 window (tst_coursewarepage run by scripts/test.sh).
constexpr int VideoMinLines = 6;
// The chapter list's width beside the video, in average characters: a time
// and a short title.
constexpr int ChapterListChars = 18;

// Zoom choices of the PDF view: fit width, fit page, then fixed factors.
constexpr double PdfZoomFactors[] = {0.5, 1.0, 1.5, 2.0};

QJsonArray sortedMarks(QJsonArray marks)
{
    QList<QJsonValue> values(marks.begin(), marks.end());
    std::stable_sort(values.begin(), values.end(), [](const QJsonValue &a, const QJsonValue &b) {
        return a.toObject().value(PositionKey).toInteger() < b.toObject().value(PositionKey).toInteger();
    });
    return QJsonArray::fromVariantList(QVariantList(values.begin(), values.end()));
}

} // namespace

CoursewarePreview::CoursewarePreview(QWidget *parent)
    : QWidget(parent)
{
    m_titleLabel = new QLabel(this);
    m_titleLabel->setObjectName(QStringLiteral("previewTitle"));
    m_titleLabel->setWordWrap(true);
    QFont titleFont = m_titleLabel->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_titleLabel->setFont(titleFont);

    m_infoLabel = new QLabel(this);
    m_infoLabel->setObjectName(QStringLiteral("previewInfo"));
    m_warningLabel = new QLabel(this);
    m_warningLabel->setObjectName(QStringLiteral("previewWarning"));
    m_warningLabel->setWordWrap(true);
    m_warningLabel->setStyleSheet(QStringLiteral("QLabel { color: #9a5b00; }"));
    m_warningLabel->hide();

    m_tagsEdit = new QLineEdit(this);
    m_tagsEdit->setObjectName(QStringLiteral("tagsEdit"));
    m_tagsEdit->setPlaceholderText(tr("Knowledge points, separated by commas"));
    m_tagsEdit->setAccessibleName(tr("Tags"));
    connect(m_tagsEdit, &QLineEdit::editingFinished, this, &CoursewarePreview::saveTags);

    m_openButton = new QPushButton(tr("Open in System Application"), this);
    m_openButton->setObjectName(QStringLiteral("openButton"));
    connect(m_openButton, &QPushButton::clicked, this, &CoursewarePreview::openInSystemApplication);

    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("previewStatus"));
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setAlignment(Qt::AlignCenter);
    m_statusLabel->installEventFilter(this);

    m_imageLabel = new QLabel(this);
    m_imageLabel->setObjectName(QStringLiteral("previewImage"));
    m_imageLabel->setAlignment(Qt::AlignCenter);
    m_imageLabel->setMinimumSize(120, 90);
    m_imageLabel->installEventFilter(this);

    // The media and PDF pages are made when first needed, because a media
    // player sets up an audio back end that most previews never use.
    m_stack = new QStackedWidget(this);
    m_stack->insertWidget(StatusPage, m_statusLabel);
    m_stack->insertWidget(MediaPage, new QWidget(this));
    m_stack->insertWidget(PdfPage, new QWidget(this));
    m_stack->insertWidget(ImagePage, m_imageLabel);

    // Tags and the Open button share a row, leaving the height to the picture.
    auto *tagsLabel = new QLabel(tr("&Tags:"), this);
    tagsLabel->setBuddy(m_tagsEdit);
    auto *tagsRow = new QHBoxLayout;
    tagsRow->addWidget(tagsLabel);
    tagsRow->addWidget(m_tagsEdit, 1);
    tagsRow->addWidget(m_openButton);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_titleLabel);
    layout->addWidget(m_infoLabel);
    layout->addWidget(m_warningLabel);
    layout->addWidget(m_stack, 1);
    layout->addLayout(tagsRow);

    clear();
}

CoursewarePreview::~CoursewarePreview()
{
    // Stop the media back end before the video output it renders to goes away.
    if (m_player)
        m_player->stop();
}

void CoursewarePreview::replacePage(int index, QWidget *page)
{
    QWidget *placeholder = m_stack->widget(index);
    const int current = m_stack->currentIndex();
    m_stack->insertWidget(index, page);
    m_stack->removeWidget(placeholder);
    delete placeholder;
    m_stack->setCurrentIndex(current);
}

void CoursewarePreview::ensureMediaPage()
{
    if (!m_player)
        replacePage(MediaPage, buildMediaPage());
}

void CoursewarePreview::ensurePdfPage()
{
    if (!m_pdfDocument)
        replacePage(PdfPage, buildPdfPage());
}

QWidget *CoursewarePreview::buildMediaPage()
{
    m_player = new QMediaPlayer(this);
    m_player->setAudioOutput(new QAudioOutput(this));
    m_videoWidget = new QVideoWidget(this);
    // The video takes the height the other rows leave, so the controls below
    // it are never covered, but never less than a picture a class can see.
    m_videoWidget->setMinimumSize(160, m_videoWidget->fontMetrics().height() * VideoMinLines);
    m_videoWidget->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Ignored);
    m_player->setVideoOutput(m_videoWidget);

    m_playButton = new QPushButton(tr("Play"), this);
    m_playButton->setObjectName(QStringLiteral("playButton"));
    m_positionSlider = new QSlider(Qt::Horizontal, this);
    m_positionSlider->setObjectName(QStringLiteral("positionSlider"));
    m_positionSlider->setAccessibleName(tr("Playback position"));
    m_timeLabel = new QLabel(this);
    m_speedBox = new QComboBox(this);
    m_speedBox->setObjectName(QStringLiteral("speedBox"));
    m_speedBox->setAccessibleName(tr("Playback speed"));
    for (double rate : PlaybackRates)
        m_speedBox->addItem(tr("%1×").arg(QLocale().toString(rate)), rate);
    m_speedBox->setCurrentIndex(NormalRateIndex);

    m_chapterList = new QListWidget(this);
    m_chapterList->setObjectName(QStringLiteral("chapterList"));
    m_chapterList->setAccessibleName(tr("Chapter marks"));
    m_chapterList->setToolTip(tr("Click a chapter mark to jump to it."));
    // Beside the video the list takes width, which a preview has more of
    // than height, instead of rows the video needs.
    m_chapterList->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Ignored);
    m_chapterList->setMinimumHeight(m_chapterList->fontMetrics().height() * 2 + 2 * m_chapterList->frameWidth());
    m_chapterTitleEdit = new QLineEdit(this);
    m_chapterTitleEdit->setPlaceholderText(tr("Chapter title"));
    m_chapterTitleEdit->setAccessibleName(tr("Chapter title"));
    m_addChapterButton = new QPushButton(tr("Add &Chapter Mark"), this);
    m_addChapterButton->setObjectName(QStringLiteral("addChapterButton"));

    connectPlayer();

    auto *controls = new QHBoxLayout;
    controls->addWidget(m_playButton);
    controls->addWidget(m_positionSlider, 1);
    controls->addWidget(m_timeLabel);
    controls->addWidget(m_speedBox);
    auto *chapterRow = new QHBoxLayout;
    chapterRow->addWidget(m_chapterTitleEdit, 1);
    chapterRow->addWidget(m_addChapterButton);
    auto *pictureRow = new QHBoxLayout;
    pictureRow->addWidget(m_videoWidget, 1);
    pictureRow->addWidget(m_chapterList);

    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(pictureRow, 1);
    layout->addLayout(controls);
    layout->addLayout(chapterRow);
    return page;
}

void CoursewarePreview::connectPlayer()
{
    connect(m_playButton, &QPushButton::clicked, this, [this] {
        if (m_player->playbackState() == QMediaPlayer::PlayingState)
            m_player->pause();
        else
            m_player->play();
    });
    connect(m_player, &QMediaPlayer::playbackStateChanged, this, [this](QMediaPlayer::PlaybackState state) {
        m_playButton->setText(state == QMediaPlayer::PlayingState ? tr("Pause") : tr("Play"));
    });
    connect(m_positionSlider, &QSlider::sliderMoved, m_player, &QMediaPlayer::setPosition);
    connect(m_player, &QMediaPlayer::positionChanged, this, [this](qint64 position) {
        if (!m_positionSlider->isSliderDown())
            m_positionSlider->setValue(int(position));
        m_timeLabel->setText(CoursewareModel::formatDuration(position) + QStringLiteral(" / ")
                             + CoursewareModel::formatDuration(m_courseware.durationMs));
    });
    connect(m_speedBox, &QComboBox::currentIndexChanged, this, [this] {
        m_player->setPlaybackRate(m_speedBox->currentData().toDouble());
    });
    connect(m_player, &QMediaPlayer::durationChanged, this, [this](qint64 duration) {
        // 0 means the length is not known yet; it is never stored.
        if (duration <= 0 || m_courseware.id.isEmpty())
            return;
        m_positionSlider->setRange(0, int(duration));
        if (m_courseware.durationMs != duration) {
            m_courseware.durationMs = duration;
            emit durationLoaded(m_courseware.id, duration);
        }
        updateInfo();
    });
    connect(m_player, &QMediaPlayer::metaDataChanged, this, [this] {
        m_resolution = m_player->metaData().value(QMediaMetaData::Resolution).toSize();
        updateInfo();
    });
    connect(m_player, &QMediaPlayer::errorOccurred, this, [this](QMediaPlayer::Error, const QString &message) {
        showMediaProblem(message);
    });
    connect(m_player, &QMediaPlayer::mediaStatusChanged, this, [this](QMediaPlayer::MediaStatus status) {
        if (status == QMediaPlayer::InvalidMedia)
            showMediaProblem(m_player->errorString());
    });
    connect(m_addChapterButton, &QPushButton::clicked, this, [this] {
        addChapterMark(m_chapterTitleEdit->text());
        m_chapterTitleEdit->clear();
    });
    connect(m_chapterList, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        seekToChapter(m_chapterList->row(item));
    });
}

QWidget *CoursewarePreview::buildPdfPage()
{
    m_pdfDocument = new QPdfDocument(this);
    m_pdfView = new QPdfView(this);
    m_pdfView->setObjectName(QStringLiteral("pdfView"));
    m_pdfView->setDocument(m_pdfDocument);
    m_pdfView->setPageMode(QPdfView::PageMode::MultiPage);
    m_pdfView->setZoomMode(QPdfView::ZoomMode::FitToWidth);

    m_pageBox = new QSpinBox(this);
    m_pageBox->setObjectName(QStringLiteral("pageBox"));
    m_pageBox->setAccessibleName(tr("Page"));
    m_zoomBox = new QComboBox(this);
    m_zoomBox->setObjectName(QStringLiteral("zoomBox"));
    m_zoomBox->setAccessibleName(tr("Zoom"));
    m_zoomBox->addItem(tr("Fit Width"));
    m_zoomBox->addItem(tr("Fit Page"));
    for (double factor : PdfZoomFactors)
        m_zoomBox->addItem(tr("%1%").arg(qRound(factor * 100)));

    connect(m_pageBox, &QSpinBox::valueChanged, this, [this](int page) {
        if (m_pdfView->pageNavigator()->currentPage() != page - 1)
            m_pdfView->pageNavigator()->jump(page - 1, {}, m_pdfView->zoomFactor());
    });
    connect(m_pdfView->pageNavigator(), &QPdfPageNavigator::currentPageChanged, this, [this](int page) {
        m_pageBox->setValue(page + 1);
    });
    connect(m_zoomBox, &QComboBox::currentIndexChanged, this, &CoursewarePreview::applyPdfZoom);

    auto *controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Page:"), this));
    controls->addWidget(m_pageBox);
    controls->addStretch();
    controls->addWidget(new QLabel(tr("Zoom:"), this));
    controls->addWidget(m_zoomBox);

    auto *page = new QWidget(this);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(controls);
    layout->addWidget(m_pdfView, 1);
    return page;
}

void CoursewarePreview::applyPdfZoom(int choice)
{
    if (choice == 0) {
        m_pdfView->setZoomMode(QPdfView::ZoomMode::FitToWidth);
    } else if (choice == 1) {
        m_pdfView->setZoomMode(QPdfView::ZoomMode::FitInView);
    } else {
        m_pdfView->setZoomMode(QPdfView::ZoomMode::Custom);
        m_pdfView->setZoomFactor(PdfZoomFactors[choice - 2]);
    }
}

void CoursewarePreview::clear()
{
    if (m_player) {
        m_player->stop();
        m_player->setSource({});
    }
    if (m_pdfDocument)
        m_pdfDocument->close();
    m_courseware = Courseware();
    m_filePath.clear();
    m_resolution = {};
    m_image = {};
    ++m_thumbnailRequest;

    m_titleLabel->setText(tr("No courseware chosen"));
    m_infoLabel->clear();
    m_warningLabel->hide();
    m_tagsEdit->clear();
    m_tagsEdit->setEnabled(false);
    m_openButton->setEnabled(false);
    showStatus(tr("Choose an item in the library to preview it, or drop files here to import them."));
}

void CoursewarePreview::showCourseware(const Courseware &courseware, const QString &filePath)
{
    clear();
    m_courseware = courseware;
    m_filePath = filePath;

    m_titleLabel->setText(courseware.title);
    m_tagsEdit->setText(courseware.tags.join(QStringLiteral(", ")));
    m_tagsEdit->setEnabled(true);
    m_openButton->setEnabled(true);
    m_openButton->setText(tr("Open in System Application"));
    updateInfo();

    if (!QFileInfo::exists(filePath)) {
        showStatus(tr("The stored copy of this file is missing from the data folder. Import the file again."));
        return;
    }

    switch (coursewareType(courseware.mimeType)) {
    case CoursewareType::Video: showMedia(true); break;
    case CoursewareType::Audio: showMedia(false); break;
    case CoursewareType::Image: showImage(); break;
    default:
        if (courseware.mimeType == QLatin1StringView("application/pdf"))
            showPdf();
        else
            showThumbnail();
        break;
    }
}

void CoursewarePreview::showMedia(bool hasVideo)
{
    ensureMediaPage();
    if (!m_player->isAvailable()) {
        showMediaProblem(tr("no media back end is installed"));
        return;
    }
    m_videoWidget->setVisible(hasVideo);
    // Without a picture, as for audio, the chapter list takes the whole row.
    m_chapterList->setMaximumWidth(hasVideo ? m_chapterList->fontMetrics().averageCharWidth() * ChapterListChars
                                            : QWIDGETSIZE_MAX);
    m_speedBox->setCurrentIndex(NormalRateIndex);
    m_positionSlider->setRange(0, int(m_courseware.durationMs.value_or(0)));
    m_positionSlider->setValue(0);
    m_timeLabel->setText(CoursewareModel::formatDuration(0) + QStringLiteral(" / ")
                         + CoursewareModel::formatDuration(m_courseware.durationMs));
    updateChapterList();
    m_stack->setCurrentIndex(MediaPage);
    m_player->setSource(QUrl::fromLocalFile(m_filePath));
}

void CoursewarePreview::showMediaProblem(const QString &reason)
{
    if (m_courseware.id.isEmpty())
        return;
    qCInfo(lcUi) << "Media cannot be played:" << reason;
    if (m_player)
        m_player->stop();
    m_openButton->setText(tr("Open in System Player"));
    showStatus(tr("This file cannot be played here (%1). You can still open it in the system's player; "
                  "everything else in the library works as usual.")
                   .arg(reason.isEmpty() ? tr("the format is not supported") : reason));
}

void CoursewarePreview::showPdf()
{
    // NOTE: the PDF loads on the UI thread. PDFium renders pages only when
    // they are drawn, but a very large or damaged file may still pause the UI here.
    ensurePdfPage();
    if (m_pdfDocument->load(m_filePath) != QPdfDocument::Error::None) {
        showStatus(tr("The PDF file cannot be opened. It may be damaged or protected by a password."));
        return;
    }
    m_pageBox->setRange(1, std::max(1, m_pdfDocument->pageCount()));
    m_pageBox->setValue(1);
    m_zoomBox->setCurrentIndex(0);
    applyPdfZoom(0);
    m_stack->setCurrentIndex(PdfPage);
}

void CoursewarePreview::showImage()
{
    QImageReader reader(m_filePath);
    reader.setAutoTransform(true);
    const QImage image = reader.read();
    if (image.isNull()) {
        showStatus(tr("The image cannot be shown: %1.").arg(reader.errorString()));
        return;
    }
    m_image = QPixmap::fromImage(image);
    m_resolution = image.size();
    updateInfo();
    m_stack->setCurrentIndex(ImagePage);
    updateImageScale();
}

void CoursewarePreview::showThumbnail()
{
    showStatus(tr("There is no preview for this file. Double-click here or use the button below to open it "
                  "in its application."));

    const int request = ++m_thumbnailRequest;
    const QString path = m_filePath;
    QPointer<CoursewarePreview> self(this);
    QThreadPool::globalInstance()->start([self, path, request] {
        const QImage thumbnail = readEmbeddedThumbnail(path);
        QMetaObject::invokeMethod(QCoreApplication::instance(), [self, thumbnail, request] {
            if (!self || thumbnail.isNull() || request != self->m_thumbnailRequest)
                return;
            self->m_image = QPixmap::fromImage(thumbnail);
            self->m_stack->setCurrentIndex(ImagePage);
            self->m_imageLabel->setToolTip(tr("Double-click to open the file in its application."));
            self->updateImageScale();
        }, Qt::QueuedConnection);
    });
}

void CoursewarePreview::showStatus(const QString &message)
{
    m_statusLabel->setText(message);
    m_stack->setCurrentIndex(StatusPage);
}

QString CoursewarePreview::statusText() const
{
    return m_stack->currentIndex() == StatusPage ? m_statusLabel->text() : QString();
}

QString CoursewarePreview::warningText() const
{
    return m_warningLabel->isHidden() ? QString() : m_warningLabel->text();
}

QString CoursewarePreview::longVideoWarning(CoursewareType type, std::optional<qint64> durationMs)
{
    if (!isOverLessonVideoLimit(type, durationMs))
        return {};
    return tr("This video runs %1, longer than %n minute(s). Short lessons with chapter marks keep students "
              "watching: split the video or add chapter marks.",
              nullptr, int(LessonVideoLimitMs / 60000))
        .arg(CoursewareModel::formatDuration(durationMs));
}

void CoursewarePreview::updateInfo()
{
    if (m_courseware.id.isEmpty())
        return;
    const CoursewareType type = coursewareType(m_courseware.mimeType);
    QStringList parts{CoursewareModel::typeLabel(type), CoursewareModel::formatSize(m_courseware.sizeBytes)};
    if (type == CoursewareType::Video || type == CoursewareType::Audio) {
        parts.append(m_courseware.durationMs ? CoursewareModel::formatDuration(m_courseware.durationMs)
                                             : tr("duration loading…"));
    }
    if (m_pdfDocument && m_pdfDocument->pageCount() > 0)
        parts.append(tr("%n page(s)", nullptr, m_pdfDocument->pageCount()));
    else if (m_courseware.pageCount)
        parts.append(tr("%n page(s)", nullptr, *m_courseware.pageCount));
    if (m_resolution.isValid())
        parts.append(QStringLiteral("%1×%2").arg(m_resolution.width()).arg(m_resolution.height()));
    m_infoLabel->setText(parts.join(QStringLiteral(" · ")));

    const QString warning = longVideoWarning(type, m_courseware.durationMs);
    m_warningLabel->setText(warning);
    m_warningLabel->setVisible(!warning.isEmpty());
}

QStringList CoursewarePreview::parseTags(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[,，、;；]"));
    QStringList tags;
    for (const QString &part : text.split(separators, Qt::SkipEmptyParts)) {
        const QString tag = part.trimmed();
        if (!tag.isEmpty() && !tags.contains(tag))
            tags.append(tag);
    }
    return tags;
}

void CoursewarePreview::saveTags()
{
    if (m_courseware.id.isEmpty())
        return;
    const QStringList tags = parseTags(m_tagsEdit->text());
    if (tags == m_courseware.tags)
        return;
    m_courseware.tags = tags;
    emit tagsEdited(m_courseware.id, tags);
}

void CoursewarePreview::addChapterMark(const QString &title)
{
    if (m_courseware.id.isEmpty())
        return;
    const QString markTitle = title.trimmed().isEmpty()
                                  ? tr("Chapter %1").arg(m_courseware.chapterMarks.size() + 1)
                                  : title.trimmed();
    QJsonArray marks = m_courseware.chapterMarks;
    const qint64 position = m_player ? m_player->position() : 0;
    marks.append(QJsonObject{{TitleKey, markTitle}, {PositionKey, position}});
    m_courseware.chapterMarks = sortedMarks(marks);
    updateChapterList();
    emit chapterMarksEdited(m_courseware.id, m_courseware.chapterMarks);
}

void CoursewarePreview::seekToChapter(int index)
{
    if (index < 0 || index >= m_courseware.chapterMarks.size() || !m_player)
        return;
    m_player->setPosition(m_courseware.chapterMarks.at(index).toObject().value(PositionKey).toInteger());
}

void CoursewarePreview::updateChapterList()
{
    if (!m_chapterList)
        return;
    m_chapterList->clear();
    // An empty list would only take height from the video.
    const bool hasMarks = !m_courseware.chapterMarks.isEmpty();
    m_chapterList->setVisible(hasMarks);
    for (const QJsonValue &value : std::as_const(m_courseware.chapterMarks)) {
        const QJsonObject mark = value.toObject();
        m_chapterList->addItem(CoursewareModel::formatDuration(mark.value(PositionKey).toInteger())
                               + QStringLiteral("  ") + mark.value(TitleKey).toString());
    }
}

void CoursewarePreview::updateImageScale()
{
    if (m_image.isNull())
        return;
    const QSize available = m_imageLabel->size();
    m_imageLabel->setPixmap(m_image.size().width() <= available.width() && m_image.height() <= available.height()
                                ? m_image
                                : m_image.scaled(available, Qt::KeepAspectRatio, Qt::SmoothTransformation));
}

void CoursewarePreview::openInSystemApplication()
{
    if (m_filePath.isEmpty())
        return;

    // The stored copy is named by its hash; applications need the real suffix.
    // TODO: link instead of copying where the file system allows it.
    const QString suffix = QMimeDatabase().mimeTypeForName(m_courseware.mimeType).preferredSuffix();
    QString name = m_courseware.title;
    name.replace(QRegularExpression(QStringLiteral("[\\\\/:*?\"<>|]")), QStringLiteral("_"));
    const QString folder = QDir::temp().filePath(QStringLiteral("ClassDesk/") + m_courseware.sha256.left(16));
    const QString openPath = QDir(folder).filePath(suffix.isEmpty() ? name : name + QLatin1Char('.') + suffix);
    if (!QFileInfo::exists(openPath) && !(QDir().mkpath(folder) && QFile::copy(m_filePath, openPath))) {
        qCWarning(lcUi) << "Cannot copy courseware for opening to" << openPath;
        showStatus(tr("The file cannot be prepared for opening in %1. Check the free space of the temporary folder.")
                       .arg(QDir::toNativeSeparators(folder)));
        return;
    }
    if (!QDesktopServices::openUrl(QUrl::fromLocalFile(openPath)))
        showStatus(tr("No application on this computer opens this kind of file."));
}

bool CoursewarePreview::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_imageLabel && event->type() == QEvent::Resize)
        updateImageScale();
    if ((watched == m_imageLabel || watched == m_statusLabel) && event->type() == QEvent::MouseButtonDblClick) {
        openInSystemApplication();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace ClassDesk
