// SPDX-License-Identifier: GPL-3.0-or-later
#include "rosterimportdialog.h"

#include "classstore.h"
#include "rosterimportjob.h"
#include "rosterpreviewjob.h"
#include "uilogging.h"
#include "workspace.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QSettings>
#include <QStandardPaths>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ClassDesk {

namespace {

enum Column { RowColumn, NumberColumn, NameColumn, GenderColumn, ClassColumn, NotesColumn, ProblemColumn, ColumnCount };

// The class box's first entry when the file has a class column.
const QString FromFileMarker = QStringLiteral("\x01from-file");

const QString LastFolderKey = QStringLiteral("rosterImport/lastFolder");

const QColor ProblemBackground(0xfb, 0xe0, 0xe0);
const QColor WarningBackground(0xfd, 0xf3, 0xd0);

QString notesText(const QMap<QString, QString> &notes)
{
    QStringList parts;
    for (auto it = notes.cbegin(); it != notes.cend(); ++it)
        parts << QStringLiteral("%1: %2").arg(it.key(), it.value());
    return parts.join(QStringLiteral("; "));
}

} // namespace

RosterImportDialog::RosterImportDialog(Workspace &workspace, QWidget *parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_job(new RosterPreviewJob(this))
    , m_importJob(new RosterImportJob(workspace, this))
{
    setWindowTitle(tr("Import roster"));
    buildLayout();
    connect(m_job, &RosterPreviewJob::finished, this, &RosterImportDialog::showPreview);
    connect(m_importJob, &RosterImportJob::finished, this, &RosterImportDialog::finishImport);
    resize(900, 600);
}

void RosterImportDialog::buildLayout()
{
    m_fileLabel = new QLabel(tr("No file chosen."), this);
    m_fileLabel->setObjectName(QStringLiteral("fileLabel"));
    m_fileLabel->setWordWrap(true);
    auto *chooseButton = new QPushButton(tr("Choose &file…"), this);
    connect(chooseButton, &QPushButton::clicked, this, &RosterImportDialog::chooseFile);

    m_encodingBox = new QComboBox(this);
    m_encodingBox->setObjectName(QStringLiteral("encodingBox"));
    m_encodingBox->setAccessibleName(tr("Text encoding"));
    for (TextEncoding encoding : {TextEncoding::Utf8, TextEncoding::Gb18030, TextEncoding::Utf16LE, TextEncoding::Utf16BE})
        m_encodingBox->addItem(TextCodec::displayName(encoding), int(encoding));
    connect(m_encodingBox, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_updatingChoices)
            runPreview();
    });

    m_encodingPreview = new QPlainTextEdit(this);
    m_encodingPreview->setObjectName(QStringLiteral("encodingPreview"));
    m_encodingPreview->setReadOnly(true);
    m_encodingPreview->setMaximumHeight(90);
    m_encodingPreview->setAccessibleName(tr("The start of the file in the chosen encoding"));
    m_encodingPreview->hide();

    m_sheetBox = new QComboBox(this);
    m_sheetBox->setObjectName(QStringLiteral("sheetBox"));
    m_sheetBox->setAccessibleName(tr("Sheet"));
    connect(m_sheetBox, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_updatingChoices)
            runPreview();
    });

    m_classBox = new QComboBox(this);
    m_classBox->setObjectName(QStringLiteral("classBox"));
    m_classBox->setEditable(true);
    m_classBox->setAccessibleName(tr("Class"));
    m_classBox->lineEdit()->setPlaceholderText(tr("For example 高一(3)班"));
    connect(m_classBox, &QComboBox::currentTextChanged, this, &RosterImportDialog::classChanged);

    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_fileLabel, 1);
    fileRow->addWidget(chooseButton);

    auto *form = new QFormLayout;
    form->addRow(tr("File:"), fileRow);
    form->addRow(tr("&Encoding:"), m_encodingBox);
    form->addRow(m_encodingPreview);
    form->addRow(tr("&Sheet:"), m_sheetBox);
    form->addRow(tr("Import into &class:"), m_classBox);

    m_messageLabel = new QLabel(this);
    m_messageLabel->setObjectName(QStringLiteral("messageLabel"));
    m_messageLabel->setWordWrap(true);

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("previewTable"));
    m_table->setAccessibleName(tr("Students found in the file"));
    m_table->setHorizontalHeaderLabels({tr("Row"), tr("Student number"), tr("Name"), tr("Gender"), tr("Class"),
                                        tr("Other columns"), tr("Problem")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    // The problem explains why a row is left out, so it follows the name
    // instead of trailing behind the file's other, often long, columns.
    m_table->horizontalHeader()->moveSection(ProblemColumn, NameColumn + 1);
    m_table->setWordWrap(true);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_importButton = m_buttons->addButton(tr("Import"), QDialogButtonBox::AcceptRole);
    m_importButton->setObjectName(QStringLiteral("importButton"));
    m_importButton->setEnabled(false);
    connect(m_importButton, &QPushButton::clicked, this, &RosterImportDialog::importRows);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    m_importReasonLabel = new QLabel(this);
    m_importReasonLabel->setObjectName(QStringLiteral("importReasonLabel"));
    m_importReasonLabel->setWordWrap(true);
    m_importReasonLabel->setText(importBlockedReason());
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addWidget(m_importReasonLabel, 1);
    buttonRow->addWidget(m_buttons);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_messageLabel);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttonRow);
}

void RosterImportDialog::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Choose a roster file"), startFolder(),
        tr("Rosters (*.csv *.tsv *.txt *.xlsx *.xlsm *.ods);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

QString RosterImportDialog::startFolder()
{
    const QStringList candidates = {QSettings().value(LastFolderKey).toString(),
                                    QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)};
    for (const QString &folder : candidates) {
        if (!folder.isEmpty() && QFileInfo(folder).isDir())
            return folder;
    }
    return QDir::homePath();
}

void RosterImportDialog::openFile(const QString &filePath)
{
    QSettings().setValue(LastFolderKey, QFileInfo(filePath).absolutePath());
    m_filePath = filePath;
    m_fileLabel->setText(QDir::toNativeSeparators(filePath));
    {
        // A new file starts with detection and its first sheet.
        const QSignalBlocker encodingBlocker(m_encodingBox);
        const QSignalBlocker sheetBlocker(m_sheetBox);
        m_encodingBox->setCurrentIndex(-1);
        m_sheetBox->clear();
    }
    runPreview();
}

void RosterImportDialog::setEncoding(TextEncoding encoding)
{
    m_encodingBox->setCurrentIndex(m_encodingBox->findData(int(encoding)));
}

void RosterImportDialog::setClassName(const QString &name)
{
    const int index = m_classBox->findText(name);
    if (index >= 0)
        m_classBox->setCurrentIndex(index);
    else
        m_classBox->setEditText(name);
}

void RosterImportDialog::runPreview()
{
    if (m_filePath.isEmpty())
        return;

    RosterPreviewJob::Request request;
    request.filePath = m_filePath;
    request.dataDirectory = m_workspace.dataDirectory();
    if (m_encodingBox->currentIndex() >= 0)
        request.encoding = TextEncoding(m_encodingBox->currentData().toInt());
    request.sheetName = m_sheetBox->currentText();

    m_imported = false;
    showMessage(tr("Reading the file…"), false);
    m_job->start(request);
    updateImportButton();
}

bool RosterImportDialog::rowsNameClasses() const
{
    return std::any_of(m_preview.rows.cbegin(), m_preview.rows.cend(),
                       [](const RosterRow &row) { return !row.className.trimmed().isEmpty(); });
}

bool RosterImportDialog::classFromFile() const
{
    // The editable box keeps the marker's data while the teacher types over its text.
    return m_classBox->currentData().toString() == FromFileMarker
           && m_classBox->currentText() == m_classBox->itemText(m_classBox->currentIndex());
}

QString RosterImportDialog::chosenClassName() const
{
    return classFromFile() ? QString() : m_classBox->currentText().trimmed();
}

RosterPreview RosterImportDialog::effectivePreview() const
{
    // The preview comes from classdesk-cli without --class, so it names the
    // rows without a class; a class chosen here gives them one.
    return chosenClassName().isEmpty() ? m_preview : m_preview.forChosenClass();
}

void RosterImportDialog::showPreview()
{
    const Result<RosterPreview> &result = m_job->result();
    if (!result) {
        m_preview = {};
        m_table->setRowCount(0);
        showMessage(result.error().displayText(), true);
        updateImportButton();
        emit previewReady();
        return;
    }
    m_preview = *result;

    m_updatingChoices = true;
    const bool isText = m_preview.encoding.has_value();
    m_encodingBox->setEnabled(isText);
    if (isText)
        setEncoding(*m_preview.encoding);
    m_sheetBox->setEnabled(!m_preview.sheetNames.isEmpty());
    if (m_sheetBox->count() != m_preview.sheetNames.size()) {
        m_sheetBox->clear();
        m_sheetBox->addItems(m_preview.sheetNames);
    }
    m_sheetBox->setCurrentText(m_preview.sheetName);

    // Keep what the teacher typed; otherwise offer the file's own classes.
    const QString typed = m_classBox->currentText();
    m_classBox->clear();
    if (rowsNameClasses())
        m_classBox->addItem(tr("The class in each row's class column"), FromFileMarker);
    if (const auto classes = m_workspace.classes().classes(m_workspace.schoolId())) {
        for (const SchoolClass &schoolClass : *classes)
            m_classBox->addItem(schoolClass.name, schoolClass.id);
    }
    if (!typed.isEmpty() && m_classBox->findText(typed) < 0)
        m_classBox->setEditText(typed);
    else if (!typed.isEmpty())
        m_classBox->setCurrentIndex(m_classBox->findText(typed));
    else if (!rowsNameClasses())
        m_classBox->setEditText(QString());
    m_updatingChoices = false;

    // Live text in each candidate encoding, so the teacher picks the one that reads right.
    m_encodingPreview->setVisible(!m_preview.encodingCandidates.isEmpty());
    QStringList candidateTexts;
    for (const DecodingCandidate &candidate : m_preview.encodingCandidates) {
        candidateTexts << QStringLiteral("%1: %2").arg(TextCodec::displayName(candidate.encoding),
                                                       candidate.preview.left(80).replace(QLatin1Char('\n'), QLatin1Char(' ')));
    }
    m_encodingPreview->setPlainText(candidateTexts.join(QLatin1Char('\n')));

    showRows();
    updateImportButton();
    emit previewReady();
}

void RosterImportDialog::showRows()
{
    const RosterPreview preview = effectivePreview();
    m_rowsShownForChosenClass = !chosenClassName().isEmpty();

    QHash<int, QStringList> problemsByRow;
    QSet<int> rowsWithErrors;
    QStringList fileProblems;
    for (const RosterProblem &problem : preview.problems) {
        if (problem.row == 0) {
            // The text next to the Import button requests the class instead.
            if (problem.kind != RosterProblemKind::ClassMissing)
                fileProblems << problem.displayText();
            continue;
        }
        problemsByRow[problem.row] << problem.displayText();
        if (!problem.isWarning())
            rowsWithErrors.insert(problem.row);
    }

    m_table->setRowCount(int(preview.rows.size()));
    QList<int> tableRowsWithProblems;
    for (int index = 0; index < preview.rows.size(); ++index) {
        const RosterRow &row = preview.rows.at(index);
        const QStringList problems = problemsByRow.value(row.sourceRow);
        if (!problems.isEmpty())
            tableRowsWithProblems.append(index);
        const QStringList cells = {QString::number(row.sourceRow), row.studentNumber, row.name, row.gender,
                                   row.className, notesText(row.notes), problems.join(QLatin1Char(' '))};
        for (int column = 0; column < ColumnCount; ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            if (rowsWithErrors.contains(row.sourceRow))
                item->setBackground(ProblemBackground);
            else if (!problems.isEmpty())
                item->setBackground(WarningBackground);
            m_table->setItem(index, column, item);
        }
    }
    fitColumns(tableRowsWithProblems);

    const int warned = int(problemsByRow.size() - rowsWithErrors.size());
    if (!fileProblems.isEmpty()) {
        showMessage(fileProblems.join(QLatin1Char('\n')), true);
    } else if (!rowsWithErrors.isEmpty()) {
        showMessage(tr("%n row(s) have problems and are marked in red. They are left out unless you fix the file "
                       "and choose it again.",
                       "", int(rowsWithErrors.size())),
                    true);
    } else if (warned > 0) {
        showMessage(tr("%n row(s) have warnings and are marked in yellow. These students are imported too.",
                       "", warned),
                    false);
    } else {
        showMessage(tr("%n student(s) found. Nothing is saved until you import.", "", int(preview.rows.size())),
                    false);
    }
}

void RosterImportDialog::fitColumns(const QList<int> &rowsWithProblems)
{
    m_table->resizeColumnsToContents();

    // Long other columns or problems would push the rest out of view. Each
    // column gets a share of the view and long problems wrap inside theirs.
    QHeaderView *header = m_table->horizontalHeader();
    const int viewWidth = m_table->viewport()->width();
    for (int column = 0; column < ColumnCount; ++column) {
        const int share = column == ProblemColumn ? viewWidth * 2 / 5 : viewWidth / 4;
        const int headerWidth = header->sectionSizeHint(column);
        if (header->sectionSize(column) > share)
            header->resizeSection(column, std::max(share, headerWidth));
    }
    // Only rows with a problem can wrap. Sizing every row of a large roster
    // would hold up the UI thread.
    for (int row : rowsWithProblems)
        m_table->resizeRowToContents(row);
}

void RosterImportDialog::classChanged()
{
    if (m_updatingChoices)
        return;
    // Choosing a class for all rows, or going back to each row's own, changes which rows have problems.
    if (m_rowsShownForChosenClass != !chosenClassName().isEmpty())
        showRows();
    updateImportButton();
}

QString RosterImportDialog::importBlockedReason() const
{
    if (m_filePath.isEmpty())
        return tr("Choose a roster file to import.");
    if (m_job->isRunning())
        return tr("Wait until the file has been read.");
    if (m_importJob->isRunning())
        return tr("Importing…");
    if (m_imported)
        return tr("This file has been imported. Choose another file to import more students.");
    if (!m_job->result())
        return tr("The file could not be read; the message above says why.");

    const RosterPreview preview = effectivePreview();
    for (const RosterProblem &problem : preview.problems) {
        if (problem.row != 0 || problem.isWarning())
            continue;
        if (problem.kind == RosterProblemKind::Encoding)
            return tr("The text is unreadable in this encoding. Choose the encoding in which it reads right.");
        if (problem.kind == RosterProblemKind::ClassMissing)
            return tr("Choose the class to import the students into.");
        return tr("The file cannot be imported as it is; the message above says why.");
    }
    if (m_classBox->currentText().trimmed().isEmpty())
        return tr("Choose the class to import the students into.");
    if (preview.importableRows().isEmpty())
        return tr("Every row has a problem. Fix the file and choose it again.");
    return {};
}

void RosterImportDialog::updateImportButton()
{
    const RosterPreview preview = effectivePreview();
    const int importable = int(preview.importableRows().size());
    const QString reason = importBlockedReason();
    m_importButton->setEnabled(reason.isEmpty());
    m_importReasonLabel->setText(reason);
    // A disabled button shows its reason on hover too, next to the label.
    m_importButton->setToolTip(reason);

    // A count only while the rows can be imported: before a class is chosen
    // every row lacks one, and "Import 0 students" offers nothing.
    if (!reason.isEmpty() || importable == 0)
        m_importButton->setText(tr("Import"));
    else if (importable == preview.rows.size())
        m_importButton->setText(tr("Import %n student(s)", "", importable));
    else
        m_importButton->setText(tr("Import %n student(s) without problems", "", importable));
}

void RosterImportDialog::importRows()
{
    if (!importBlockedReason().isEmpty())
        return;

    // The class and the rows are written off the UI thread; finishImport()
    // reports the result.
    showMessage(tr("Importing…"), false);
    m_importJob->start(effectivePreview().importableRows(), {}, chosenClassName());
    updateImportButton();
}

void RosterImportDialog::finishImport()
{
    const auto &summary = m_importJob->result();
    if (!summary) {
        showMessage(summary.error().displayText(), true);
        updateImportButton();
        return;
    }
    m_summary = *summary;
    m_imported = true;
    showMessage(tr("Imported: %1 new, %2 updated, %3 unchanged.")
                    .arg(summary->created)
                    .arg(summary->updated)
                    .arg(summary->unchanged),
                false);
    updateImportButton();
    emit imported(*summary);
}

void RosterImportDialog::showMessage(const QString &message, bool isError)
{
    m_messageLabel->setText(message);
    m_messageLabel->setStyleSheet(isError ? QStringLiteral("color: #a40000;") : QString());
}

} // namespace ClassDesk
