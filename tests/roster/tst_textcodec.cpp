// SPDX-License-Identifier: GPL-3.0-or-later
#include "rosterfixtures.h"
#include "textcodec.h"

#include <QFile>
#include <QTest>

using namespace ClassDesk;

namespace {

QByteArray fixture(const char *name)
{
    return RosterFixtures::readAll(RosterFixtures::path(name));
}

// 张𠮷 in GB18030: 𠮷 (U+20BB7) is a four-byte sequence.
const QByteArray s_gbZhangJi("\xD5\xC5\x95\x34\xB2\x35");
const QString s_zhangJi = QStringLiteral("张𠮷");

} // namespace

class TextCodecTest : public QObject
{
    Q_OBJECT

private slots:
    void detectFindsFixtureEncoding_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<TextEncoding>("expected");

        QTest::newRow("GB18030 with CRLF, no BOM") << fixture("gb18030-crlf.csv") << TextEncoding::Gb18030;
        QTest::newRow("UTF-8 with BOM") << fixture("utf8-bom.csv") << TextEncoding::Utf8;
        QTest::newRow("UTF-8 without BOM") << fixture("odd-columns.csv") << TextEncoding::Utf8;
        QTest::newRow("UTF-16LE with BOM") << fixture("utf16le-bom.txt") << TextEncoding::Utf16LE;
        QTest::newRow("UTF-16BE with BOM") << fixture("utf16be-bom.txt") << TextEncoding::Utf16BE;
        QTest::newRow("UTF-16LE without BOM")
            << fixture("utf16le-bom.txt").sliced(2) << TextEncoding::Utf16LE;
        QTest::newRow("plain ASCII") << QByteArray("id,name\r\n1,Li\r\n") << TextEncoding::Utf8;
    }

    void detectFindsFixtureEncoding()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(TextEncoding, expected);
        QCOMPARE(TextCodec::detect(bytes), expected);
    }

    void decodeDropsByteOrderMark_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<TextEncoding>("encoding");

        QTest::newRow("UTF-8") << fixture("utf8-bom.csv") << TextEncoding::Utf8;
        QTest::newRow("UTF-16LE") << fixture("utf16le-bom.txt") << TextEncoding::Utf16LE;
        QTest::newRow("UTF-16BE") << fixture("utf16be-bom.txt") << TextEncoding::Utf16BE;
    }

    void decodeDropsByteOrderMark()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(TextEncoding, encoding);

        const DecodedText decoded = TextCodec::decode(bytes, encoding);
        QVERIFY(decoded.isValid());
        QVERIFY(decoded.hadByteOrderMark);
        QVERIFY(decoded.text.startsWith(QStringLiteral("学号")));
        QVERIFY(decoded.text.contains(s_zhangJi));
    }

    void gb18030KeepsCharacterOutsideBmpThroughQt()
    {
        const std::optional<DecodedText> decoded = TextCodec::decodeGb18030WithQt(s_gbZhangJi);
        if (!decoded)
            QSKIP("This Qt has no GB18030 converter (built without ICU)");
        QVERIFY(decoded->isValid());
        QCOMPARE(decoded->text, s_zhangJi);
    }

    void gb18030KeepsCharacterOutsideBmpThroughPlatform()
    {
        const DecodedText decoded = TextCodec::decodeGb18030WithPlatform(s_gbZhangJi);
        QVERIFY(decoded.isValid());
        QCOMPARE(decoded.text, s_zhangJi);
    }

    void gb18030ReportsInvalidBytes_data()
    {
        QTest::addColumn<bool>("throughQt");
        QTest::newRow("Qt") << true;
        QTest::newRow("platform") << false;
    }

    void gb18030ReportsInvalidBytes()
    {
        QFETCH(bool, throughQt);
        // 0x81 0x20 is no GB18030 sequence; the second line is, and must stay readable.
        const QByteArray bytes("ok\n\x81\x20x\n\xD5\xC5");

        std::optional<DecodedText> decoded;
        if (throughQt)
            decoded = TextCodec::decodeGb18030WithQt(bytes);
        else
            decoded = TextCodec::decodeGb18030WithPlatform(bytes);
        if (!decoded)
            QSKIP("This Qt has no GB18030 converter (built without ICU)");

        QVERIFY(!decoded->isValid());
        QCOMPARE(decoded->firstInvalidLine, 2);
        QVERIFY(decoded->text.endsWith(QStringLiteral("张")));
    }

    void gb18030TruncatedSequenceIsInvalid()
    {
        const DecodedText decoded = TextCodec::decodeGb18030WithPlatform(QByteArray("\xD5\xC5\x95\x34"));
        QVERIFY(!decoded.isValid());
        QVERIFY(decoded.text.startsWith(QStringLiteral("张")));
    }

    void utf8ReportsInvalidBytes()
    {
        const DecodedText decoded = TextCodec::decode(fixture("gb18030-crlf.csv"), TextEncoding::Utf8);
        QVERIFY(!decoded.isValid());
        QCOMPARE(decoded.firstInvalidLine, 1);
    }

    void utf8ReplacementCharacterInFileIsNoError()
    {
        const DecodedText decoded = TextCodec::decode(QByteArray("a\xEF\xBF\xBD"), TextEncoding::Utf8);
        QVERIFY(decoded.isValid());
        QCOMPARE(decoded.text, QStringLiteral("a\uFFFD"));
    }

    void utf16OddLengthIsInvalid()
    {
        QByteArray bytes = fixture("utf16le-bom.txt");
        bytes.append('\x41');
        QVERIFY(!TextCodec::decode(bytes, TextEncoding::Utf16LE).isValid());
    }

    void candidatesPutDetectedEncodingFirst()
    {
        const QList<DecodingCandidate> candidates = TextCodec::candidates(fixture("gb18030-crlf.csv"));
        QCOMPARE(candidates.size(), 4);
        QCOMPARE(candidates.first().encoding, TextEncoding::Gb18030);
        QCOMPARE(candidates.first().invalidCount, 0);
        QVERIFY(candidates.first().preview.contains(s_zhangJi));
        QVERIFY(candidates[1].invalidCount > 0);
    }

    void candidatesLimitPreviewLength()
    {
        const QList<DecodingCandidate> candidates = TextCodec::candidates(fixture("utf8-bom.csv"), 5);
        QCOMPARE(candidates.first().preview, QStringLiteral("学号,姓名"));
    }

    void fromNameAcceptsCommonSpellings_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<TextEncoding>("expected");

        QTest::newRow("utf-8") << QStringLiteral("utf-8") << TextEncoding::Utf8;
        QTest::newRow("UTF-16LE") << QStringLiteral("UTF-16LE") << TextEncoding::Utf16LE;
        QTest::newRow("utf16be") << QStringLiteral("utf16be") << TextEncoding::Utf16BE;
        QTest::newRow("GBK") << QStringLiteral("GBK") << TextEncoding::Gb18030;
        QTest::newRow("gb2312") << QStringLiteral("gb2312") << TextEncoding::Gb18030;
    }

    void fromNameAcceptsCommonSpellings()
    {
        QFETCH(QString, name);
        QFETCH(TextEncoding, expected);
        QCOMPARE(TextCodec::fromName(name), std::optional(expected));
    }

    void fromNameRejectsUnknown()
    {
        QVERIFY(!TextCodec::fromName(u"latin1").has_value());
    }

    void nameRoundTripsThroughFromName()
    {
        for (const TextEncoding encoding : {TextEncoding::Utf8, TextEncoding::Utf16LE,
                                            TextEncoding::Utf16BE, TextEncoding::Gb18030})
            QCOMPARE(TextCodec::fromName(TextCodec::name(encoding)), std::optional(encoding));
    }
};

QTEST_GUILESS_MAIN(TextCodecTest)
#include "tst_textcodec.moc"
