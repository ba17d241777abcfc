// SPDX-License-Identifier: GPL-3.0-or-later
#include "classstore.h"
#include "outboxstore.h"
#include "rosterimportdialog.h"
#include "rosterpreviewjob.h"
#include "workspace.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QFileInfo>
#include <QApplication>
#include <QHeaderView>
#include <QInputMethodEvent>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace ClassDesk;

class RosterImportDialogTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir *m_data = nullptr;
    std::unique_ptr<Workspace> m_workspace;

    static QString fixture(const char *name) { return QStringLiteral(ROSTER_FIXTURES "/") + QLatin1String(name); }

    QString writeFile(const QString &name, const QByteArray &content)
    {
        QFile file(m_data->filePath(name));
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(content);
        return file.fileName();
    }

    QList<Student> students()
    {
        StudentFilter filter;
        filter.schoolId = m_workspace->schoolId();
        return m_workspace->classes().students(filter).value_or(QList<Student>());
    }

    static QString message(const RosterImportDialog &dialog)
    {
        return dialog.findChild<QLabel *>(QStringLiteral("messageLabel"))->text();
    }

    // The text next to the Import button.
    static QString importReason(const RosterImportDialog &dialog)
    {
        return dialog.findChild<QLabel *>(QStringLiteral("importReasonLabel"))->text();
    }

    // Opens the file and waits for the child process's preview.
    static bool preview(RosterImportDialog &dialog, const QString &path)
    {
        QSignalSpy ready(&dialog, &RosterImportDialog::previewReady);
        dialog.openFile(path);
        return ready.wait(30000);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        RosterPreviewJob::setPreviewProgram(QStringLiteral(CLASSDESK_CLI));
    }

    void init()
    {
        m_data = new QTemporaryDir;
        auto workspace = Workspace::open(m_data->path());
        QVERIFY(workspace.has_value());
        m_workspace = std::move(*workspace);
    }

    void cleanup()
    {
        m_workspace.reset();
        delete m_data;
    }

    void fileDialogStartsInExistingFolder()
    {
        QSettings().remove(QStringLiteral("rosterImport/lastFolder"));
        const QString first = RosterImportDialog::startFolder();
        QVERIFY2(QFileInfo(first).isDir(), qPrintable(first));

        // The folder of the last roster opened comes first.
        RosterImportDialog dialog(*m_workspace);
        QVERIFY(preview(dialog, fixture("utf8-bom.csv")));
        QCOMPARE(RosterImportDialog::startFolder(), QFileInfo(fixture("utf8-bom.csv")).absolutePath());

        // A folder removed since falls back to one that exists.
        QSettings().setValue(QStringLiteral("rosterImport/lastFolder"), m_data->filePath(QStringLiteral("gone")));
        QVERIFY(QFileInfo(RosterImportDialog::startFolder()).isDir());
        QSettings().remove(QStringLiteral("rosterImport/lastFolder"));
    }

    void gb18030FileImportsIntoItsClasses()
    {
        RosterImportDialog dialog(*m_workspace);
        QVERIFY(preview(dialog, fixture("gb18030-crlf.csv")));

        QCOMPARE(dialog.findChild<QComboBox *>(QStringLiteral("encodingBox"))->currentData().toInt(),
                 int(TextEncoding::Gb18030));
        QVERIFY(dialog.table()->rowCount() >= 3);
        QCOMPARE(dialog.table()->item(0, 2)->text(), QStringLiteral("张𠮷"));
        QVERIFY(dialog.importButton()->isEnabled());

        QSignalSpy imported(&dialog, &RosterImportDialog::imported);
        QTest::mouseClick(dialog.importButton(), Qt::LeftButton);
        QVERIFY(imported.wait(10000)); // the rows are written off the UI thread
        QCOMPARE(imported.size(), 1);
        QCOMPARE(dialog.summary().created, dialog.table()->rowCount());
        QCOMPARE(students().size(), dialog.table()->rowCount());
        QVERIFY(!dialog.importButton()->isEnabled());
    }

    void problemRowsAreMarkedAndLeftOut()
    {
        const QString path = writeFile(QStringLiteral("problems.csv"),
                                       "学号,姓名\n1001,甲\n1002,\n1003,丙\n1003,丁\n");
        RosterImportDialog dialog(*m_workspace);
        QVERIFY(preview(dialog, path));
        dialog.setClassName(QStringLiteral("初一(2)班"));

        QCOMPARE(dialog.table()->rowCount(), 4);
        QVERIFY(dialog.table()->item(1, 6)->text().contains(QStringLiteral("roster.name_missing")));
        QVERIFY(dialog.table()->item(3, 6)->text().contains(QStringLiteral("roster.number_duplicate")));
        QVERIFY(dialog.table()->item(0, 6)->text().isEmpty());
        QVERIFY(importReason(dialog).isEmpty());
        QVERIFY(dialog.importButton()->text().contains(QLatin1Char('2')));

        QSignalSpy finished(&dialog, &RosterImportDialog::imported);
        QTest::mouseClick(dialog.importButton(), Qt::LeftButton);
        QVERIFY(finished.wait(10000));
        const QList<Student> imported = students();
        QCOMPARE(imported.size(), 2);
        QCOMPARE(m_workspace->classes().classes(m_workspace->schoolId())->size(), 1);
    }

    void fileWithoutClassWaitsForOne()
    {
        const QString path = writeFile(QStringLiteral("noclass.csv"), "学号,姓名\n2001,甲\n");
        RosterImportDialog dialog(*m_workspace);
        QVERIFY(importReason(dialog).contains(QStringLiteral("file")));
        QVERIFY(preview(dialog, path));
        QVERIFY(!dialog.importButton()->isEnabled());
        QVERIFY2(importReason(dialog).contains(QStringLiteral("class")), qPrintable(importReason(dialog)));
        // Without a class no student can be imported, so the button offers no count.
        QCOMPARE(dialog.importButton()->text(), RosterImportDialog::tr("Import"));
        QCOMPARE(dialog.importButton()->toolTip(), importReason(dialog));
        // Choosing the class is the next step, not an error in the file.
        QVERIFY2(message(dialog).contains(QStringLiteral("1 student")), qPrintable(message(dialog)));
        QCOMPARE(dialog.table()->item(0, 6)->text(), QString());

        dialog.setClassName(QStringLiteral("高二(5)班"));
        QVERIFY(dialog.importButton()->isEnabled());
        QCOMPARE(importReason(dialog), QString());
        QCOMPARE(dialog.importButton()->text(), RosterImportDialog::tr("Import %n student(s)", "", 1));

        dialog.setClassName(QString());
        QVERIFY(!dialog.importButton()->isEnabled());
        QVERIFY(importReason(dialog).contains(QStringLiteral("class")));
    }

    void unusableFilesExplainDisabledImport_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("reason");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("roster.file_empty")
                               << QStringLiteral("message above");
        QTest::newRow("header only") << QByteArray("学号,姓名,班级\n") << QStringLiteral("roster.no_students")
                                     << QStringLiteral("message above");
        QTest::newRow("every row has a problem") << QByteArray("学号,姓名,班级\n1001,,一班\n,乙,一班\n")
                                                 << QStringLiteral("roster.name_missing")
                                                 << QStringLiteral("Every row has a problem");
    }

    void unusableFilesExplainDisabledImport()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, code);
        QFETCH(QString, reason);
        const QString path = writeFile(QStringLiteral("roster.csv"), content);
        RosterImportDialog dialog(*m_workspace);
        QVERIFY(preview(dialog, path));
        dialog.setClassName(QStringLiteral("初一(2)班"));

        QVERIFY(!dialog.importButton()->isEnabled());
        QVERIFY2(importReason(dialog).contains(reason), qPrintable(importReason(dialog)));
        QVERIFY2(!dialog.importButton()->text().contains(QLatin1Char('0')), qPrintable(dialog.importButton()->text()));
        const QTableWidgetItem *firstProblem = dialog.table()->item(0, 6);
        QVERIFY2(message(dialog).contains(code) || (firstProblem && firstProblem->text().contains(code)),
                 qPrintable(message(dialog)));
    }

    void problemColumnStaysReadable_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("960x640") << QSize(960, 640);
        QTest::newRow("1366x768") << QSize(1366, 768);
    }

    void problemColumnStaysReadable()
    {
        QFETCH(QSize, size);
        // Long other columns, a duplicate student number and a missing name.
        const QByteArray address = "某某省某某市某某区某某街道幸福小区12栋3单元402室（靠近学校东门的那一栋）";
        const QString path = writeFile(QStringLiteral("wide.csv"),
                                       "学号,姓名,家庭住址,家长电话,备注\n"
                                       "3001,甲," + address + ",13800000001,午托\n"
                                       "3001,乙," + address + ",13800000002,走读\n"
                                       "3003,," + address + ",13800000003,\n");
        RosterImportDialog dialog(*m_workspace);
        dialog.resize(size);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(preview(dialog, path));
        auto *classBox = dialog.findChild<QComboBox *>(QStringLiteral("classBox"));
        // Chinese reaches the field as an input method's commit, not as key presses.
        classBox->lineEdit()->setFocus();
        QInputMethodEvent typed;
        typed.setCommitString(QStringLiteral("高一(3)班"));
        QApplication::sendEvent(classBox->lineEdit(), &typed);
        QCOMPARE(classBox->currentText(), QStringLiteral("高一(3)班"));
        QCoreApplication::processEvents();

        QTableWidget *table = dialog.table();
        QHeaderView *header = table->horizontalHeader();
        const int problemColumn = 6;
        QVERIFY(!table->item(1, problemColumn)->text().isEmpty());
        int longest = 0;
        for (int row = 0; row < table->rowCount(); ++row)
            longest = std::max(longest, table->fontMetrics().horizontalAdvance(table->item(row, problemColumn)->text()));

        // Wide enough for a good part of the longest problem and in view
        // without scrolling sideways.
        const int width = header->sectionSize(problemColumn);
        const int viewWidth = table->viewport()->width();
        const int needed = std::min(longest, viewWidth / 3);
        QVERIFY2(width >= needed, qPrintable(QStringLiteral("%1 px, needs %2").arg(width).arg(needed)));
        const int start = header->sectionViewportPosition(problemColumn);
        QVERIFY2(start >= 0 && start + width <= viewWidth,
                 qPrintable(QStringLiteral("%1 to %2 of %3").arg(start).arg(start + width).arg(viewWidth)));

        // A problem longer than its column wraps, and its row is tall enough for every line.
        for (int row = 0; row < table->rowCount(); ++row) {
            const QString text = table->item(row, problemColumn)->text();
            const QRect lines = table->fontMetrics().boundingRect(QRect(0, 0, width - 8, 10000), Qt::TextWordWrap, text);
            QVERIFY2(table->rowHeight(row) >= lines.height(),
                     qPrintable(QStringLiteral("row %1 is %2 px, its problem needs %3")
                                    .arg(row).arg(table->rowHeight(row)).arg(lines.height())));
        }
    }

    void unknownGenderIsMarkedButImported()
    {
        const QString path = writeFile(QStringLiteral("gender.csv"), "学号,姓名,性别\n5001,甲,X\n5002,乙,男\n");
        RosterImportDialog dialog(*m_workspace);
        QVERIFY(preview(dialog, path));
        dialog.setClassName(QStringLiteral("初一(2)班"));

        QVERIFY(dialog.table()->item(0, 6)->text().contains(QStringLiteral("roster.gender_unknown")));
        // The message names the value; its quotation marks depend on the language.
        QVERIFY(dialog.table()->item(0, 6)->text().contains(QLatin1Char('X')));
        QVERIFY(dialog.table()->item(1, 6)->text().isEmpty());
        QVERIFY(dialog.importButton()->isEnabled());
        QVERIFY(dialog.importButton()->text().contains(QLatin1Char('2')));

        QSignalSpy imported(&dialog, &RosterImportDialog::imported);
        QTest::mouseClick(dialog.importButton(), Qt::LeftButton);
        QVERIFY(imported.wait(10000));
        QCOMPARE(dialog.summary().created, 2);
        QVERIFY(!importReason(dialog).isEmpty());
    }

    void wrongEncodingOffersCandidatesAndReloads()
    {
        RosterImportDialog dialog(*m_workspace);
        QVERIFY(preview(dialog, fixture("gb18030-crlf.csv")));

        // Forcing UTF-8 on GB18030 bytes cannot decode cleanly: nothing may be imported.
        QSignalSpy ready(&dialog, &RosterImportDialog::previewReady);
        dialog.setEncoding(TextEncoding::Utf8);
        QVERIFY(ready.wait(30000));
        QVERIFY(dialog.preview().hasFileProblem());
        QVERIFY(!dialog.importButton()->isEnabled());
        QVERIFY2(importReason(dialog).contains(QStringLiteral("encoding")), qPrintable(importReason(dialog)));
        QVERIFY(message(dialog).contains(QStringLiteral("roster.encoding_invalid")));
        auto *candidates = dialog.findChild<QPlainTextEdit *>(QStringLiteral("encodingPreview"));
        QVERIFY(!candidates->isHidden());
        QVERIFY(candidates->toPlainText().contains(QStringLiteral("张𠮷")));

        dialog.setEncoding(TextEncoding::Gb18030);
        QVERIFY(ready.wait(30000));
        QVERIFY(!dialog.preview().hasFileProblem());
        QVERIFY(dialog.importButton()->isEnabled());
    }

#ifdef Q_OS_UNIX
    void crashingReaderIsExplained()
    {
        // Stands in for a spreadsheet library that aborts on a damaged file.
        const QString crasher = writeFile(QStringLiteral("crash.sh"), "#!/bin/sh\nkill -ABRT $$\n");
        QFile::setPermissions(crasher, QFileDevice::ReadOwner | QFileDevice::ExeOwner);
        RosterPreviewJob::setPreviewProgram(crasher);

        RosterImportDialog dialog(*m_workspace);
        const bool ready = preview(dialog, fixture("utf8-bom.csv"));
        RosterPreviewJob::setPreviewProgram(QStringLiteral(CLASSDESK_CLI));
        QVERIFY(ready);

        QVERIFY(message(dialog).contains(QStringLiteral("utf8-bom.csv")));
        QVERIFY(!dialog.importButton()->isEnabled());
        QCOMPARE(students().size(), 0);
    }
#endif

    void missingReaderIsExplained()
    {
        RosterPreviewJob::setPreviewProgram(m_data->filePath(QStringLiteral("no-such-program")));
        RosterImportDialog dialog(*m_workspace);
        const bool ready = preview(dialog, fixture("utf8-bom.csv"));
        RosterPreviewJob::setPreviewProgram(QStringLiteral(CLASSDESK_CLI));
        QVERIFY(ready);
        QVERIFY(message(dialog).contains(QStringLiteral("no-such-program")));
    }
};

QTEST_MAIN(RosterImportDialogTest)
#include "tst_rosterimportdialog.moc"
