// SPDX-License-Identifier: GPL-3.0-or-later
//
// The store on a file system that fills up. diskfill_runner writes until a
// write fails, frees space and writes again; this test checks what it saw.
//
// The real case runs the runner in an unprivileged user and mount namespace
// (unshare --user --map-root-user --mount) on a 1 MiB tmpfs, so the kernel
// returns ENOSPC as on a full disk. Machines that refuse unprivileged
// namespaces skip that case; the page-limit case (SQLite's max_page_count,
// which makes SQLite report SQLITE_FULL without a full file system) always
// runs, so the error path is still covered there.

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct RunnerOutput
{
    int exitCode = -1;
    QHash<QString, QString> values;
    QString errorOutput;
};

RunnerOutput runProgram(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    RunnerOutput output;
    if (!process.waitForFinished(120000)) {
        process.kill();
        process.waitForFinished();
        return output;
    }
    output.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    output.errorOutput = QString::fromLocal8Bit(process.readAllStandardError());
    const QStringList lines = QString::fromUtf8(process.readAllStandardOutput()).split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        const qsizetype space = line.indexOf(QLatin1Char(' '));
        if (space > 0)
            output.values.insert(line.left(space), line.mid(space + 1));
    }
    return output;
}

// A shell line that mounts a small tmpfs on `folder` inside the namespace and
// runs the runner there. The folder and runner paths are quoted for sh.
QStringList namespaceArguments(const QString &folder, const QStringList &runnerArguments)
{
    QString command = QStringLiteral("mount -t tmpfs -o size=1m classdesk-test \"$1\" || exit 97; shift; exec \"$@\"");
    return QStringList{QStringLiteral("--user"), QStringLiteral("--map-root-user"), QStringLiteral("--mount"),
                       QStringLiteral("sh"), QStringLiteral("-c"), command, QStringLiteral("sh"), folder,
                       QStringLiteral(DISKFILL_RUNNER_EXECUTABLE)}
           + runnerArguments;
}

} // namespace

class TestDiskFull : public QObject
{
    Q_OBJECT

private:
    // The checks both cases share: the failure is reported, nothing committed
    // is lost, and writing works again once there is space.
    void verifyFullDiskHandled(const RunnerOutput &output, const QString &expectedMessage)
    {
        QCOMPARE(output.exitCode, 0);
        const int committed = output.values.value(QStringLiteral("committed")).toInt();
        QVERIFY2(committed > 0, "the disk filled before the first student was saved");
        QCOMPARE(output.values.value(QStringLiteral("error")), QStringLiteral("db.disk_full"));
        QCOMPARE(output.values.value(QStringLiteral("message")), expectedMessage);
        QCOMPARE(output.values.value(QStringLiteral("kept")).toInt(), committed);
        QCOMPARE(output.values.value(QStringLiteral("again")), QStringLiteral("saved"));
        QCOMPARE(output.values.value(QStringLiteral("recovered")).toInt(), committed + 1);
        QCOMPARE(output.values.value(QStringLiteral("check")), QStringLiteral("ok"));
    }

private slots:
    void fullTmpfsFailsClearlyAndRecovers_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("expectedMessage");
        QTest::newRow("English") << QString()
                                 << QStringLiteral("The disk is full, so the change was not saved. Free some disk "
                                                   "space and try again.");
        QTest::newRow("Chinese") << QStringLiteral("zh_CN")
                                 << QStringLiteral("磁盘已满，本次修改未保存。请清理部分磁盘空间后重试。");
    }

    void fullTmpfsFailsClearlyAndRecovers()
    {
        QFETCH(QString, language);
        QFETCH(QString, expectedMessage);

        const QString unshare = QStandardPaths::findExecutable(QStringLiteral("unshare"));
        if (unshare.isEmpty())
            QSKIP("unshare (util-linux) is not installed; the page-limit case covers the error path");
        QTemporaryDir mountPoint;
        QVERIFY(mountPoint.isValid());

        QStringList runnerArguments{mountPoint.path(), QStringLiteral("--tmpfs"),
                                    mountPoint.filePath(QStringLiteral("ballast"))};
        if (!language.isEmpty())
            runnerArguments << QStringLiteral("--lang") << language;
        const RunnerOutput output = runProgram(unshare, namespaceArguments(mountPoint.path(), runnerArguments));
        if (output.exitCode == 97 || (output.exitCode == 1 && output.values.isEmpty()))
            QSKIP(qPrintable(QStringLiteral("This machine refuses an unprivileged user and mount namespace: %1")
                                 .arg(output.errorOutput.trimmed())));
        verifyFullDiskHandled(output, expectedMessage);
    }

    void pageLimitFailsClearlyAndRecovers()
    {
        QTemporaryDir folder;
        QVERIFY(folder.isValid());
        const RunnerOutput output =
            runProgram(QStringLiteral(DISKFILL_RUNNER_EXECUTABLE), {folder.path(), QStringLiteral("--page-limit")});
        verifyFullDiskHandled(output, QStringLiteral("The disk is full, so the change was not saved. Free some disk "
                                                     "space and try again."));
    }
};

QTEST_GUILESS_MAIN(TestDiskFull)
#include "tst_diskfull.moc"
