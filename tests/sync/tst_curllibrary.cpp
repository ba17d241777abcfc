// SPDX-License-Identifier: GPL-3.0-or-later
//
// libcurl is loaded at run time (CurlLibrary). This test runs in a process
// whose CLASSDESK_CURL_LIBRARY names a file that does not exist, so every
// transport in it must fail with a clear error instead of crashing.
#include "curllibrary.h"
#include "httptransport.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ClassDesk;

class CurlLibraryTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_folder.isValid());
        m_missingLibrary = m_folder.filePath(QStringLiteral("libcurl-missing.so.4"));
        qputenv("CLASSDESK_CURL_LIBRARY", QFile::encodeName(m_missingLibrary));
    }

    void systemLibraryLoads()
    {
        // The names the app tries when nothing is configured.
        qunsetenv("CLASSDESK_CURL_LIBRARY");
        const QStringList names = CurlLibrary::defaultFileNames();
        qputenv("CLASSDESK_CURL_LIBRARY", QFile::encodeName(m_missingLibrary));
        QVERIFY(!names.contains(m_missingLibrary));

        const auto loaded = CurlLibrary::load(names);
        QVERIFY2(loaded.has_value(), qPrintable(loaded ? QString() : loaded.error().toLogString()));
        QVERIFY(loaded->multiSocketAction != nullptr);
        QCOMPARE(QByteArray(loaded->easyStrerror(CURLE_COULDNT_CONNECT)),
                 QByteArray(curl_easy_strerror(CURLE_COULDNT_CONNECT)));
    }

    void configuredFileIsUsed()
    {
        QCOMPARE(CurlLibrary::defaultFileNames(), QStringList{m_missingLibrary});
    }

    void missingLibraryNamesFile()
    {
        const auto loaded = CurlLibrary::load({m_missingLibrary});
        QVERIFY(!loaded.has_value());
        QCOMPARE(loaded.error().code, QStringLiteral("network.library_missing"));
        QVERIFY2(loaded.error().message.contains(m_missingLibrary), qPrintable(loaded.error().message));
        QVERIFY(!loaded.error().retryable);
    }

    void libraryWithoutCurlRejected()
    {
#ifndef Q_OS_LINUX
        QSKIP("Uses the Linux file name of Qt Core");
#endif
        // A real shared library that is not libcurl: Qt Core itself.
        const auto loaded = CurlLibrary::load({QStringLiteral("libQt6Core.so.6")});
        QVERIFY(!loaded.has_value());
        QCOMPARE(loaded.error().code, QStringLiteral("network.library_missing"));
    }

    void transportFailsWithoutLibrary()
    {
        HttpTransport transport;
        HttpJob *job = transport.send(HttpRequest("GET", QUrl(QStringLiteral("http://127.0.0.1:9/health"))));
        QVERIFY(job != nullptr);
        if (!job->isFinished()) {
            QSignalSpy finished(job, &HttpJob::finished);
            QVERIFY(finished.wait(5000));
        }
        QVERIFY(!job->result().has_value());
        QCOMPARE(job->result().error().code, QStringLiteral("network.library_missing"));

        // The second request fails the same way without loading again.
        HttpJob *second = transport.send(HttpRequest("GET", QUrl(QStringLiteral("http://127.0.0.1:9/health"))));
        if (!second->isFinished()) {
            QSignalSpy finished(second, &HttpJob::finished);
            QVERIFY(finished.wait(5000));
        }
        QCOMPARE(second->result().error().code, QStringLiteral("network.library_missing"));
    }

private:
    QTemporaryDir m_folder;
    QString m_missingLibrary;
};

QTEST_GUILESS_MAIN(CurlLibraryTest)
#include "tst_curllibrary.moc"
