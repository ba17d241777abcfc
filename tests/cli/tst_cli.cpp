// SPDX-License-Identifier: GPL-3.0-or-later
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

class CliTest : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray output;
        QByteArray errors;

        [[nodiscard]] QJsonObject json() const { return QJsonDocument::fromJson(output).object(); }
    };

    QTemporaryDir *m_data = nullptr;

    Run cli(const QStringList &arguments, const QString &locale = QStringLiteral("C.UTF-8"))
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("LANG"), locale);
        environment.insert(QStringLiteral("LC_ALL"), locale);
        environment.remove(QStringLiteral("CLASSDESK_LANGUAGE"));
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(CLASSDESK_CLI),
                      QStringList{QStringLiteral("--data"), m_data->path()} + arguments);
        if (!process.waitForFinished(60000))
            return {};
        return Run{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                   process.readAllStandardOutput(), process.readAllStandardError()};
    }

    static QString fixture(const char *name) { return QStringLiteral(ROSTER_FIXTURES "/") + QLatin1String(name); }

    QString writeFile(const QString &name, const QByteArray &content)
    {
        QFile file(m_data->filePath(name));
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(content);
        return file.fileName();
    }

    // Paths of the null values anywhere in `value`, e.g. "rows[0].class".
    static QStringList nullPaths(const QJsonValue &value, const QString &path = QStringLiteral("$"))
    {
        QStringList found;
        if (value.isNull())
            found << path;
        if (value.isObject()) {
            const QJsonObject object = value.toObject();
            for (auto it = object.constBegin(); it != object.constEnd(); ++it)
                found << nullPaths(it.value(), path + QLatin1Char('.') + it.key());
        }
        if (value.isArray()) {
            const QJsonArray array = value.toArray();
            for (qsizetype i = 0; i < array.size(); ++i)
                found << nullPaths(array.at(i), path + QStringLiteral("[%1]").arg(i));
        }
        return found;
    }

    static QStringList problemCodes(const Run &run)
    {
        QStringList codes;
        for (const QJsonValue &problem : run.json().value(QStringLiteral("problems")).toArray())
            codes << problem.toObject().value(QStringLiteral("code")).toString();
        return codes;
    }

private slots:
    void init()
    {
        m_data = new QTemporaryDir;
        QVERIFY(m_data->isValid());
    }

    void cleanup() { delete m_data; }

    void importGb18030CsvAsJson()
    {
        const Run run = cli({QStringLiteral("roster"), QStringLiteral("import"), fixture("gb18030-crlf.csv"),
                             QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.errors.constData());

        const QJsonObject result = run.json();
        QCOMPARE(result.value(QStringLiteral("encoding")).toString(), QStringLiteral("GB18030"));
        const QJsonArray rows = result.value(QStringLiteral("rows")).toArray();
        QVERIFY(rows.size() >= 3);
        const QJsonObject first = rows.first().toObject();
        QCOMPARE(first.value(QStringLiteral("student_number")).toString(), QStringLiteral("2025010201"));
        QCOMPARE(first.value(QStringLiteral("name")).toString(), QStringLiteral("张𠮷"));
        QCOMPARE(first.value(QStringLiteral("class")).toString(), QStringLiteral("高一(3)班"));
        QVERIFY(first.value(QStringLiteral("notes")).isObject());
        QCOMPARE(result.value(QStringLiteral("problems")).toArray().size(), 0);
        QCOMPARE(result.value(QStringLiteral("imported")).toObject().value(QStringLiteral("created")).toInt(),
                 rows.size());
    }

    void reimportChangesNothing()
    {
        const QStringList arguments = {QStringLiteral("roster"), QStringLiteral("import"), fixture("utf8-bom.csv"),
                                       QStringLiteral("--json")};
        QCOMPARE(cli(arguments).exitCode, 0);

        const Run again = cli(arguments);
        QCOMPARE(again.exitCode, 0);
        const QJsonObject imported = again.json().value(QStringLiteral("imported")).toObject();
        QCOMPARE(imported.value(QStringLiteral("created")).toInt(), 0);
        QCOMPARE(imported.value(QStringLiteral("updated")).toInt(), 0);
        QVERIFY(imported.value(QStringLiteral("unchanged")).toInt() >= 3);
    }

    void dryRunWritesNothing()
    {
        const Run preview = cli({QStringLiteral("roster"), QStringLiteral("import"), fixture("utf8-bom.csv"),
                                 QStringLiteral("--dry-run"), QStringLiteral("--json")});
        QCOMPARE(preview.exitCode, 0);
        QCOMPARE(preview.json().value(QStringLiteral("applied")), QJsonValue(false));
        QCOMPARE(preview.json().value(QStringLiteral("ok")), QJsonValue(true));
        QCOMPARE(preview.json().value(QStringLiteral("imported")).toObject().value(QStringLiteral("created")),
                 QJsonValue(0));

        const Run real = cli({QStringLiteral("roster"), QStringLiteral("import"), fixture("utf8-bom.csv"),
                              QStringLiteral("--json")});
        QVERIFY(real.json().value(QStringLiteral("imported")).toObject().value(QStringLiteral("created")).toInt() > 0);
    }

    void problemsGiveExitOneAndRowColumn()
    {
        QFile file(m_data->filePath(QStringLiteral("broken.csv")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("学号,姓名,班级\n1001,甲,一班\n1001,乙,一班\n1002,,一班\n");
        file.close();

        const Run run = cli({QStringLiteral("roster"), QStringLiteral("import"), file.fileName(), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 1);
        const QJsonObject result = run.json();
        QCOMPARE(result.value(QStringLiteral("applied")), QJsonValue(false));
        const QJsonArray problems = result.value(QStringLiteral("problems")).toArray();
        QCOMPARE(problems.size(), 2);
        for (const QJsonValue &problem : problems) {
            QVERIFY(problem.toObject().value(QStringLiteral("row")).toInt() >= 3);
            QVERIFY(!problem.toObject().value(QStringLiteral("column")).toString().isEmpty());
            QVERIFY(!problem.toObject().value(QStringLiteral("message")).toString().isEmpty());
            QCOMPARE(problem.toObject().value(QStringLiteral("severity")).toString(), QStringLiteral("error"));
        }
        QCOMPARE(problemCodes(run), (QStringList{QStringLiteral("roster.name_missing"),
                                                 QStringLiteral("roster.number_duplicate")}));

        // The text output shows each problem with its code, as other errors are shown.
        const Run text = cli({QStringLiteral("roster"), QStringLiteral("import"), file.fileName()});
        QCOMPARE(text.exitCode, 1);
        QVERIFY2(text.output.contains("(error code: roster.number_duplicate)"), text.output.constData());

        const Run skipping = cli({QStringLiteral("roster"), QStringLiteral("import"), file.fileName(),
                                  QStringLiteral("--skip-problem-rows"), QStringLiteral("--json")});
        QCOMPARE(skipping.exitCode, 1);
        // Row 2 has no problem of its own; the later duplicate of its number does.
        QCOMPARE(skipping.json().value(QStringLiteral("imported")).toObject().value(QStringLiteral("created")).toInt(), 1);
    }

    void encodingOptionOverridesDetection()
    {
        const Run wrong = cli({QStringLiteral("roster"), QStringLiteral("import"), fixture("gb18030-crlf.csv"),
                               QStringLiteral("--encoding"), QStringLiteral("UTF-8"), QStringLiteral("--json")});
        QCOMPARE(wrong.exitCode, 1);
        QCOMPARE(wrong.json().value(QStringLiteral("applied")), QJsonValue(false));
        QCOMPARE(wrong.json().value(QStringLiteral("encoding")).toString(), QStringLiteral("UTF-8"));

        const Run right = cli({QStringLiteral("roster"), QStringLiteral("import"), fixture("gb18030-crlf.csv"),
                               QStringLiteral("--encoding"), QStringLiteral("GB18030"), QStringLiteral("--json")});
        QCOMPARE(right.exitCode, 0);
        const QJsonArray rows = right.json().value(QStringLiteral("rows")).toArray();
        QVERIFY(!rows.isEmpty());
        QCOMPARE(rows.first().toObject().value(QStringLiteral("name")).toString(), QStringLiteral("张𠮷"));
    }

    void fileWithoutClassNeedsClassOption()
    {
        QFile file(m_data->filePath(QStringLiteral("noclass.csv")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("学号,姓名\n3001,甲\n3002,乙\n");
        file.close();

        const Run without = cli({QStringLiteral("roster"), QStringLiteral("import"), file.fileName()});
        QCOMPARE(without.exitCode, 1);
        QVERIFY(without.output.contains("--class"));
        QVERIFY(without.output.contains("roster.class_missing"));

        const Run with = cli({QStringLiteral("roster"), QStringLiteral("import"), file.fileName(), QStringLiteral("--class"),
                              QStringLiteral("初一(2)班"), QStringLiteral("--json")});
        QCOMPARE(with.exitCode, 0);
        QCOMPARE(with.json().value(QStringLiteral("imported")).toObject().value(QStringLiteral("created")).toInt(), 2);
    }

    void classOptionNamesClassOfEveryRow_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QStringList>("extra");
        QTest::newRow("no class column") << QByteArray("学号,姓名\n3001,甲\n3002,乙\n") << QStringList{};
        QTest::newRow("other class in column") << QByteArray("学号,姓名,班级\n3001,甲,一班\n3002,乙,\n")
                                               << QStringList{};
        QTest::newRow("dry run") << QByteArray("学号,姓名\n3001,甲\n3002,乙\n")
                                 << QStringList{QStringLiteral("--dry-run")};
    }

    void classOptionNamesClassOfEveryRow()
    {
        QFETCH(QByteArray, content);
        QFETCH(QStringList, extra);
        const QString path = writeFile(QStringLiteral("roster.csv"), content);
        const Run run = cli(QStringList{QStringLiteral("roster"), QStringLiteral("import"), path, QStringLiteral("--class"),
                                        QStringLiteral("初一(2)班"), QStringLiteral("--json")}
                            + extra);
        QVERIFY2(run.exitCode == 0, run.output.constData());
        const QJsonArray rows = run.json().value(QStringLiteral("rows")).toArray();
        QCOMPARE(rows.size(), 2);
        for (const QJsonValue &row : rows)
            QCOMPARE(row.toObject().value(QStringLiteral("class")).toString(), QStringLiteral("初一(2)班"));

        const Run text = cli(QStringList{QStringLiteral("roster"), QStringLiteral("import"), path, QStringLiteral("--class"),
                                         QStringLiteral("初一(2)班"), QStringLiteral("--dry-run")});
        QCOMPARE(text.exitCode, 0);
        QCOMPARE(QString::fromUtf8(text.output).count(QStringLiteral("\t初一(2)班")), 2);
    }

    void importJsonHasNoNulls_data()
    {
        QTest::addColumn<QString>("fileName");
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<bool>("applied");
        QTest::newRow("CSV imported") << QStringLiteral("utf8-bom.csv") << QStringList{} << true;
        QTest::newRow("CSV dry run") << QStringLiteral("utf8-bom.csv") << QStringList{QStringLiteral("--dry-run")}
                                     << false;
        QTest::newRow("ODS dry run") << QStringLiteral("roster.ods") << QStringList{QStringLiteral("--dry-run")}
                                     << false;
    }

    void importJsonHasNoNulls()
    {
        QFETCH(QString, fileName);
        QFETCH(QStringList, extra);
        QFETCH(bool, applied);
        const QString path = fixture(fileName.toUtf8().constData());
        const Run run = cli(QStringList{QStringLiteral("roster"), QStringLiteral("import"), path, QStringLiteral("--json")}
                            + extra);
        const QJsonObject result = run.json();
        QVERIFY2(!result.isEmpty(), run.output.constData());
        QCOMPARE(nullPaths(result), QStringList());
        QVERIFY(result.value(QStringLiteral("ok")).isBool());
        QCOMPARE(result.value(QStringLiteral("applied")), QJsonValue(applied));
        QVERIFY(result.value(QStringLiteral("encoding")).isString());
        const QJsonObject imported = result.value(QStringLiteral("imported")).toObject();
        for (const char *count : {"created", "updated", "unchanged"})
            QVERIFY2(imported.value(QLatin1String(count)).isDouble(), count);
        // A spreadsheet has no text encoding.
        if (fileName.endsWith(QLatin1String(".ods")))
            QCOMPARE(result.value(QStringLiteral("encoding")).toString(), QString());
    }

    void dryRunReportsWhatImportRejects_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QStringList>("codes");
        QTest::newRow("no class column") << QByteArray("学号,姓名\n3001,甲\n3002,乙\n")
                                         << QStringList{QStringLiteral("roster.class_missing")};
        QTest::newRow("blank class cell") << QByteArray("学号,姓名,班级\n3001,甲,一班\n3002,乙,\n")
                                          << QStringList{QStringLiteral("roster.class_missing")};
        QTest::newRow("0 bytes") << QByteArray() << QStringList{QStringLiteral("roster.file_empty")};
        QTest::newRow("BOM only") << QByteArray("\xEF\xBB\xBF") << QStringList{QStringLiteral("roster.file_empty")};
        QTest::newRow("blank lines") << QByteArray("\r\n\r\n") << QStringList{QStringLiteral("roster.file_empty")};
        QTest::newRow("header only") << QByteArray("学号,姓名,班级\n")
                                     << QStringList{QStringLiteral("roster.no_students")};
    }

    void dryRunReportsWhatImportRejects()
    {
        QFETCH(QByteArray, content);
        QFETCH(QStringList, codes);
        const QString path = writeFile(QStringLiteral("roster.csv"), content);
        const QStringList import = {QStringLiteral("roster"), QStringLiteral("import"), path, QStringLiteral("--json")};

        const Run dryRun = cli(import + QStringList{QStringLiteral("--dry-run")});
        QCOMPARE(dryRun.exitCode, 1);
        QCOMPARE(problemCodes(dryRun), codes);

        const Run real = cli(import);
        QCOMPARE(real.exitCode, 1);
        QCOMPARE(real.json().value(QStringLiteral("problems")), dryRun.json().value(QStringLiteral("problems")));
        QCOMPARE(real.json().value(QStringLiteral("applied")), QJsonValue(false));
    }

    void emptyFileReportedAsEmpty()
    {
        const QString path = writeFile(QStringLiteral("empty.csv"), QByteArray());
        const Run run = cli({QStringLiteral("roster"), QStringLiteral("import"), path, QStringLiteral("--class"),
                             QStringLiteral("一班")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.output.contains("The file is empty"), run.output.constData());
        QVERIFY(!run.output.contains("header"));
    }

    void unknownGenderWarnsAndImports()
    {
        const QString path = writeFile(QStringLiteral("gender.csv"), "学号,姓名,性别,班级\n4001,甲,X,一班\n4002,乙,女性,一班\n");
        const Run run = cli({QStringLiteral("roster"), QStringLiteral("import"), path, QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.output.constData());
        const QJsonArray problems = run.json().value(QStringLiteral("problems")).toArray();
        QCOMPARE(problems.size(), 1);
        const QJsonObject warning = problems.first().toObject();
        QCOMPARE(warning.value(QStringLiteral("code")).toString(), QStringLiteral("roster.gender_unknown"));
        QCOMPARE(warning.value(QStringLiteral("severity")).toString(), QStringLiteral("warning"));
        QCOMPARE(warning.value(QStringLiteral("column")).toString(), QStringLiteral("性别"));
        QVERIFY(warning.value(QStringLiteral("message")).toString().contains(QStringLiteral("\"X\"")));
        QCOMPARE(run.json().value(QStringLiteral("imported")).toObject().value(QStringLiteral("created")).toInt(), 2);
        const QJsonArray rows = run.json().value(QStringLiteral("rows")).toArray();
        QCOMPARE(rows.at(0).toObject().value(QStringLiteral("gender")).toString(), QString());
        QCOMPARE(rows.at(1).toObject().value(QStringLiteral("gender")).toString(), QStringLiteral("女"));

        const Run text = cli({QStringLiteral("roster"), QStringLiteral("import"), path, QStringLiteral("--dry-run")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.output.contains("Warning:"), text.output.constData());
    }

    void unknownCommandListsCommands_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("named");
        QTest::newRow("one word") << QStringList{QStringLiteral("frobnicate"), QStringLiteral("x.csv")}
                                  << QStringLiteral("\"frobnicate\"");
        QTest::newRow("unknown subcommand") << QStringList{QStringLiteral("roster"), QStringLiteral("delete")}
                                            << QStringLiteral("\"roster delete\"");
        QTest::newRow("missing subcommand") << QStringList{QStringLiteral("attendance")}
                                            << QStringLiteral("\"attendance\"");
    }

    void unknownCommandListsCommands()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, named);
        const Run run = cli(arguments);
        QCOMPARE(run.exitCode, 2);
        const QString errors = QString::fromUtf8(run.errors);
        QVERIFY2(errors.contains(named), qPrintable(errors));
        for (const char *command : {"roster import", "roster export", "attendance export", "sync"})
            QVERIFY2(errors.contains(QLatin1String(command)), qPrintable(errors));
    }

    void helpAndMessagesFollowChineseLocale()
    {
        const Run help = cli({QStringLiteral("--help")}, QStringLiteral("zh_CN.UTF-8"));
        QCOMPARE(help.exitCode, 0);
        const QString text = QString::fromUtf8(help.output);
        QVERIFY2(text.contains(QStringLiteral("命令")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("退出状态")), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("Runs one sync")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("roster import 文件")), qPrintable(text));

        // Every English word left after the usage line is syntax: a command
        // word, a format, a JSON field or an environment variable. Option
        // names are skipped, because a hyphen precedes every word of them.
        const QSet<QString> syntax = {
            QStringLiteral("roster"), QStringLiteral("import"), QStringLiteral("export"), QStringLiteral("attendance"),
            QStringLiteral("sync"), QStringLiteral("CSV"), QStringLiteral("TSV"), QStringLiteral("XLSX"),
            QStringLiteral("ODS"), QStringLiteral("csv"), QStringLiteral("xlsx"), QStringLiteral("UTF"),
            QStringLiteral("GB"), QStringLiteral("JSON"), QStringLiteral("HTTPS"), QStringLiteral("http"),
            QStringLiteral("https"), QStringLiteral("school"), QStringLiteral("YYYY"), QStringLiteral("Qt"),
            QStringLiteral("CLASSDESK_PASSWORD"), QStringLiteral("CLASSDESK_OTP"), QStringLiteral("true"),
            QStringLiteral("false"), QStringLiteral("ok"), QStringLiteral("encoding"), QStringLiteral("rows"),
            QStringLiteral("row"), QStringLiteral("student_number"), QStringLiteral("name"), QStringLiteral("gender"),
            QStringLiteral("class"), QStringLiteral("notes"), QStringLiteral("problems"), QStringLiteral("column"),
            QStringLiteral("code"), QStringLiteral("severity"), QStringLiteral("message"), QStringLiteral("applied"),
            QStringLiteral("imported"), QStringLiteral("created"), QStringLiteral("updated"),
            QStringLiteral("unchanged"), QStringLiteral("sign_in_saved"), QStringLiteral("warnings"),
            QStringLiteral("error")};
        const QString afterUsage = text.section(QLatin1Char('\n'), 1);
        QStringList untranslated;
        static const QRegularExpression word(QStringLiteral("(?<![-\\w.:/])[A-Za-z][A-Za-z_]+"));
        for (auto it = word.globalMatch(afterUsage); it.hasNext();) {
            const QString found = it.next().captured();
            if (!syntax.contains(found))
                untranslated << found;
        }
        QCOMPARE(untranslated, QStringList());
        QVERIFY2(text.section(QLatin1Char('\n'), 0, 0).contains(QStringLiteral("[选项] 命令 [参数]")), qPrintable(text));

        const Run english = cli({QStringLiteral("--help")});
        QVERIFY(english.output.contains("Runs one sync"));

        const Run unknown = cli({QStringLiteral("frobnicate")}, QStringLiteral("zh_CN.UTF-8"));
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(QString::fromUtf8(unknown.errors).contains(QStringLiteral("未知命令")), unknown.errors.constData());
    }

    void unusableArgumentsGiveExitTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("code");
        const QString roster = QStringLiteral("roster");
        const QString attendance = QStringLiteral("attendance");
        const QString exportWord = QStringLiteral("export");
        QTest::newRow("no command") << QStringList{} << QStringLiteral("cli.command_missing");
        QTest::newRow("unknown command") << QStringList{roster, QStringLiteral("delete")}
                                         << QStringLiteral("cli.command_unknown");
        QTest::newRow("unknown option") << QStringList{roster, QStringLiteral("import"), QStringLiteral("--bogus")}
                                        << QStringLiteral("cli.option_invalid");
        QTest::newRow("option without value") << QStringList{roster, QStringLiteral("import"), QStringLiteral("--class")}
                                              << QStringLiteral("cli.option_invalid");
        QTest::newRow("import without file") << QStringList{roster, QStringLiteral("import")}
                                             << QStringLiteral("cli.file_count");
        QTest::newRow("unknown encoding") << QStringList{roster, QStringLiteral("import"), fixture("utf8-bom.csv"),
                                                         QStringLiteral("--encoding"), QStringLiteral("latin9")}
                                          << QStringLiteral("cli.encoding_unknown");
        QTest::newRow("export without class") << QStringList{roster, exportWord, QStringLiteral("-o"), QStringLiteral("x.csv")}
                                              << QStringLiteral("cli.option_missing");
        QTest::newRow("unknown format") << QStringList{roster, exportWord, QStringLiteral("--class"), QStringLiteral("一班"),
                                                       QStringLiteral("-o"), QStringLiteral("x.pdf")}
                                        << QStringLiteral("cli.format_unknown");
        QTest::newRow("bad date") << QStringList{attendance, exportWord, QStringLiteral("--class"), QStringLiteral("一班"),
                                                 QStringLiteral("--from"), QStringLiteral("2026-13-01"),
                                                 QStringLiteral("--to"), QStringLiteral("2026-12-31"),
                                                 QStringLiteral("-o"), QStringLiteral("x.xlsx")}
                                  << QStringLiteral("cli.date_invalid");
        QTest::newRow("dates reversed") << QStringList{attendance, exportWord, QStringLiteral("--class"),
                                                       QStringLiteral("一班"), QStringLiteral("--from"),
                                                       QStringLiteral("2026-12-31"), QStringLiteral("--to"),
                                                       QStringLiteral("2026-09-01"), QStringLiteral("-o"),
                                                       QStringLiteral("x.xlsx")}
                                        << QStringLiteral("cli.date_range_invalid");
        QTest::newRow("unknown class") << QStringList{roster, exportWord, QStringLiteral("--class"), QStringLiteral("不存在"),
                                                      QStringLiteral("-o"), QStringLiteral("x.csv")}
                                       << QStringLiteral("cli.class_not_found");
        QTest::newRow("unknown class for attendance")
            << QStringList{attendance, exportWord, QStringLiteral("--class"), QStringLiteral("不存在"),
                           QStringLiteral("--from"), QStringLiteral("2026-09-01"), QStringLiteral("--to"),
                           QStringLiteral("2026-09-30"), QStringLiteral("-o"), QStringLiteral("x.csv")}
            << QStringLiteral("cli.class_not_found");
        QTest::newRow("sync with a file") << QStringList{QStringLiteral("sync"), QStringLiteral("x.csv")}
                                          << QStringLiteral("cli.argument_unexpected");
        QTest::newRow("server without account")
            << QStringList{QStringLiteral("sync"), QStringLiteral("--server"), QStringLiteral("127.0.0.1:9")}
            << QStringLiteral("cli.option_missing");
    }

    void unusableArgumentsGiveExitTwo()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, code);
        const Run run = cli(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.output.isEmpty());
        const QString errors = QString::fromUtf8(run.errors);
        QVERIFY2(errors.contains(QStringLiteral("(error code: %1)").arg(code)), qPrintable(errors));
        if (QTest::currentDataTag() == QByteArray("bad date"))
            QVERIFY(run.errors.contains("2026-13-01"));
    }

    void unusableArgumentsGiveJsonWithJson_data() { unusableArgumentsGiveExitTwo_data(); }

    void unusableArgumentsGiveJsonWithJson()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, code);
        // First, so that an option missing its value at the end does not take --json as the value.
        const Run run = cli(QStringList{QStringLiteral("--json")} + arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.errors.isEmpty(), run.errors.constData());
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(run.output, &parseError);
        QVERIFY2(parseError.error == QJsonParseError::NoError && document.isObject(), run.output.constData());
        const QJsonObject result = document.object();
        QCOMPARE(result.value(QStringLiteral("ok")), QJsonValue(false));
        const QJsonObject error = result.value(QStringLiteral("error")).toObject();
        QCOMPARE(error.value(QStringLiteral("code")).toString(), code);
        QVERIFY(!error.value(QStringLiteral("message")).toString().isEmpty());
        // The message is plain text, because the code has its own field.
        QVERIFY(!error.value(QStringLiteral("message")).toString().contains(code));
    }

    void exportJsonReportsFile_data()
    {
        QTest::addColumn<QStringList>("command");
        QTest::addColumn<QString>("fileName");
        QTest::newRow("roster") << QStringList{QStringLiteral("roster"), QStringLiteral("export")}
                                << QStringLiteral("名单.csv");
        QTest::newRow("attendance") << QStringList{QStringLiteral("attendance"), QStringLiteral("export"),
                                                   QStringLiteral("--from"), QStringLiteral("2026-09-01"),
                                                   QStringLiteral("--to"), QStringLiteral("2026-09-30")}
                                    << QStringLiteral("考勤.xlsx");
    }

    void exportJsonReportsFile()
    {
        QFETCH(QStringList, command);
        QFETCH(QString, fileName);
        QCOMPARE(cli({QStringLiteral("roster"), QStringLiteral("import"), fixture("utf8-bom.csv")}).exitCode, 0);

        const QString output = m_data->filePath(fileName);
        const Run run = cli(command + QStringList{QStringLiteral("--class"), QStringLiteral("高一(3)班"),
                                                  QStringLiteral("-o"), output, QStringLiteral("--json")});
        QVERIFY2(run.exitCode == 0, run.output.constData());
        const QJsonObject result = run.json();
        QCOMPARE(result.value(QStringLiteral("ok")), QJsonValue(true));
        QCOMPARE(result.value(QStringLiteral("output")).toString(), output);
        QVERIFY(result.value(QStringLiteral("students")).toInt() >= 3);
        QVERIFY(QFileInfo::exists(output));
    }

    void rosterExportImportsBackUnchanged()
    {
        QCOMPARE(cli({QStringLiteral("roster"), QStringLiteral("import"), fixture("utf8-bom.csv")}).exitCode, 0);

        for (const QString &format : {QStringLiteral("csv"), QStringLiteral("xlsx")}) {
            const QString exported = m_data->filePath(QStringLiteral("export.") + format);
            const Run exportRun = cli({QStringLiteral("roster"), QStringLiteral("export"), QStringLiteral("--class"),
                                       QStringLiteral("高一(3)班"), QStringLiteral("-o"), exported});
            QVERIFY2(exportRun.exitCode == 0, exportRun.errors.constData());
            QVERIFY(QFile::exists(exported));

            const Run reimport = cli({QStringLiteral("roster"), QStringLiteral("import"), exported,
                                      QStringLiteral("--json")});
            QVERIFY2(reimport.exitCode == 0, reimport.output.constData());
            const QJsonObject imported = reimport.json().value(QStringLiteral("imported")).toObject();
            QCOMPARE(imported.value(QStringLiteral("created")).toInt(), 0);
            QCOMPARE(imported.value(QStringLiteral("updated")).toInt(), 0);
        }
    }

    void attendanceExportWritesFile()
    {
        QCOMPARE(cli({QStringLiteral("roster"), QStringLiteral("import"), fixture("utf8-bom.csv")}).exitCode, 0);
        const QString exported = m_data->filePath(QStringLiteral("考勤.xlsx"));
        const Run run = cli({QStringLiteral("attendance"), QStringLiteral("export"), QStringLiteral("--class"),
                             QStringLiteral("高一(3)班"), QStringLiteral("--from"), QStringLiteral("2026-09-01"),
                             QStringLiteral("--to"), QStringLiteral("2027-01-31"), QStringLiteral("-o"), exported});
        QVERIFY2(run.exitCode == 0, run.errors.constData());
        QFile file(exported);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.read(2) == "PK"); // an XLSX is a zip package
    }

    void exportIntoMissingFolderExplains_data()
    {
        QTest::addColumn<QStringList>("command");
        QTest::addColumn<QString>("fileName");
        const QStringList roster = {QStringLiteral("roster"), QStringLiteral("export")};
        const QStringList attendance = {QStringLiteral("attendance"), QStringLiteral("export"), QStringLiteral("--from"),
                                        QStringLiteral("2026-09-01"), QStringLiteral("--to"), QStringLiteral("2026-09-30")};
        QTest::newRow("roster XLSX") << roster << QStringLiteral("名单.xlsx");
        QTest::newRow("roster CSV") << roster << QStringLiteral("名单.csv");
        QTest::newRow("attendance XLSX") << attendance << QStringLiteral("考勤.xlsx");
        QTest::newRow("attendance CSV") << attendance << QStringLiteral("考勤.csv");
    }

    void exportIntoMissingFolderExplains()
    {
        QFETCH(QStringList, command);
        QFETCH(QString, fileName);
        QCOMPARE(cli({QStringLiteral("roster"), QStringLiteral("import"), fixture("utf8-bom.csv")}).exitCode, 0);

        const QString folder = m_data->filePath(QStringLiteral("缺少的文件夹"));
        const Run run = cli(command + QStringList{QStringLiteral("--class"), QStringLiteral("高一(3)班"),
                                                  QStringLiteral("-o"), folder + QLatin1Char('/') + fileName});
        QCOMPARE(run.exitCode, 1);
        const QString errors = QString::fromUtf8(run.errors);
        QVERIFY2(errors.contains(folder), qPrintable(errors));
        QVERIFY2(!errors.contains(QStringLiteral("[ERROR]")), qPrintable(errors));
        QVERIFY2(!errors.contains(QStringLiteral("permissions")), qPrintable(errors));
        QVERIFY(!QFileInfo::exists(folder));
    }
};

QTEST_GUILESS_MAIN(CliTest)
#include "tst_cli.moc"
