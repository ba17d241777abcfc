// SPDX-License-Identifier: GPL-3.0-or-later
//
// The sign-in dialog against the real classdesk-server and against
// addresses on 127.0.0.1 where no platform answers. Each failure shows its
// own message in Chinese.
#include "../sync/syncfixture.h"

#include "languagesetup.h"
#include "error.h"
#include "signindialog.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMessageAuthenticationCode>
#include <QPushButton>
#include <QScreen>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QtEndian>

using namespace ClassDesk;
using namespace ServerTestSupport;
using namespace SyncFixture;

namespace {

const QString Account = QStringLiteral("alice");
const QString Password = QStringLiteral("a-secret");
// Base32 "JBSWY3DPEHPK3PXP"; the raw bytes are given so the test needs no decoder.
const QString TotpSecret = QStringLiteral("JBSWY3DPEHPK3PXP");
const QByteArray TotpKey = QByteArrayLiteral("Hello!\xDE\xAD\xBE\xEF");

// The RFC 6238 code (HMAC-SHA1, 30-second steps, six digits) for now.
QString currentTotp()
{
    const qint64 step = QDateTime::currentSecsSinceEpoch() / 30;
    QByteArray counter(8, '\0');
    qToBigEndian(quint64(step), counter.data());
    const QByteArray hash = QMessageAuthenticationCode::hash(counter, TotpKey, QCryptographicHash::Sha1);
    const int offset = hash.at(hash.size() - 1) & 0x0f;
    const quint32 binary = qFromBigEndian<quint32>(hash.constData() + offset) & 0x7fffffff;
    return QStringLiteral("%1").arg(binary % 1000000, 6, 10, QLatin1Char('0'));
}

// A web server on 127.0.0.1 that is not a school platform: every request
// gets an HTML "404 Not Found" page.
class OtherWebServer : public QTcpServer
{
public:
    OtherWebServer()
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                    socket->readAll();
                    const QByteArray page = "<html><body>Not Found</body></html>";
                    socket->write("HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\nContent-Length: "
                                  + QByteArray::number(page.size()) + "\r\nConnection: close\r\n\r\n" + page);
                    socket->disconnectFromHost();
                });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
};

// A port on 127.0.0.1 where nothing listens: it was free a moment ago.
quint16 closedPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

QString url(quint16 port)
{
    return QStringLiteral("http://127.0.0.1:%1").arg(port);
}

enum class Failure { WrongPassword, UnknownServer, NoNetwork, ServerError };

} // namespace

class SignInDialogTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void failureShowsItsMessage_data();
    void failureShowsItsMessage();
    void oneTimeCodeAskedAndAccepted();
    void addressFieldShowsWholeAddress();
    void longAddressIsReadable_data();
    void longAddressIsReadable();

private:
    // Types into the dialog's fields and presses Enter, as a teacher would.
    static void fillIn(SignInDialog &dialog, const QString &address, const QString &password);
    // Fails when a field is lower than its size hint or the message overlaps it.
    static void verifyFieldsKeepTheirHeight(const SignInDialog &dialog);
};

void SignInDialogTest::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(installLanguage(*qobject_cast<QApplication *>(QCoreApplication::instance()), QStringLiteral("zh_CN")));
}

void SignInDialogTest::fillIn(SignInDialog &dialog, const QString &address, const QString &password)
{
    auto *server = dialog.findChild<QLineEdit *>(QStringLiteral("serverEdit"));
    auto *account = dialog.findChild<QLineEdit *>(QStringLiteral("accountEdit"));
    auto *passwordEdit = dialog.findChild<QLineEdit *>(QStringLiteral("passwordEdit"));
    server->clear();
    account->clear();
    QTest::keyClicks(server, address);
    QTest::keyClicks(account, Account);
    QTest::keyClicks(passwordEdit, password);
    QTest::keyClick(passwordEdit, Qt::Key_Return);
}

void SignInDialogTest::verifyFieldsKeepTheirHeight(const SignInDialog &dialog)
{
    const auto *message = dialog.findChild<QLabel *>(QStringLiteral("errorLabel"));
    QVERIFY(message->isVisible());
    QVERIFY2(message->height() >= message->heightForWidth(message->width()),
             qPrintable(QStringLiteral("message %1 px high, needs %2")
                            .arg(message->height())
                            .arg(message->heightForWidth(message->width()))));
    const QList<QLineEdit *> fields = dialog.findChildren<QLineEdit *>();
    for (const QLineEdit *field : fields) {
        if (!field->isVisible())
            continue;
        QVERIFY2(field->height() >= field->sizeHint().height(),
                 qPrintable(QStringLiteral("%1 is %2 px high, needs %3")
                                .arg(field->objectName())
                                .arg(field->height())
                                .arg(field->sizeHint().height())));
        QVERIFY2(field->geometry().bottom() < message->geometry().top(),
                 qPrintable(field->objectName() + QStringLiteral(" overlaps the message")));
    }
}

void SignInDialogTest::failureShowsItsMessage_data()
{
    QTest::addColumn<Failure>("failure");
    QTest::addColumn<QString>("context");
    QTest::addColumn<QString>("source");

    QTest::newRow("wrong password") << Failure::WrongPassword << QStringLiteral("HttpErrors")
                                    << QStringLiteral("The user name or password is wrong.");
    QTest::newRow("unknown server")
        << Failure::UnknownServer << QStringLiteral("ClassDesk::SignInDialog")
        << QStringLiteral("No school platform answers at this address. Check the address, or ask your "
                          "school's administrator for it.");
    QTest::newRow("no network") << Failure::NoNetwork << QStringLiteral("HttpErrors")
                                << QStringLiteral("The platform did not accept the connection. It may be down or "
                                                  "blocked by a firewall; ClassDesk will try again later.");
    QTest::newRow("server error") << Failure::ServerError << QStringLiteral("HttpErrors")
                                  << QStringLiteral("The platform had an internal problem (HTTP %1). ClassDesk will "
                                                    "try again later.");
}

void SignInDialogTest::failureShowsItsMessage()
{
    QFETCH(Failure, failure);
    QFETCH(QString, context);
    QFETCH(QString, source);

    ServerProcess server;
    OtherWebServer otherServer;
    QString address;
    QString password = Password;
    switch (failure) {
    case Failure::WrongPassword:
        QVERIFY(server.addTeacher(Account, Password, QStringLiteral("Test School")));
        QVERIFY(server.start());
        address = serverAddress(server);
        password = QStringLiteral("not-the-password");
        break;
    case Failure::UnknownServer:
        QVERIFY(otherServer.listen(QHostAddress::LocalHost, 0));
        address = url(otherServer.serverPort());
        break;
    case Failure::NoNetwork:
        address = url(closedPort());
        break;
    case Failure::ServerError:
        // The server's fault injection fails its first request, the token request, with HTTP 500.
        QVERIFY(server.addTeacher(Account, Password, QStringLiteral("Test School")));
        QVERIFY(server.start({QStringLiteral("--faults"), QStringLiteral("500@1")}));
        address = serverAddress(server);
        break;
    }

    Device device;
    QVERIFY(device.open());
    SignInDialog dialog(*device.sync);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    fillIn(dialog, address, password);

    QTRY_VERIFY_WITH_TIMEOUT(!dialog.errorText().isEmpty(), 20000);
    QString expected = QCoreApplication::translate(context.toLatin1().constData(), source.toUtf8().constData());
    if (failure == Failure::ServerError)
        expected = expected.arg(500);
    QVERIFY2(expected != source.arg(500), "the message has no Chinese translation");

    // The message ends with its error code, which the user guide explains.
    const QString code = device.sync->lastErrorCode();
    QVERIFY(!code.isEmpty());
    const Error shown{code, expected};
    QCOMPARE(dialog.errorText(), shown.displayText());
    QVERIFY(dialog.isVisible());
    QVERIFY(!dialog.isAskingForCode());
    QCoreApplication::processEvents();
    verifyFieldsKeepTheirHeight(dialog);
}

void SignInDialogTest::oneTimeCodeAskedAndAccepted()
{
    ServerProcess server;
    QVERIFY(server.addTeacher(Account, Password, QStringLiteral("Test School"), TotpSecret));
    QVERIFY(server.start());
    Device device;
    QVERIFY(device.open());
    SignInDialog dialog(*device.sync);
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    fillIn(dialog, serverAddress(server), Password);

    QTRY_VERIFY_WITH_TIMEOUT(dialog.isAskingForCode(), 20000);
    const QString asked = QCoreApplication::translate(
        "ClassDesk::SignInDialog",
        "Your account uses two-step verification. Enter the 6-digit code from your authenticator app.");
    QCOMPARE(dialog.errorText(), asked);
    QCoreApplication::processEvents();
    verifyFieldsKeepTheirHeight(dialog);

    auto *code = dialog.findChild<QLineEdit *>(QStringLiteral("codeEdit"));
    QVERIFY(code->hasFocus());
    QTest::keyClicks(code, currentTotp());
    QTest::keyClick(code, Qt::Key_Return);
    QVERIFY(accepted.wait(20000) || accepted.size() == 1);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

void SignInDialogTest::addressFieldShowsWholeAddress()
{
    Device device;
    QVERIFY(device.open());
    SignInDialog dialog(*device.sync);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *server = dialog.findChild<QLineEdit *>(QStringLiteral("serverEdit"));
    server->setText(QStringLiteral("https://platform.example.edu.cn/api/v1/"));
    server->setFocus();
    server->end(false);

    // With the cursor at the end, the first character is still in view, so
    // the field did not scroll the start of the address away.
    const QPoint leftEdge(server->contentsRect().left() + 4, server->height() / 2);
    QCOMPARE(server->cursorPositionAt(leftEdge), 0);

    // 1366×768 at 200% leaves 683×384 device-independent pixels.
    QVERIFY2(dialog.sizeHint().width() <= 683, qPrintable(QString::number(dialog.sizeHint().width())));
}

void SignInDialogTest::longAddressIsReadable_data()
{
    QTest::addColumn<QString>("address");
    QTest::newRow("55 characters") << QStringLiteral("https://jiaoyu-pingtai.shiyan-zhongxue.example.edu.cn/v1");
    QTest::newRow("130 characters")
        << QStringLiteral("https://jiaoyu-pingtai.shiyan-zhongxue.example.edu.cn/api/v1/gateway/"
                          "xiaoqu-dongqu/jiaoxue-fuwu/classdesk/client-access/");
}

void SignInDialogTest::longAddressIsReadable()
{
    QFETCH(QString, address);

    Device device;
    QVERIFY(device.open());
    SignInDialog dialog(*device.sync);
    dialog.setServerAddress(address);
    dialog.show();
    dialog.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    auto *server = dialog.findChild<QLineEdit *>(QStringLiteral("serverEdit"));

    // The start of the address, with its host, is in view.
    const QPoint leftEdge(server->contentsRect().left() + 4, server->height() / 2);
    QCOMPARE(server->cursorPositionAt(leftEdge), 0);
    QCOMPARE(server->toolTip(), address);

    // The field widens for the whole address as far as the screen allows.
    const int textWidth = server->fontMetrics().horizontalAdvance(address);
    const int screenWidth = dialog.screen()->availableGeometry().width();
    QVERIFY2(dialog.frameGeometry().width() <= screenWidth,
             qPrintable(QStringLiteral("%1 > %2").arg(dialog.frameGeometry().width()).arg(screenWidth)));
    if (textWidth < screenWidth / 2) {
        QVERIFY2(server->contentsRect().width() > textWidth,
                 qPrintable(QStringLiteral("%1 px for %2 px of text").arg(server->contentsRect().width()).arg(textWidth)));
    }

    // Typing a longer address and leaving the field shows its start again.
    server->setFocus();
    server->end(false);
    QTest::keyClicks(server, QStringLiteral("extra/path/segment/"));
    QCOMPARE(server->toolTip(), server->text());
    QTest::keyClick(server, Qt::Key_Tab);
    QCOMPARE(server->cursorPositionAt(leftEdge), 0);
}

QTEST_MAIN(SignInDialogTest)
#include "tst_signindialog.moc"
