// SPDX-License-Identifier: GPL-3.0-or-later
#include "csvreader.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>

using namespace ClassDesk;
using namespace Qt::StringLiterals;

using Rows = QList<QStringList>;

class CsvReaderTest : public QObject
{
    Q_OBJECT

private slots:
    void parseSplitsFields_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<Rows>("expected");

        QTest::newRow("LF") << QStringLiteral("a,b\nc,d\n") << Rows{{u"a"_s, u"b"_s}, {u"c"_s, u"d"_s}};
        QTest::newRow("CRLF") << QStringLiteral("a,b\r\nc,d\r\n") << Rows{{u"a"_s, u"b"_s}, {u"c"_s, u"d"_s}};
        QTest::newRow("lone CR") << QStringLiteral("a,b\rc,d") << Rows{{u"a"_s, u"b"_s}, {u"c"_s, u"d"_s}};
        QTest::newRow("no final line break") << QStringLiteral("a,b") << Rows{{u"a"_s, u"b"_s}};
        QTest::newRow("empty fields") << QStringLiteral(",,\n") << Rows{{QString(), QString(), QString()}};
        QTest::newRow("quoted delimiter") << QStringLiteral("\"a,b\",c") << Rows{{u"a,b"_s, u"c"_s}};
        QTest::newRow("doubled quote") << QStringLiteral("\"say \"\"hi\"\"\",x")
                                       << Rows{{u"say \"hi\""_s, u"x"_s}};
        QTest::newRow("embedded CRLF") << QStringLiteral("\"line1\r\nline2\",x\r\ny,z")
                                       << Rows{{u"line1\r\nline2"_s, u"x"_s}, {u"y"_s, u"z"_s}};
        QTest::newRow("quote inside unquoted field") << QStringLiteral("5\"9,x")
                                                     << Rows{{u"5\"9"_s, u"x"_s}};
        QTest::newRow("text after closing quote") << QStringLiteral("\"ab\"c,x")
                                                  << Rows{{u"abc"_s, u"x"_s}};
        QTest::newRow("blank line kept as empty row") << QStringLiteral("a\n\nb")
                                                      << Rows{{u"a"_s}, {QString()}, {u"b"_s}};
    }

    void parseSplitsFields()
    {
        QFETCH(QString, text);
        QFETCH(Rows, expected);

        const Result<Rows> rows = CsvReader::parse(text, u',');
        QVERIFY2(rows.has_value(), qPrintable(rows ? QString() : rows.error().message));
        QCOMPARE(*rows, expected);
    }

    void parseUsesGivenDelimiter()
    {
        const Result<Rows> rows = CsvReader::parse(u"a;b,c\td", u';');
        QVERIFY(rows.has_value());
        QCOMPARE(*rows, (Rows{{u"a"_s, u"b,c\td"_s}}));
    }

    void sniffDelimiterPicksConsistentOne_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QChar>("expected");

        QTest::newRow("comma") << QStringLiteral("学号,姓名\n1,李明\n2,王芳\n") << QChar(u',');
        QTest::newRow("tab") << QStringLiteral("学号\t姓名\n1\t李明,备注\n") << QChar(u'\t');
        QTest::newRow("semicolon") << QStringLiteral("id;name;note\n1;Li;a,b\n2;Wang;c\n") << QChar(u';');
        QTest::newRow("comma inside quotes ignored")
            << QStringLiteral("a;b\n\"x,y,z\";c\n") << QChar(u';');
        QTest::newRow("single column falls back to comma") << QStringLiteral("name\nLi\n") << QChar(u',');
    }

    void sniffDelimiterPicksConsistentOne()
    {
        QFETCH(QString, text);
        QFETCH(QChar, expected);
        QCOMPARE(CsvReader::sniffDelimiter(text), expected);
    }

    void unterminatedQuoteFailsWithLine()
    {
        const Result<Rows> rows = CsvReader::parse(u"a,b\nc,\"open\nstill open", u',');
        QVERIFY(!rows.has_value());
        QCOMPARE(rows.error().code, QStringLiteral("roster.csv_unterminated_quote"));
        QVERIFY(rows.error().message.contains(u'2'));
    }

    void limitsRejectOversizedInput_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("code");

        QTest::newRow("field") << QString(100, u'x') << QStringLiteral("roster.csv_field_too_long");
        QTest::newRow("columns") << QString(20, u',') << QStringLiteral("roster.csv_too_many_columns");
        QTest::newRow("rows") << QString(20, u'\n') << QStringLiteral("roster.csv_too_many_rows");
    }

    void limitsRejectOversizedInput()
    {
        QFETCH(QString, text);
        QFETCH(QString, code);

        CsvLimits limits;
        limits.maxFieldLength = 50;
        limits.maxColumns = 10;
        limits.maxRows = 10;
        const Result<Rows> rows = CsvReader::parse(text, u',', limits);
        QVERIFY(!rows.has_value());
        QCOMPARE(rows.error().code, code);
    }

    void randomInputFinishesQuickly()
    {
        // Garbage of every kind must end in rows or an error, never a hang.
        QRandomGenerator random(20250901);
        const QString alphabet = QStringLiteral("ab,;\t\"\r\n 学");
        QElapsedTimer timer;
        timer.start();
        for (int round = 0; round < 200; ++round) {
            QString text;
            const int length = random.bounded(2000);
            for (int i = 0; i < length; ++i)
                text.append(alphabet[random.bounded(alphabet.size())]);
            const Result<Rows> rows = CsvReader::parse(text, CsvReader::sniffDelimiter(text));
            QVERIFY(rows.has_value() || !rows.error().message.isEmpty());
        }
        QVERIFY(timer.elapsed() < 10'000);
    }
};

QTEST_GUILESS_MAIN(CsvReaderTest)
#include "tst_csvreader.moc"
