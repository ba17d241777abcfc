// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "assignmentstore.h"

#include <QTimeZone>
#include <QSet>
#include <QWidget>

class QCheckBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTimeEdit;
class QTimer;

namespace ClassDesk {

class Workspace;

// Edits one assignment: title, instructions (plain text with Markdown-style
// bold and lists), attachments from the courseware library or from disk, target classes,
// due date and time, and when to publish it.
//
// Every edit is saved as a draft shortly after typing stops, each save one
// store transaction with its outbox row. Hiding or destroying the editor saves
// at once, so closing the window loses no typed text. Dates and times are the
// school's civil values: they are shown and stored as they are, never
// converted through the computer's time zone.
class AssignmentEditor : public QWidget
{
    Q_OBJECT

public:
    // How long after the last keystroke a draft is saved.
    static constexpr int SaveDelayMilliseconds = 600;

    explicit AssignmentEditor(Workspace &workspace, QWidget *parent = nullptr);
    ~AssignmentEditor() override;

    // The assignment shown, empty for a new one that has not been saved yet.
    [[nodiscard]] QString assignmentId() const { return m_assignment.id; }
    [[nodiscard]] bool hasUnsavedChanges() const { return m_dirty; }
    [[nodiscard]] QStringList attachmentIds() const { return m_assignment.attachmentIds; }

public slots:
    // Saves the current assignment, then shows `id`. Returns false when it
    // could not be read.
    bool showAssignment(const QString &id);
    // Saves the current assignment, then starts a blank one that is created on
    // its first edit. Returns false when the current one could not be saved.
    bool startNew(const QString &courseId = {}, const QStringList &classIds = {});
    // Writes pending edits now. Returns false (after reporting) when the save failed.
    bool saveNow();

    void publishNow();
    void schedulePublish();
    void returnToDraft();
    void chooseAttachments();
    void setAttachments(const QStringList &coursewareIds);
    // Imports files from disk into the courseware library and attaches them
    // to the assignment shown when the import started; filesAttached() follows.
    void attachFiles(const QStringList &paths);
    void reloadClasses();

signals:
    void saved(const QString &assignmentId);
    void errorOccurred(const QString &message);
    void filesAttached(int attachedCount, int failedCount);

protected:
    void hideEvent(QHideEvent *event) override;

private:
    void buildLayout();
    void connectEdits();
    void scheduleSave();
    void showInWidgets();
    void refreshFromStore();
    void readWidgets();
    void updateStateView();
    void readSchoolZone();
    void filterClasses();
    // Returns the ids of the classes the signed-in teacher teaches, or an
    // empty set when that is unknown, so every class of the school is offered.
    [[nodiscard]] QSet<QString> taughtClassIds();
    void updateZoneLabel();
    void updateAttachmentList();
    void wrapSelection(const QString &marker);
    void prefixLines(const QString &prefix);
    void changeState(AssignmentState state, std::optional<qint64> publishAt);
    void reportError(const Error &error);
    [[nodiscard]] QString schoolTimeText(qint64 utcMs) const;

    Workspace &m_workspace;
    Assignment m_assignment;
    QTimeZone m_schoolZone;
    bool m_dirty = false;
    bool m_loading = false;

    QLineEdit *m_titleEdit = nullptr;
    QPlainTextEdit *m_instructionsEdit = nullptr;
    QPushButton *m_boldButton = nullptr;
    QPushButton *m_listButton = nullptr;
    QListWidget *m_attachmentList = nullptr;
    QPushButton *m_attachButton = nullptr;
    QPushButton *m_attachFileButton = nullptr;
    QPushButton *m_removeAttachmentButton = nullptr;
    QListWidget *m_classList = nullptr;
    QLineEdit *m_classFilterEdit = nullptr;
    QCheckBox *m_otherClassesBox = nullptr;
    QCheckBox *m_dueBox = nullptr;
    QDateEdit *m_dueDateEdit = nullptr;
    QTimeEdit *m_dueTimeEdit = nullptr;
    QLabel *m_zoneLabel = nullptr;
    QLabel *m_stateLabel = nullptr;
    QPushButton *m_publishNowButton = nullptr;
    QDateEdit *m_publishDateEdit = nullptr;
    QTimeEdit *m_publishTimeEdit = nullptr;
    QPushButton *m_scheduleButton = nullptr;
    QPushButton *m_draftButton = nullptr;
    QTimer *m_saveTimer = nullptr;
};

} // namespace ClassDesk
