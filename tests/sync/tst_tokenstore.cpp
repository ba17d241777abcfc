// SPDX-License-Identifier: GPL-3.0-or-later
#include "tokenstore.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace ClassDesk;

namespace {

constexpr int WaitMs = 15000;

// Set in the child process that runs one test without a usable session bus.
const char *const BrokenBusVariable = "CLASSDESK_TEST_BROKEN_BUS";

[[nodiscard]] bool waitForJob(TokenStoreJob *job)
{
    QSignalSpy spy(job, &TokenStoreJob::finished);
    return spy.wait(WaitMs);
}

AuthTokens sampleTokens(const QString &tag)
{
    return AuthTokens{QStringLiteral("access-") + tag, QStringLiteral("refresh-") + tag,
                      QDateTime(QDate(2026, 9, 1), QTime(8, 0), QTimeZone::utc())};
}

} // namespace

class TokenStoreTest : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        const bool childWithoutBus = qEnvironmentVariableIsSet(BrokenBusVariable);
        const QString test = QString::fromLatin1(QTest::currentTestFunction());
        if (!childWithoutBus && test != QLatin1String("unavailableKeychainKeepsTokensInMemory")
            && qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
            QSKIP("needs a D-Bus session with an unlocked secret service, as scripts/test.sh provides");
        }
    }

    void writeReadDeleteRoundTrip()
    {
        const QUrl server(QStringLiteral("http://127.0.0.1:1/api/v1/"));
        const QString account = QStringLiteral("round-trip");
        TokenStore store;

        TokenStoreJob *write = store.write(server, account, sampleTokens(QStringLiteral("a")));
        QVERIFY(waitForJob(write));
        QVERIFY(write->status().has_value());
        QVERIFY(store.isPersistent());

        // A second store has no memory of the first, so it can only find the tokens in the keychain.
        TokenStore freshStore;
        TokenStoreJob *read = freshStore.read(server, account);
        QVERIFY(waitForJob(read));
        QVERIFY(read->status().has_value());
        QCOMPARE(read->tokens(), std::optional(sampleTokens(QStringLiteral("a"))));

        TokenStoreJob *remove = store.remove(server, account);
        QVERIFY(waitForJob(remove));
        QVERIFY(remove->status().has_value());

        TokenStoreJob *readAgain = freshStore.read(server, account);
        QVERIFY(waitForJob(readAgain));
        QVERIFY(readAgain->status().has_value());
        QVERIFY(!readAgain->tokens().has_value());
        QVERIFY(freshStore.isPersistent());
        QVERIFY(freshStore.persistenceMessage().isEmpty());
    }

    void writeReplacesEarlierTokens()
    {
        const QUrl server(QStringLiteral("http://127.0.0.1:1/api/v1/"));
        const QString account = QStringLiteral("replace");
        TokenStore store;

        QVERIFY(waitForJob(store.write(server, account, sampleTokens(QStringLiteral("old")))));
        QVERIFY(waitForJob(store.write(server, account, sampleTokens(QStringLiteral("new")))));
        TokenStoreJob *read = store.read(server, account);
        QVERIFY(waitForJob(read));
        QCOMPARE(read->tokens(), std::optional(sampleTokens(QStringLiteral("new"))));

        QVERIFY(waitForJob(store.remove(server, account)));
    }

    void keysSeparateServersAndAccounts()
    {
        const QUrl first(QStringLiteral("http://127.0.0.1:1/api/v1/"));
        const QUrl second(QStringLiteral("http://127.0.0.1:2/api/v1/"));
        const QString teacher = QStringLiteral("wang");
        const QString other = QStringLiteral("li");
        TokenStore store;

        QVERIFY(waitForJob(store.write(first, teacher, sampleTokens(QStringLiteral("first-wang")))));
        QVERIFY(waitForJob(store.write(second, teacher, sampleTokens(QStringLiteral("second-wang")))));
        QVERIFY(waitForJob(store.write(first, other, sampleTokens(QStringLiteral("first-li")))));

        TokenStoreJob *readFirst = store.read(first, teacher);
        TokenStoreJob *readSecond = store.read(second, teacher);
        TokenStoreJob *readOther = store.read(first, other);
        QSignalSpy secondDone(readSecond, &TokenStoreJob::finished);
        QSignalSpy otherDone(readOther, &TokenStoreJob::finished);
        QVERIFY(waitForJob(readFirst));
        QVERIFY(!secondDone.isEmpty() || secondDone.wait(WaitMs));
        QVERIFY(!otherDone.isEmpty() || otherDone.wait(WaitMs));
        QCOMPARE(readFirst->tokens(), std::optional(sampleTokens(QStringLiteral("first-wang"))));
        QCOMPARE(readSecond->tokens(), std::optional(sampleTokens(QStringLiteral("second-wang"))));
        QCOMPARE(readOther->tokens(), std::optional(sampleTokens(QStringLiteral("first-li"))));
        QVERIFY(store.isPersistent());

        // Deleting one key leaves the others alone.
        QVERIFY(waitForJob(store.remove(first, teacher)));
        TokenStoreJob *readAfterDelete = store.read(second, teacher);
        QVERIFY(waitForJob(readAfterDelete));
        QCOMPARE(readAfterDelete->tokens(), std::optional(sampleTokens(QStringLiteral("second-wang"))));

        QVERIFY(waitForJob(store.remove(second, teacher)));
        QVERIFY(waitForJob(store.remove(first, other)));
    }

    void readOfUnknownKeyFindsNothing()
    {
        TokenStore store;
        TokenStoreJob *read = store.read(QUrl(QStringLiteral("http://127.0.0.1:3/api/v1/")), QStringLiteral("nobody"));
        QVERIFY(waitForJob(read));

        QVERIFY(read->status().has_value());
        QVERIFY(!read->tokens().has_value());
    }

    void keyNamesServerAndAccount()
    {
        const QString key = TokenStore::keyFor(QUrl(QStringLiteral("https://p.edu.cn/api/v1/")), QStringLiteral("wang"));
        QCOMPARE(key, QStringLiteral("https://p.edu.cn/api/v1/ wang"));
    }

    // The test runs itself again in a child process whose session bus address
    // points at nothing, because QtKeychain keeps its D-Bus connection for the
    // life of a process.
    void unavailableKeychainKeepsTokensInMemory()
    {
        if (!qEnvironmentVariableIsSet(BrokenBusVariable)) {
            QTemporaryDir folder;
            QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
            environment.insert(QString::fromLatin1(BrokenBusVariable), QStringLiteral("1"));
            environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                               QStringLiteral("unix:path=") + folder.filePath(QStringLiteral("no-bus")));
            QProcess child;
            child.setProcessEnvironment(environment);
            child.setProcessChannelMode(QProcess::MergedChannels);
            QSignalSpy done(&child, &QProcess::finished);
            child.start(QCoreApplication::applicationFilePath(),
                        {QStringLiteral("unavailableKeychainKeepsTokensInMemory")});
            QVERIFY(done.wait(60000));

            const QByteArray output = child.readAll();
            QVERIFY2(child.exitStatus() == QProcess::NormalExit, output.constData());
            QVERIFY2(child.exitCode() == 0, output.constData());
            QVERIFY2(output.contains("PASS   : TokenStoreTest::unavailableKeychainKeepsTokensInMemory()"),
                     output.constData());
            return;
        }

        const QUrl server(QStringLiteral("http://127.0.0.1:1/api/v1/"));
        const QString account = QStringLiteral("no-keychain");
        TokenStore store;
        QSignalSpy persistence(&store, &TokenStore::persistenceChanged);

        TokenStoreJob *write = store.write(server, account, sampleTokens(QStringLiteral("memory")));
        QVERIFY(waitForJob(write));
        QVERIFY(write->status().has_value());
        QVERIFY(!store.isPersistent());
        QVERIFY(!store.persistenceMessage().isEmpty());
        QCOMPARE(persistence.count(), 1);
        QCOMPARE(persistence.first().first().toBool(), false);

        TokenStoreJob *read = store.read(server, account);
        QVERIFY(waitForJob(read));
        QCOMPARE(read->tokens(), std::optional(sampleTokens(QStringLiteral("memory"))));

        TokenStoreJob *remove = store.remove(server, account);
        QVERIFY(waitForJob(remove));
        TokenStoreJob *readAgain = store.read(server, account);
        QVERIFY(waitForJob(readAgain));
        QVERIFY(!readAgain->tokens().has_value());
    }
};

QTEST_GUILESS_MAIN(TokenStoreTest)
#include "tst_tokenstore.moc"
