// SPDX-License-Identifier: GPL-3.0-or-later
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
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

    Run cli(const QStringList &arguments)
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
        environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(CLASSDESK_CLI),
                      QStringList{QStringLiteral("--data"), m_data->path()} + arguments);
        if (!process.waitForFinished(60000))
            return {};
        return Run{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                   process.readAllStandardOutput(), process.readAllStandardError()};
    }

    static QString fixture(const char *name) { return QStringLiteral(ROSTER_FIXTURES "/") + QLatin1String(name); }

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
        QCOMPARE(result.value(QStringLiteral("applied")).toObject().value(QStringLiteral("created")).toInt(),
                 rows.size());
    }

    void reimportChangesNothing()
    {
        const QStringList arguments = {QStringLiteral("roster"), QStringLiteral("import"), fixture("utf8-bom.csv"),
                                       QStringLiteral("--json")};
        QCOMPARE(cli(arguments).exitCode, 0);

        const Run again = cli(arguments);
        QCOMPARE(again.exitCode, 0);
        const QJsonObject applied = again.json().value(QStringLiteral("applied")).toObject();
        QCOMPARE(applied.value(QStringLiteral("created")).toInt(), 0);
        QCOMPARE(applied.value(QStringLiteral("updated")).toInt(), 0);
        QVERIFY(applied.value(QStringLiteral("unchanged")).toInt() >= 3);
    }

    void dryRunWritesNothing()
    {
        const Run preview = cli({QStringLiteral("roster"), QStringLiteral("import"), fixture("utf8-bom.csv"),
                                 QStringLiteral("--dry-run"), QStringLiteral("--json")});
        QCOMPARE(preview.exitCode, 0);
        QVERIFY(preview.json().value(QStringLiteral("applied")).isNull());

        const Run real = cli({QStringLiteral("roster"), QStringLiteral("import"), fixture("utf8-bom.csv"),
                              QStringLiteral("--json")});
        QVERIFY(real.json().value(QStringLiteral("applied")).toObject().value(QStringLiteral("created")).toInt() > 0);
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
        QVERIFY(result.value(QStringLiteral("applied")).isNull());
        const QJsonArray problems = result.value(QStringLiteral("problems")).toArray();
        QCOMPARE(problems.size(), 2);
        for (const QJsonValue &problem : problems) {
            QVERIFY(problem.toObject().value(QStringLiteral("row")).toInt() >= 3);
            QVERIFY(!problem.toObject().value(QStringLiteral("column")).toString().isEmpty());
            QVERIFY(!problem.toObject().value(QStringLiteral("message")).toString().isEmpty());
        }

        const Run skipping = cli({QStringLiteral("roster"), QStringLiteral("import"), file.fileName(),
                                  QStringLiteral("--skip-problem-rows"), QStringLiteral("--json")});
        QCOMPARE(skipping.exitCode, 1);
        // Row 2 has no problem of its own; the later duplicate of its number does.
        QCOMPARE(skipping.json().value(QStringLiteral("applied")).toObject().value(QStringLiteral("created")).toInt(), 1);
    }

    void encodingOptionOverridesDetection()
    {
        const Run wrong = cli({QStringLiteral("roster"), QStringLiteral("import"), fixture("gb18030-crlf.csv"),
                               QStringLiteral("--encoding"), QStringLiteral("UTF-8"), QStringLiteral("--json")});
        QCOMPARE(wrong.exitCode, 1);
        QVERIFY(wrong.json().value(QStringLiteral("applied")).isNull());
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
        QCOMPARE(without.exitCode, 2);
        QVERIFY(without.errors.contains("--class"));

        const Run with = cli({QStringLiteral("roster"), QStringLiteral("import"), file.fileName(), QStringLiteral("--class"),
                              QStringLiteral("初一(2)班"), QStringLiteral("--json")});
        QCOMPARE(with.exitCode, 0);
        QCOMPARE(with.json().value(QStringLiteral("applied")).toObject().value(QStringLiteral("created")).toInt(), 2);
    }

    void unusableArgumentsGiveExitTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("no command") << QStringList{};
        QTest::newRow("unknown command") << QStringList{QStringLiteral("roster"), QStringLiteral("delete")};
        QTest::newRow("import without file") << QStringList{QStringLiteral("roster"), QStringLiteral("import")};
        QTest::newRow("unknown encoding") << QStringList{QStringLiteral("roster"), QStringLiteral("import"),
                                                         fixture("utf8-bom.csv"), QStringLiteral("--encoding"),
                                                         QStringLiteral("latin9")};
        QTest::newRow("export without class") << QStringList{QStringLiteral("roster"), QStringLiteral("export"),
                                                             QStringLiteral("-o"), QStringLiteral("x.csv")};
        QTest::newRow("bad date") << QStringList{QStringLiteral("attendance"), QStringLiteral("export"),
                                                 QStringLiteral("--class"), QStringLiteral("一班"),
                                                 QStringLiteral("--from"), QStringLiteral("2026-13-01"),
                                                 QStringLiteral("--to"), QStringLiteral("2026-12-31"),
                                                 QStringLiteral("-o"), QStringLiteral("x.xlsx")};
        QTest::newRow("unknown class") << QStringList{QStringLiteral("roster"), QStringLiteral("export"),
                                                      QStringLiteral("--class"), QStringLiteral("不存在"),
                                                      QStringLiteral("-o"), QStringLiteral("x.csv")};
    }

    void unusableArgumentsGiveExitTwo()
    {
        QFETCH(QStringList, arguments);
        const Run run = cli(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY(!run.errors.trimmed().isEmpty());
        if (QTest::currentDataTag() == QByteArray("bad date"))
            QVERIFY(run.errors.contains("2026-13-01"));
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
            const QJsonObject applied = reimport.json().value(QStringLiteral("applied")).toObject();
            QCOMPARE(applied.value(QStringLiteral("created")).toInt(), 0);
            QCOMPARE(applied.value(QStringLiteral("updated")).toInt(), 0);
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
