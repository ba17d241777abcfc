// SPDX-License-Identifier: GPL-3.0-or-later
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

class TranslationsTest : public QObject
{
    Q_OBJECT

private:
    struct Message
    {
        QString context;
        QString source;
        QString translation;
        QString type; // "unfinished", "vanished", "obsolete" or empty when finished
    };

    static QList<Message> readMessages(const QString &tsFile)
    {
        QFile file(tsFile);
        if (!file.open(QIODevice::ReadOnly))
            return {};

        QList<Message> messages;
        QString context;
        Message current;
        QXmlStreamReader xml(&file);
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == QLatin1String("name")) {
                context = xml.readElementText();
            } else if (xml.name() == QLatin1String("message")) {
                current = Message{context, {}, {}, {}};
            } else if (xml.name() == QLatin1String("source")) {
                current.source = xml.readElementText();
            } else if (xml.name() == QLatin1String("translation")) {
                current.type = xml.attributes().value(QLatin1String("type")).toString();
                current.translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                messages.append(current);
            }
        }
        return messages;
    }

private slots:
    void chineseTranslationIsComplete()
    {
        QTemporaryDir temporary;
        QVERIFY(temporary.isValid());
        const QString copy = temporary.filePath(QStringLiteral("classdesk_zh_CN.ts"));
        QVERIFY(QFile::copy(QStringLiteral(TS_FILE_ZH_CN), copy));
        QFile::setPermissions(copy, QFileDevice::ReadOwner | QFileDevice::WriteOwner);

        // Bring the copy up to date with every tr() string in the sources.
        QStringList arguments = QStringLiteral(LUPDATE_OPTIONS).split(QLatin1Char('|'));
        arguments << QStringLiteral("-source-language") << QStringLiteral("en")
                  << QStringLiteral("-target-language") << QStringLiteral("zh_CN");
        arguments << QStringLiteral(TRANSLATED_DIRS).split(QLatin1Char('|'));
        arguments << QStringLiteral("-ts") << copy;
        QProcess lupdate;
        lupdate.start(QStringLiteral(LUPDATE_EXECUTABLE), arguments);
        QVERIFY(lupdate.waitForFinished(120000));
        QVERIFY2(lupdate.exitCode() == 0, lupdate.readAllStandardError().constData());

        const QList<Message> messages = readMessages(copy);
        QVERIFY2(messages.size() > 10, "lupdate found almost no strings: is the source list right?");

        QStringList missing;
        for (const Message &message : messages) {
            if (message.type == QLatin1String("vanished") || message.type == QLatin1String("obsolete"))
                continue;
            if (message.type == QLatin1String("unfinished") || message.translation.trimmed().isEmpty())
                missing << QStringLiteral("%1: \"%2\"").arg(message.context, message.source);
        }
        QVERIFY2(missing.isEmpty(),
                 qPrintable(QStringLiteral("Untranslated strings in translations/classdesk_zh_CN.ts "
                                           "(run the classdesk_update_translations target and translate them):\n")
                            + missing.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TranslationsTest)
#include "tst_translations.moc"
