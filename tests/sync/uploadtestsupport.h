// SPDX-License-Identifier: GPL-3.0-or-later
//
// A ClassDesk client for the upload tests: a data folder with its database
// and courseware file store, a transport, an AuthClient and an UploadQueue,
// as the sync worker sets them up.
#pragma once

#include "authclient.h"
#include "coursewarefilestore.h"
#include "coursewarestore.h"
#include "database.h"
#include "httptransport.h"
#include "schoolstore.h"
#include "tokenstore.h"
#include "uploadqueue.h"

#include <QCryptographicHash>
#include <QFile>
#include <QMimeDatabase>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QUrl>

#include <memory>

namespace UploadTestSupport {

// Writes `size` bytes of pseudo-random content (reproducible per seed) in
// 1 MiB blocks and returns the file's SHA-256 in hex, or an empty string.
inline QString writeRandomFile(const QString &path, qint64 size, quint32 seed)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    QRandomGenerator generator(seed);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QByteArray block(1024 * 1024, Qt::Uninitialized);
    for (qint64 remaining = size; remaining > 0;) {
        const qint64 count = std::min<qint64>(remaining, block.size());
        generator.fillRange(reinterpret_cast<quint32 *>(block.data()), block.size() / 4);
        if (file.write(block.constData(), count) != count)
            return {};
        hash.addData(QByteArrayView(block.constData(), count));
        remaining -= count;
    }
    return QString::fromLatin1(hash.result().toHex());
}

inline QString fileSha256(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return QString::fromLatin1(hash.result().toHex());
}

// One client data folder. The database and school are made on the first
// open(); a later open() of the same folder reuses them, as a restarted app does.
class UploadClient
{
public:
    explicit UploadClient(QString dataDirectory, QUrl apiBaseUrl)
        : m_dataDirectory(std::move(dataDirectory))
        , m_apiBaseUrl(std::move(apiBaseUrl))
    {
    }

    [[nodiscard]] bool open()
    {
        auto opened = ClassDesk::Database::open(m_dataDirectory + QStringLiteral("/classdesk.sqlite3"));
        if (!opened) {
            qWarning("%s", qPrintable(opened.error().toLogString()));
            return false;
        }
        database = std::move(*opened);
        courseware = std::make_unique<ClassDesk::CoursewareStore>(*database);
        transport = std::make_unique<ClassDesk::HttpTransport>();
        tokens = std::make_unique<ClassDesk::TokenStore>();
        auth = std::make_unique<ClassDesk::AuthClient>(transport.get(), tokens.get(), m_apiBaseUrl);
        queue = std::make_unique<ClassDesk::UploadQueue>(*database, m_dataDirectory, auth.get(), transport.get());

        ClassDesk::SchoolStore schools(*database);
        const auto existing = schools.schools();
        if (existing && !existing->isEmpty()) {
            m_schoolId = existing->first().id;
            return true;
        }
        const auto school = schools.createSchool(QStringLiteral("Test School"), QStringLiteral("Asia/Shanghai"));
        if (!school)
            return false;
        m_schoolId = *school;
        return true;
    }

    // Tears the client down the way quitting the app would, keeping the folder.
    void close()
    {
        queue.reset();
        auth.reset();
        tokens.reset();
        transport.reset();
        courseware.reset();
        database.reset();
    }

    [[nodiscard]] bool signIn(const QString &account, const QString &password)
    {
        QSignalSpy signedIn(auth.get(), &ClassDesk::AuthClient::signedIn);
        auth->signIn(account, password);
        return signedIn.wait(20000);
    }

    // Imports the file into the courseware store and adds a row for it;
    // returns the courseware id or an empty string.
    [[nodiscard]] QString addCourseware(const QString &sourcePath, const QString &title)
    {
        ClassDesk::CoursewareFileStore files(m_dataDirectory);
        const auto stored = files.importFile(sourcePath);
        if (!stored) {
            qWarning("%s", qPrintable(stored.error().toLogString()));
            return {};
        }
        ClassDesk::Courseware row;
        row.schoolId = m_schoolId;
        row.sha256 = stored->sha256;
        row.sizeBytes = stored->sizeBytes;
        row.mimeType = QMimeDatabase().mimeTypeForFile(sourcePath).name();
        row.title = title;
        const auto id = courseware->addCourseware(row);
        return id ? *id : QString();
    }

    [[nodiscard]] QString storedPath(const QString &sha256) const
    {
        return ClassDesk::CoursewareFileStore(m_dataDirectory).filePath(sha256);
    }

    [[nodiscard]] const QString &dataDirectory() const { return m_dataDirectory; }

    std::unique_ptr<ClassDesk::Database> database;
    std::unique_ptr<ClassDesk::CoursewareStore> courseware;
    std::unique_ptr<ClassDesk::HttpTransport> transport;
    std::unique_ptr<ClassDesk::TokenStore> tokens;
    std::unique_ptr<ClassDesk::AuthClient> auth;
    std::unique_ptr<ClassDesk::UploadQueue> queue;

private:
    QString m_dataDirectory;
    QUrl m_apiBaseUrl;
    QString m_schoolId;
};

} // namespace UploadTestSupport
