// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTimeEdit;

namespace ClassDesk {

class Workspace;

// Settings keys shared with the code that reads them.
namespace SettingsKey {
inline const QString Language = QStringLiteral("ui/language");
inline const QString UploadLimit = QStringLiteral("sync/uploadLimitKilobytesPerSecond");
// "HH:mm" local time before which no upload starts; empty for any time.
inline const QString UploadNotBefore = QStringLiteral("sync/uploadNotBefore");
// A proxy such as "http://10.0.0.1:3128"; empty follows the system's proxy variables.
inline const QString Proxy = QStringLiteral("sync/proxy");
// A PEM file with the school's own CA certificates, trusted besides the system's.
inline const QString CaFile = QStringLiteral("sync/caFile");
} // namespace SettingsKey

// The Settings section: interface language, upload speed limit and start time, where the
// local data lives and how large it is, and exporting a backup of it.
class SettingsPage : public QWidget
{
    Q_OBJECT

public:
    explicit SettingsPage(Workspace &workspace, QWidget *parent = nullptr);

    // The size of every file in the data folder, in bytes.
    [[nodiscard]] static qint64 folderSize(const QString &folder);

public slots:
    // Writes a consistent copy of the database to `targetPath` on a worker
    // thread with its own connection; emits backupFinished() when done.
    void exportBackup(const QString &targetPath);
    void refreshDataSize();

signals:
    // `message` is translated: where the backup went, or what failed and what to do.
    void backupFinished(bool succeeded, const QString &message);
    // The upload speed cap or start time was changed and saved.
    void uploadSettingsChanged();
    // The proxy or the CA file was changed and saved.
    void networkSettingsChanged();

private:
    void buildLayout();
    void chooseBackupFile();
    void saveUploadStartTime();
    void saveProxy();
    void chooseCaFile();
    void setCaFile(const QString &path);
    void showCaFile(const QString &path);

    Workspace &m_workspace;
    QComboBox *m_languageBox = nullptr;
    QSpinBox *m_uploadLimitBox = nullptr;
    QCheckBox *m_uploadAfterBox = nullptr;
    QTimeEdit *m_uploadAfterEdit = nullptr;
    QLineEdit *m_proxyEdit = nullptr;
    QLabel *m_caFileLabel = nullptr;
    QPushButton *m_clearCaFileButton = nullptr;
    QLabel *m_dataSizeLabel = nullptr;
    QPushButton *m_backupButton = nullptr;
    QLabel *m_backupStatusLabel = nullptr;
};

} // namespace ClassDesk
