// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"
#include "rosterpreview.h"
#include "rosterstore.h"

#include <QObject>

#include <memory>

class QThread;

namespace ClassDesk {

class Workspace;

// Writes a roster import in a thread of its own, on its own connection to
// the workspace's database, so a class of thousands of students never blocks
// the UI thread. The workspace's ClassStore::changed() fires for the written
// rows, as for an import on the UI thread.
class RosterImportJob : public QObject
{
    Q_OBJECT

public:
    explicit RosterImportJob(Workspace &workspace, QObject *parent = nullptr);
    // Waits for a running import to end: its transaction commits or rolls back whole.
    ~RosterImportJob() override;

    // Imports `rows` as RosterStore::importRows() does; emits finished() once.
    // A non-empty `className` puts every row into that class, created first
    // when the school has none of that name; otherwise `classId` applies.
    void start(const QList<RosterRow> &rows, const QString &classId, const QString &className = {});
    [[nodiscard]] bool isRunning() const { return m_running; }
    // Valid after finished().
    [[nodiscard]] const Result<RosterImportSummary> &result() const { return m_result; }

signals:
    void finished();

private:
    Workspace &m_workspace;
    std::unique_ptr<QThread> m_thread;
    Result<RosterImportSummary> m_result;
    bool m_running = false;
};

} // namespace ClassDesk
