// SPDX-License-Identifier: GPL-3.0-or-later
//
// classdesk-cli sync against the real reference server, as a school's
// scheduled task runs it: sign in once with a password from the environment,
// then sync with the tokens the system keychain keeps.

#include "../server/servertestsupport.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace ServerTestSupport;

namespace {

const QString Account = QStringLiteral("alice");
const QString Password = QStringLiteral("a-secret");

// Exit statuses documented in classdesk-cli --help.
constexpr int Success = 0;
constexpr int Failed = 1;
constexpr int UnusableArguments = 2;
constexpr int SignInNeeded = 3;

struct Run
{
    int exitCode = -1;
    QByteArray output;
    QByteArray errors;

    [[nodiscard]] QJsonObject json() const { return QJsonDocument::fromJson(output).object(); }
    [[nodiscard]] QString errorCode() const
    {
        return json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
    }
};

// A D-Bus session bus of its own with no secret service on it and none to
// start on demand: a computer without a system keychain.
class BusWithoutKeychain
{
public:
    BusWithoutKeychain()
    {
        const QString config = m_folder.filePath(QStringLiteral("bus.conf"));
        QFile file(config);
        if (!m_folder.isValid() || !file.open(QIODevice::WriteOnly))
            return;
        // No <servicedir>, so nothing is activated; the standard session
        // configuration would start gnome-keyring on the first request. The
        // policy is that of the standard session configuration: with only
        // send_destination and own allowed, the bus sent no replies, so every
        // keychain request waited for D-Bus's 25 s timeout instead of failing.
        file.write(QStringLiteral(
                       "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
                       " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
                       "<busconfig><type>session</type><listen>unix:path=%1</listen>\n"
                       "<policy context=\"default\"><allow send_destination=\"*\" eavesdrop=\"true\"/>"
                       "<allow eavesdrop=\"true\"/><allow own=\"*\"/></policy>\n"
                       "</busconfig>\n")
                       .arg(m_folder.filePath(QStringLiteral("bus")))
                       .toUtf8());
        file.close();
        m_daemon.start(QStringLiteral("dbus-daemon"),
                       {QStringLiteral("--config-file=") + config, QStringLiteral("--nofork"),
                        QStringLiteral("--print-address=1")});
        if (!m_daemon.waitForStarted(5000) || !m_daemon.waitForReadyRead(5000))
            return;
        m_address = QString::fromUtf8(m_daemon.readLine()).trimmed();
    }

    ~BusWithoutKeychain()
    {
        m_daemon.terminate();
        m_daemon.waitForFinished(5000);
    }

    // Empty when dbus-daemon could not be started.
    [[nodiscard]] QString address() const { return m_address; }

private:
    QTemporaryDir m_folder;
    QProcess m_daemon;
    QString m_address;
};

} // namespace

class TestCliSync : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir *m_data = nullptr;

    Run cli(const QStringList &arguments, const QString &password = {}, const QString &busAddress = {})
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        if (!busAddress.isEmpty())
            environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), busAddress);
        environment.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
        environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        environment.remove(QStringLiteral("CLASSDESK_PASSWORD"));
        if (!password.isNull())
            environment.insert(QStringLiteral("CLASSDESK_PASSWORD"), password);
        process.setProcessEnvironment(environment);
        // Standard input is not a terminal here, so the tool never waits for a typed password.
        process.setStandardInputFile(QProcess::nullDevice());
        process.start(QStringLiteral(CLASSDESK_CLI), QStringList{QStringLiteral("--data"), m_data->path()} + arguments);
        if (!process.waitForFinished(120000))
            return {};
        return Run{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                   process.readAllStandardOutput(), process.readAllStandardError()};
    }

    static QString serverAddress(const ServerProcess &server)
    {
        QString address = server.baseUrl();
        address.chop(int(QStringLiteral("/api/v1/").size()));
        return address;
    }

    Run signIn(const ServerProcess &server, const QString &password = Password, const QString &busAddress = {})
    {
        return cli({QStringLiteral("sync"), QStringLiteral("--server"), serverAddress(server), QStringLiteral("--account"),
                    Account, QStringLiteral("--json")},
                   password, busAddress);
    }

    static bool startServer(ServerProcess &server, const QStringList &arguments = {})
    {
        return server.addTeacher(Account, Password, QStringLiteral("Test School")) && server.start(arguments);
    }

    // Students on the server, by student number.
    static QStringList serverStudentNumbers(const ServerProcess &server)
    {
        const QString token = server.signIn(Account, Password);
        const Reply reply = server.call("GET", QStringLiteral("changes?limit=1000"), token, QStringLiteral("/changes"));
        QStringList numbers;
        for (const QJsonValue change : reply.json().value(QStringLiteral("changes")).toArray()) {
            if (change[QStringLiteral("entity")].toString() == QLatin1String("student"))
                numbers << change[QStringLiteral("data")][QStringLiteral("student_number")].toString();
        }
        return numbers;
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_data = new QTemporaryDir;
        QVERIFY(m_data->isValid());
    }

    void cleanup() { delete m_data; }

    void signInPushesOfflineRoster()
    {
        ServerProcess server;
        QVERIFY(startServer(server));
        const Run imported = cli({QStringLiteral("roster"), QStringLiteral("import"),
                                  QStringLiteral(ROSTER_FIXTURES "/utf8-bom.csv"), QStringLiteral("--json")});
        QVERIFY2(imported.exitCode == Success, imported.errors.constData());
        const int students = int(imported.json().value(QStringLiteral("rows")).toArray().size());

        const Run run = signIn(server);
        QVERIFY2(run.exitCode == Success, run.errors.constData() + run.output);
        const QJsonObject summary = run.json();
        QVERIFY(summary.value(QStringLiteral("ok")).toBool());
        QVERIFY(summary.value(QStringLiteral("pulled")).toInt() > 0);
        QVERIFY(summary.value(QStringLiteral("pushed")).toInt() > students);
        QCOMPARE(summary.value(QStringLiteral("rejected")).toArray().size(), 0);
        QVERIFY(summary.value(QStringLiteral("uploads")).isObject());
        QCOMPARE(serverStudentNumbers(server).size(), students);
    }

    // The sign-in run ends only after the keychain has the tokens, however
    // slow the keychain is, so the next run finds them.
    void savedSignInSyncsWithoutPassword()
    {
        ServerProcess server;
        QVERIFY(startServer(server));
        const Run first = signIn(server);
        QCOMPARE(first.exitCode, Success);
        const QJsonArray warnings = first.json().value(QStringLiteral("warnings")).toArray();
        if (!warnings.isEmpty()
            && warnings.first()[QStringLiteral("code")].toString() == QLatin1String("keychain.unavailable"))
            QSKIP("No keychain in this session; scripts/test.sh provides one");
        QCOMPARE(first.json().value(QStringLiteral("sign_in_saved")), QJsonValue(true));
        QCOMPARE(warnings.size(), 0);

        const Run run = cli({QStringLiteral("sync"), QStringLiteral("--json")});
        QVERIFY2(run.exitCode == Success, run.errors.constData() + run.output);
        QCOMPARE(run.json().value(QStringLiteral("pushed")).toInt(), 0);
        QCOMPARE(run.json().value(QStringLiteral("sign_in_saved")), QJsonValue(true));
    }

    // A data folder that names an account whose tokens the keychain does not
    // hold (signed in without a keychain, or removed from it) needs a sign-in.
    void savedAccountWithoutTokensNeedsSignIn()
    {
        const BusWithoutKeychain bus;
        if (bus.address().isEmpty())
            QSKIP("dbus-daemon could not be started");
        ServerProcess server;
        QVERIFY(startServer(server));
        QCOMPARE(signIn(server, Password, bus.address()).exitCode, Success);

        const Run run = cli({QStringLiteral("sync"), QStringLiteral("--json")});
        if (run.errorCode() == QLatin1String("keychain.unavailable"))
            QSKIP("No keychain in this session; scripts/test.sh provides one");
        QVERIFY2(run.exitCode == SignInNeeded, run.errors.constData() + run.output);
        QCOMPARE(run.errorCode(), QStringLiteral("auth.no_saved_sign_in"));
        QCOMPARE(run.json().value(QStringLiteral("sign_in_saved")), QJsonValue(false));

        const Run text = cli({QStringLiteral("sync")});
        QCOMPARE(text.exitCode, SignInNeeded);
        QVERIFY2(text.errors.contains("(error code: auth.no_saved_sign_in)"), text.errors.constData());
    }

    void summaryIsTextWithoutJson()
    {
        ServerProcess server;
        QVERIFY(startServer(server));
        const Run run = cli({QStringLiteral("sync"), QStringLiteral("--server"), serverAddress(server),
                             QStringLiteral("--account"), Account},
                            Password);
        QCOMPARE(run.exitCode, Success);
        QVERIFY(run.output.contains("Pulled"));
        QVERIFY(run.output.contains("Pushed 0 local change"));
        QVERIFY(run.output.contains("Courseware uploads:"));
    }

    void signInProblemsHaveTheirExitStatus_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("password");
        QTest::addColumn<int>("expected");
        const QString server = QStringLiteral("--server");
        const QString account = QStringLiteral("--account");
        const QString sync = QStringLiteral("sync");
        QTest::addColumn<QString>("code");
        QTest::newRow("no saved sign-in") << QStringList{sync} << QString() << SignInNeeded
                                          << QStringLiteral("auth.no_saved_sign_in");
        QTest::newRow("wrong password") << QStringList{sync, server, QStringLiteral("SERVER"), account, Account}
                                        << QStringLiteral("wrong") << SignInNeeded
                                        << QStringLiteral("server.invalid_credentials");
        QTest::newRow("no password and no terminal")
            << QStringList{sync, server, QStringLiteral("SERVER"), account, Account} << QString() << UnusableArguments
            << QStringLiteral("cli.password_missing");
        QTest::newRow("server without account") << QStringList{sync, server, QStringLiteral("SERVER")}
                                                << Password << UnusableArguments << QStringLiteral("cli.option_missing");
        QTest::newRow("address that is no address")
            << QStringList{sync, server, QStringLiteral("ftp://school"), account, Account} << Password
            << UnusableArguments << QStringLiteral("address.unsupported_scheme");
        // A bare address means https://, which the reference server does not speak.
        QTest::newRow("address without http://")
            << QStringList{sync, server, QStringLiteral("HOST_AND_PORT"), account, Account} << Password
            << UnusableArguments << QStringLiteral("address.not_https");
        QTest::newRow("address of no platform")
            << QStringList{sync, server, QStringLiteral("SERVER/no-platform-here"), account, Account} << Password
            << UnusableArguments << QStringLiteral("address.not_platform");
    }

    void signInProblemsHaveTheirExitStatus()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, password);
        QFETCH(int, expected);
        QFETCH(QString, code);
        ServerProcess server;
        QVERIFY(startServer(server));
        const QString address = serverAddress(server);
        QString hostAndPort = address;
        hostAndPort.remove(QStringLiteral("http://"));
        arguments.replaceInStrings(QStringLiteral("HOST_AND_PORT"), hostAndPort);
        arguments.replaceInStrings(QStringLiteral("SERVER"), address);

        const Run run = cli(arguments, password);
        QVERIFY2(run.exitCode == expected, run.errors.constData());
        QVERIFY2(run.errors.contains(QStringLiteral("(error code: %1)").arg(code).toUtf8()), run.errors.constData());
        QVERIFY2(!run.errors.contains("try again later"), run.errors.constData());
        if (code == QLatin1String("address.not_https"))
            QVERIFY2(run.errors.contains(address.toUtf8()), run.errors.constData());

        // With --json the same outcome is one object on standard output.
        const Run json = cli(arguments + QStringList{QStringLiteral("--json")}, password);
        QCOMPARE(json.exitCode, expected);
        QVERIFY2(json.errors.isEmpty(), json.errors.constData());
        QCOMPARE(json.json().value(QStringLiteral("ok")), QJsonValue(false));
        QCOMPARE(json.errorCode(), code);
        const QString message = json.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString();
        QVERIFY(!message.isEmpty());
        QVERIFY2(!message.contains(code), qPrintable(message));
    }

    void noKeychainNeedsSignIn()
    {
        const BusWithoutKeychain bus;
        if (bus.address().isEmpty())
            QSKIP("dbus-daemon could not be started");
        ServerProcess server;
        QVERIFY(startServer(server));

        // Nothing saved in this data folder.
        const Run fresh = cli({QStringLiteral("sync"), QStringLiteral("--json")}, {}, bus.address());
        QVERIFY2(fresh.exitCode == SignInNeeded, fresh.errors.constData() + fresh.output);
        QCOMPARE(fresh.json().value(QStringLiteral("ok")).toBool(true), false);

        // A sign-in syncs once and warns that without a keychain its tokens
        // are not kept, so the next run has no sign-in either.
        const Run signedIn = signIn(server, Password, bus.address());
        QVERIFY2(signedIn.exitCode == Success, signedIn.errors.constData() + signedIn.output);
        QCOMPARE(signedIn.json().value(QStringLiteral("sign_in_saved")), QJsonValue(false));
        const QJsonArray warnings = signedIn.json().value(QStringLiteral("warnings")).toArray();
        QCOMPARE(warnings.size(), 1);
        QCOMPARE(warnings.first()[QStringLiteral("code")].toString(), QStringLiteral("keychain.unavailable"));

        const Run text = cli({QStringLiteral("sync"), QStringLiteral("--server"), serverAddress(server),
                              QStringLiteral("--account"), Account},
                             Password, bus.address());
        QCOMPARE(text.exitCode, Success);
        QVERIFY2(text.errors.contains("Warning: The sign-in was not saved"), text.errors.constData());
        QVERIFY2(text.errors.contains("(error code: keychain.unavailable)"), text.errors.constData());

        const Run again = cli({QStringLiteral("sync"), QStringLiteral("--json")}, {}, bus.address());
        QVERIFY2(again.exitCode == SignInNeeded, again.errors.constData() + again.output);
        QCOMPARE(again.errorCode(), QStringLiteral("keychain.unavailable"));
        QVERIFY(again.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().contains(
            QStringLiteral("--server")));
    }

    void unreachablePlatformIsRetryLater()
    {
        // The port of a stopped server, where nothing listens any more.
        QString address;
        {
            ServerProcess server;
            QVERIFY(startServer(server));
            address = serverAddress(server);
        }
        const Run run = cli({QStringLiteral("sync"), QStringLiteral("--server"), address, QStringLiteral("--account"),
                             Account, QStringLiteral("--json")},
                            Password);
        QVERIFY2(run.exitCode == Failed, run.errors.constData() + run.output);
        QVERIFY2(run.errorCode().startsWith(QStringLiteral("network.")), qPrintable(run.errorCode()));
    }

    // A sync that fails after a saved sign-in prints the error code and tells
    // the user to run the command again, because unlike the app it does not retry.
    void failedSyncSaysRunAgain()
    {
        auto server = std::make_unique<ServerProcess>();
        QVERIFY(startServer(*server));
        QCOMPARE(signIn(*server).exitCode, Success);
        server.reset();

        const Run run = cli({QStringLiteral("sync")});
        if (run.exitCode == SignInNeeded && run.errors.contains("keychain.unavailable"))
            QSKIP("No keychain in this session; scripts/test.sh provides one");
        QVERIFY2(run.exitCode == Failed, run.errors.constData() + run.output);
        QVERIFY2(run.errors.contains("network."), run.errors.constData());
        QVERIFY2(run.errors.contains("classdesk-cli sync"), run.errors.constData());
    }

    void refusedSignInAsksToSignInAgain()
    {
        ServerProcess server;
        QVERIFY(startServer(server, {QStringLiteral("--access-token-ttl"), QStringLiteral("1"),
                                     QStringLiteral("--refresh-token-ttl"), QStringLiteral("1")}));
        QCOMPARE(signIn(server).exitCode, Success);
        QTest::qWait(2100);

        const Run run = cli({QStringLiteral("sync"), QStringLiteral("--json")});
        if (run.exitCode == SignInNeeded && run.errorCode() == QLatin1String("keychain.unavailable"))
            QSKIP("No keychain in this session; scripts/test.sh provides one");
        QVERIFY2(run.exitCode == SignInNeeded, run.errors.constData() + run.output);
        QCOMPARE(run.json().value(QStringLiteral("ok")).toBool(true), false);

        // Signing in again resumes.
        QCOMPARE(signIn(server).exitCode, Success);
    }
};

QTEST_GUILESS_MAIN(TestCliSync)
#include "tst_clisync.moc"
