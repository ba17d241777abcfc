// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rosterpreview.h"
#include "rosterstore.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace ClassDesk {

class RosterImportJob;
class RosterPreviewJob;
class Workspace;

// Imports a roster file in two steps: a preview of every row with its
// problems, where the teacher can change the encoding, the sheet and the
// class, then one transaction that writes the students who have no problem.
class RosterImportDialog : public QDialog
{
    Q_OBJECT

public:
    explicit RosterImportDialog(Workspace &workspace, QWidget *parent = nullptr);

    // Reads `filePath` into the preview; previewReady() follows.
    void openFile(const QString &filePath);

    [[nodiscard]] const RosterPreview &preview() const { return m_preview; }
    [[nodiscard]] QTableWidget *table() const { return m_table; }
    [[nodiscard]] QPushButton *importButton() const { return m_importButton; }
    // Why the Import button is disabled, shown next to it; empty while it is enabled.
    [[nodiscard]] QString importBlockedReason() const;

    // Chooses the class by name; a name that does not exist yet creates a class.
    void setClassName(const QString &name);
    void setEncoding(TextEncoding encoding);

    [[nodiscard]] const RosterImportSummary &summary() const { return m_summary; }

    // The folder the file dialog opens in: the folder of the last roster
    // opened, else Documents, else home. Always an existing folder, because
    // the file dialog puts the last part of a missing path in its name field.
    [[nodiscard]] static QString startFolder();

public slots:
    void chooseFile();
    // Writes the importable rows; imported() or an error message follows.
    void importRows();

signals:
    void previewReady();
    void imported(const RosterImportSummary &summary);

private:
    void buildLayout();
    // Sizes the columns to their contents within the view's width and lets
    // the problems of the given table rows wrap.
    void fitColumns(const QList<int> &rowsWithProblems);
    void runPreview();
    void showPreview();
    void showRows();
    void classChanged();
    void finishImport();
    void showMessage(const QString &message, bool isError);
    void updateImportButton();
    [[nodiscard]] bool rowsNameClasses() const;
    [[nodiscard]] bool classFromFile() const;
    // The class typed or picked for all rows; empty when each row's own class is used.
    [[nodiscard]] QString chosenClassName() const;
    // m_preview as the import would see it with the current class choice.
    [[nodiscard]] RosterPreview effectivePreview() const;

    Workspace &m_workspace;
    RosterPreviewJob *m_job = nullptr;
    RosterImportJob *m_importJob = nullptr;
    QString m_filePath;
    RosterPreview m_preview;
    RosterImportSummary m_summary;
    bool m_updatingChoices = false;
    bool m_imported = false;
    bool m_rowsShownForChosenClass = false;

    QLabel *m_fileLabel = nullptr;
    QComboBox *m_encodingBox = nullptr;
    QPlainTextEdit *m_encodingPreview = nullptr;
    QComboBox *m_sheetBox = nullptr;
    QComboBox *m_classBox = nullptr;
    QLabel *m_messageLabel = nullptr;
    QTableWidget *m_table = nullptr;
    QPushButton *m_importButton = nullptr;
    QLabel *m_importReasonLabel = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace ClassDesk
