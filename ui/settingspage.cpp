// SPDX-License-Identifier: GPL-3.0-or-later
#include "settingspage.h"

#include "coursewaremodel.h"
#include "database.h"
#include "databasebackup.h"
#include "languagesetup.h"
#include "uilogging.h"
#include "workspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDesktopServices>
#include <QDir>
#include <QDirIterator>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QThread>
#include <QTimeEdit>
#include <QUrl>
#include <QVBoxLayout>

namespace ClassDesk {

namespace {

// 0 means no limit; 100 MB/s is far above any school uplink.
constexpr int MaximumUploadLimitKilobytes = 100 * 1024;

} // namespace

SettingsPage::SettingsPage(Workspace &workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
{
    buildLayout();
    refreshDataSize();

    connect(this, &SettingsPage::backupFinished, this, [this](bool succeeded, const QString &message) {
        m_backupButton->setEnabled(true);
        m_backupStatusLabel->setText(message);
        m_backupStatusLabel->setStyleSheet(succeeded ? QString() : QStringLiteral("color: #a40000;"));
    });
}

void SettingsPage::buildLayout()
{
    QSettings settings;

    // Language names are written in their own language, so a teacher who
    // cannot read the current one still finds theirs.
    m_languageBox = new QComboBox(this);
    m_languageBox->setObjectName(QStringLiteral("languageBox"));
    m_languageBox->addItem(tr("System default"), QString());
    m_languageBox->addItem(QStringLiteral("简体中文"), Language::SimplifiedChinese);
    m_languageBox->addItem(QStringLiteral("English"), Language::English);
    m_languageBox->setCurrentIndex(
        std::max(0, m_languageBox->findData(settings.value(SettingsKey::Language).toString())));
    connect(m_languageBox, &QComboBox::currentIndexChanged, this, [this] {
        QSettings().setValue(SettingsKey::Language, m_languageBox->currentData().toString());
    });
    auto *languageNote = new QLabel(tr("ClassDesk uses the new language the next time it starts."), this);
    languageNote->setWordWrap(true);

    auto *languageGroup = new QGroupBox(tr("Language"), this);
    auto *languageLayout = new QFormLayout(languageGroup);
    languageLayout->addRow(tr("&Interface language:"), m_languageBox);
    languageLayout->addRow(languageNote);

    m_uploadLimitBox = new QSpinBox(this);
    m_uploadLimitBox->setObjectName(QStringLiteral("uploadLimitBox"));
    m_uploadLimitBox->setRange(0, MaximumUploadLimitKilobytes);
    m_uploadLimitBox->setSingleStep(64);
    m_uploadLimitBox->setSuffix(tr(" KB/s"));
    m_uploadLimitBox->setSpecialValueText(tr("No limit"));
    m_uploadLimitBox->setValue(settings.value(SettingsKey::UploadLimit, 0).toInt());
    m_uploadLimitBox->setToolTip(tr("Keeps uploads from filling the school's internet connection during class."));
    connect(m_uploadLimitBox, &QSpinBox::valueChanged, this, [this](int kilobytes) {
        QSettings().setValue(SettingsKey::UploadLimit, kilobytes);
        emit uploadSettingsChanged();
    });

    // A school that needs its link for teaching lets uploads start only in the afternoon.
    const QTime notBefore = QTime::fromString(settings.value(SettingsKey::UploadNotBefore).toString(),
                                              QStringLiteral("HH:mm"));
    m_uploadAfterBox = new QCheckBox(tr("Start uploads only after"), this);
    m_uploadAfterBox->setObjectName(QStringLiteral("uploadAfterBox"));
    m_uploadAfterBox->setChecked(notBefore.isValid());
    m_uploadAfterEdit = new QTimeEdit(notBefore.isValid() ? notBefore : QTime(16, 30), this);
    m_uploadAfterEdit->setObjectName(QStringLiteral("uploadAfterEdit"));
    m_uploadAfterEdit->setDisplayFormat(QStringLiteral("HH:mm"));
    m_uploadAfterEdit->setAccessibleName(tr("Upload start time"));
    m_uploadAfterEdit->setEnabled(notBefore.isValid());
    m_uploadAfterEdit->setToolTip(tr("Each day, uploads wait until this time. An upload already running goes on."));
    connect(m_uploadAfterBox, &QCheckBox::toggled, m_uploadAfterEdit, &QWidget::setEnabled);
    connect(m_uploadAfterBox, &QCheckBox::toggled, this, &SettingsPage::saveUploadStartTime);
    connect(m_uploadAfterEdit, &QTimeEdit::timeChanged, this, &SettingsPage::saveUploadStartTime);
    auto *uploadAfterRow = new QHBoxLayout;
    uploadAfterRow->addWidget(m_uploadAfterBox);
    uploadAfterRow->addWidget(m_uploadAfterEdit);
    uploadAfterRow->addStretch();

    // Schools behind their own proxy or certificate authority; the sync
    // engine picks up a change with its next request.
    m_proxyEdit = new QLineEdit(settings.value(SettingsKey::Proxy).toString(), this);
    m_proxyEdit->setObjectName(QStringLiteral("proxyEdit"));
    m_proxyEdit->setPlaceholderText(tr("System setting"));
    m_proxyEdit->setToolTip(tr("Only when your school's network needs one, e.g. http://10.0.0.1:3128."));
    m_proxyEdit->setClearButtonEnabled(true);
    connect(m_proxyEdit, &QLineEdit::editingFinished, this, &SettingsPage::saveProxy);

    m_caFileLabel = new QLabel(this);
    m_caFileLabel->setObjectName(QStringLiteral("caFileLabel"));
    m_caFileLabel->setWordWrap(true);
    m_caFileLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *chooseCaFileButton = new QPushButton(tr("Choose…"), this);
    chooseCaFileButton->setAccessibleName(tr("Choose the school's certificate file"));
    connect(chooseCaFileButton, &QPushButton::clicked, this, &SettingsPage::chooseCaFile);
    m_clearCaFileButton = new QPushButton(tr("Remove"), this);
    m_clearCaFileButton->setObjectName(QStringLiteral("clearCaFileButton"));
    m_clearCaFileButton->setAccessibleName(tr("Remove the school's certificate file"));
    connect(m_clearCaFileButton, &QPushButton::clicked, this, [this] { setCaFile(QString()); });
    auto *caFileRow = new QHBoxLayout;
    caFileRow->addWidget(m_caFileLabel, 1);
    caFileRow->addWidget(chooseCaFileButton);
    caFileRow->addWidget(m_clearCaFileButton);
    showCaFile(settings.value(SettingsKey::CaFile).toString());

    auto *networkGroup = new QGroupBox(tr("Network"), this);
    auto *networkLayout = new QFormLayout(networkGroup);
    networkLayout->addRow(tr("&Upload speed limit:"), m_uploadLimitBox);
    networkLayout->addRow(tr("Upload time:"), uploadAfterRow);
    networkLayout->addRow(tr("&Proxy:"), m_proxyEdit);
    networkLayout->addRow(tr("School certificate:"), caFileRow);

    auto *folderLabel = new QLabel(QDir::toNativeSeparators(m_workspace.dataDirectory()), this);
    folderLabel->setObjectName(QStringLiteral("dataFolderLabel"));
    folderLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    folderLabel->setWordWrap(true);
    m_dataSizeLabel = new QLabel(this);
    m_dataSizeLabel->setObjectName(QStringLiteral("dataSizeLabel"));

    auto *openFolderButton = new QPushButton(tr("Open data folder"), this);
    connect(openFolderButton, &QPushButton::clicked, this, [this] {
        QDesktopServices::openUrl(QUrl::fromLocalFile(m_workspace.dataDirectory()));
    });
    m_backupButton = new QPushButton(tr("Export backup…"), this);
    m_backupButton->setObjectName(QStringLiteral("backupButton"));
    connect(m_backupButton, &QPushButton::clicked, this, &SettingsPage::chooseBackupFile);
    m_backupStatusLabel = new QLabel(this);
    m_backupStatusLabel->setObjectName(QStringLiteral("backupStatusLabel"));
    m_backupStatusLabel->setWordWrap(true);

    auto *dataGroup = new QGroupBox(tr("Local data"), this);
    auto *dataLayout = new QFormLayout(dataGroup);
    dataLayout->addRow(tr("Folder:"), folderLabel);
    dataLayout->addRow(tr("Size:"), m_dataSizeLabel);
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addWidget(openFolderButton);
    buttonRow->addWidget(m_backupButton);
    buttonRow->addStretch();
    dataLayout->addRow(buttonRow);
    dataLayout->addRow(m_backupStatusLabel);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(languageGroup);
    layout->addWidget(networkGroup);
    layout->addWidget(dataGroup);
    layout->addStretch();
}

void SettingsPage::saveUploadStartTime()
{
    const QString value = m_uploadAfterBox->isChecked() ? m_uploadAfterEdit->time().toString(QStringLiteral("HH:mm"))
                                                        : QString();
    QSettings().setValue(SettingsKey::UploadNotBefore, value);
    emit uploadSettingsChanged();
}

void SettingsPage::saveProxy()
{
    const QString proxy = m_proxyEdit->text().trimmed();
    if (proxy == QSettings().value(SettingsKey::Proxy).toString())
        return;
    QSettings().setValue(SettingsKey::Proxy, proxy);
    emit networkSettingsChanged();
}

void SettingsPage::chooseCaFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("School Certificate"), QString(),
                                                      tr("Certificates (*.pem *.crt *.cer);;All files (*)"));
    if (!path.isEmpty())
        setCaFile(path);
}

void SettingsPage::setCaFile(const QString &path)
{
    QSettings().setValue(SettingsKey::CaFile, path);
    showCaFile(path);
    emit networkSettingsChanged();
}

void SettingsPage::showCaFile(const QString &path)
{
    m_caFileLabel->setText(path.isEmpty() ? tr("None (the system's certificates only)")
                                          : QDir::toNativeSeparators(path));
    m_clearCaFileButton->setEnabled(!path.isEmpty());
}

qint64 SettingsPage::folderSize(const QString &folder)
{
    qint64 total = 0;
    QDirIterator iterator(folder, QDir::Files | QDir::Hidden | QDir::NoSymLinks, QDirIterator::Subdirectories);
    while (iterator.hasNext()) {
        iterator.next();
        total += iterator.fileInfo().size();
    }
    return total;
}

void SettingsPage::refreshDataSize()
{
    m_dataSizeLabel->setText(CoursewareModel::formatSize(folderSize(m_workspace.dataDirectory())));
}

void SettingsPage::chooseBackupFile()
{
    const QString suggested = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                                  .filePath(tr("ClassDesk backup %1.sqlite3")
                                                .arg(QDate::currentDate().toString(Qt::ISODate)));
    const QString target = QFileDialog::getSaveFileName(this, tr("Export backup"), suggested,
                                                        tr("ClassDesk backup (*.sqlite3)"));
    if (!target.isEmpty())
        exportBackup(target);
}

void SettingsPage::exportBackup(const QString &targetPath)
{
    m_backupButton->setEnabled(false);
    m_backupStatusLabel->setText(tr("Writing the backup…"));

    // The worker opens its own connection: connections are never shared between threads.
    const QString databasePath = m_workspace.databasePath();
    QThread *worker = QThread::create([this, databasePath, targetPath] {
        Status result = [&]() -> Status {
            auto database = Database::open(databasePath);
            if (!database)
                return std::unexpected(database.error());
            return backupDatabase(**database, targetPath);
        }();

        const QString message = result ? tr("Backup saved to %1.").arg(QDir::toNativeSeparators(targetPath))
                                        : result.error().displayText();
        QMetaObject::invokeMethod(this, [this, succeeded = result.has_value(), message] {
            emit backupFinished(succeeded, message);
        }, Qt::QueuedConnection);
    });
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    worker->start();
}

} // namespace ClassDesk
