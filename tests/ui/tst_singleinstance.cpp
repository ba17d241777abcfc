// SPDX-License-Identifier: GPL-3.0-or-later
//
// One ClassDesk per data folder, checked with real processes of the built
// app: a second launch with the same folder raises the first and exits
// before it opens the database.
#include "singleinstance.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace ClassDesk;

namespace {

// One running classdesk process with everything it printed so far.
class AppProcess
{
public:
    explicit AppProcess(const QString &dataDirectory, const QString &configDirectory)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), configDirectory);
        environment.insert(QStringLiteral("QT_LOGGING_RULES"),
                           QStringLiteral("classdesk.app.info=true\nclassdesk.ui.instance.info=true"));
        environment.remove(QStringLiteral("CLASSDESK_PASSWORD"));
        m_process.setProcessEnvironment(environment);
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start(QStringLiteral(CLASSDESK_APP),
                        {QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--data"), dataDirectory});
    }

    ~AppProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    QProcess &process() { return m_process; }

    // Everything the process wrote to stderr (its log) so far.
    QString log()
    {
        m_log += QString::fromUtf8(m_process.readAllStandardError());
        return m_log;
    }

    bool waitForLog(const QString &text, int timeoutMs = 20000)
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < timeoutMs) {
            if (log().contains(text))
                return true;
            if (m_process.state() == QProcess::NotRunning)
                return log().contains(text);
            m_process.waitForReadyRead(100);
        }
        return false;
    }

private:
    QProcess m_process;
    QString m_log;
};

const QString Listening = QStringLiteral("Listening for other launches");
const QString OpensDatabase = QStringLiteral("Local data folder:");
const QString RaiseReceived = QStringLiteral("Raise request received");

} // namespace

class SingleInstanceTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void sameFolderNamesOneServer();
    void secondLaunchRaisesFirstAndExits();
    void otherDataFolderRunsSeparately();
    void lockOfKilledProcessIsTakenOver();

private:
    std::unique_ptr<QTemporaryDir> m_root;
    QString folder(const QString &name) const { return m_root->filePath(name); }
};

void SingleInstanceTest::init()
{
    m_root = std::make_unique<QTemporaryDir>();
    QVERIFY(m_root->isValid());
}

void SingleInstanceTest::sameFolderNamesOneServer()
{
    const QString a = folder(QStringLiteral("a"));
    QCOMPARE(SingleInstance::serverName(a), SingleInstance::serverName(a + QStringLiteral("/")));
    QCOMPARE(SingleInstance::serverName(a), SingleInstance::serverName(a + QStringLiteral("/x/..")));
    QVERIFY(SingleInstance::serverName(a) != SingleInstance::serverName(folder(QStringLiteral("b"))));
}

void SingleInstanceTest::secondLaunchRaisesFirstAndExits()
{
    const QString data = folder(QStringLiteral("profile"));
    AppProcess first(data, folder(QStringLiteral("config")));
    QVERIFY2(first.waitForLog(Listening), qPrintable(first.log()));
    QVERIFY2(first.waitForLog(OpensDatabase), qPrintable(first.log()));

    QElapsedTimer timer;
    timer.start();
    AppProcess second(data, folder(QStringLiteral("config")));
    QVERIFY(second.process().waitForFinished(15000));
    qInfo() << "The second launch exited after" << timer.elapsed() << "ms";

    QCOMPARE(second.process().exitStatus(), QProcess::NormalExit);
    QCOMPARE(second.process().exitCode(), 0);
    QVERIFY2(!second.log().contains(OpensDatabase), qPrintable(second.log()));
    QVERIFY2(!second.log().contains(Listening), qPrintable(second.log()));
    QVERIFY2(first.waitForLog(RaiseReceived), qPrintable(first.log()));
    QCOMPARE(first.process().state(), QProcess::Running);
}

void SingleInstanceTest::otherDataFolderRunsSeparately()
{
    AppProcess first(folder(QStringLiteral("one")), folder(QStringLiteral("config")));
    QVERIFY2(first.waitForLog(OpensDatabase), qPrintable(first.log()));

    AppProcess other(folder(QStringLiteral("two")), folder(QStringLiteral("config")));
    QVERIFY2(other.waitForLog(Listening), qPrintable(other.log()));
    QVERIFY2(other.waitForLog(OpensDatabase), qPrintable(other.log()));
    QVERIFY(!other.process().waitForFinished(1000));
    QVERIFY2(!first.log().contains(RaiseReceived), qPrintable(first.log()));
}

void SingleInstanceTest::lockOfKilledProcessIsTakenOver()
{
    const QString data = folder(QStringLiteral("profile"));
    {
        AppProcess crashed(data, folder(QStringLiteral("config")));
        QVERIFY2(crashed.waitForLog(Listening), qPrintable(crashed.log()));
        crashed.process().kill(); // leaves its lock file and socket behind
        QVERIFY(crashed.process().waitForFinished(5000));
    }

    AppProcess next(data, folder(QStringLiteral("config")));
    QVERIFY2(next.waitForLog(Listening), qPrintable(next.log()));
    QVERIFY2(next.waitForLog(OpensDatabase), qPrintable(next.log()));
}

QTEST_GUILESS_MAIN(SingleInstanceTest)
#include "tst_singleinstance.moc"
