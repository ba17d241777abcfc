// SPDX-License-Identifier: GPL-3.0-or-later
#include "serveraddress.h"

#include <QTest>

using namespace ClassDesk;

class ServerAddressTest : public QObject
{
    Q_OBJECT

private slots:
    void acceptedAddresses_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");

        QTest::newRow("bare host") << "platform.school.edu.cn" << "https://platform.school.edu.cn/api/v1/";
        QTest::newRow("spaces around") << "  platform.school.edu.cn  " << "https://platform.school.edu.cn/api/v1/";
        QTest::newRow("https with slash") << "https://platform.school.edu.cn/" << "https://platform.school.edu.cn/api/v1/";
        QTest::newRow("api path typed") << "https://p.edu.cn/api/v1" << "https://p.edu.cn/api/v1/";
        QTest::newRow("proxy prefix") << "https://gw.edu.cn/classdesk/" << "https://gw.edu.cn/classdesk/api/v1/";
        QTest::newRow("port kept") << "https://p.edu.cn:8443" << "https://p.edu.cn:8443/api/v1/";
        QTest::newRow("http loopback") << "http://127.0.0.1:8080" << "http://127.0.0.1:8080/api/v1/";
        QTest::newRow("http localhost") << "http://localhost:9000/" << "http://localhost:9000/api/v1/";
        QTest::newRow("http ipv6 loopback") << "http://[::1]:8080" << "http://[::1]:8080/api/v1/";
        QTest::newRow("query dropped") << "https://p.edu.cn/?from=mail" << "https://p.edu.cn/api/v1/";
    }

    void acceptedAddresses()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);

        const auto url = ServerAddress::apiBaseUrl(input);
        QVERIFY2(url.has_value(), qPrintable(url ? QString() : url.error().toLogString()));
        QCOMPARE(url->toString(), expected);
    }

    void rejectedAddresses_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("code");

        QTest::newRow("empty") << "   " << "address.empty";
        QTest::newRow("plain http remote") << "http://platform.school.edu.cn" << "address.insecure";
        QTest::newRow("ftp") << "ftp://platform.school.edu.cn" << "address.unsupported_scheme";
        QTest::newRow("no host") << "https://" << "address.invalid";
    }

    void rejectedAddresses()
    {
        QFETCH(QString, input);
        QFETCH(QString, code);

        const auto url = ServerAddress::apiBaseUrl(input);
        QVERIFY(!url.has_value());
        QCOMPARE(url.error().code, code);
        QVERIFY(!url.error().message.isEmpty());
    }
};

QTEST_GUILESS_MAIN(ServerAddressTest)
#include "tst_serveraddress.moc"
