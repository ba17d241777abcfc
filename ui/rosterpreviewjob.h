// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "error.h"
#include "rosterpreview.h"
#include "textcodec.h"

#include <QObject>
#include <QProcess>

#include <optional>

namespace ClassDesk {

// Reads a roster file into a preview in a child process (`classdesk-cli roster
// import --dry-run --json`), so a spreadsheet library that crashes on a
// damaged file takes down only the child, never the teacher's window.
class RosterPreviewJob : public QObject
{
    Q_OBJECT

public:
    struct Request
    {
        QString filePath;
        QString dataDirectory; // the workspace's, so numbers already in use are reported
        std::optional<TextEncoding> encoding;
        QString sheetName;
    };

    explicit RosterPreviewJob(QObject *parent = nullptr);
    ~RosterPreviewJob() override;

    // The classdesk-cli executable: next to the running program unless set,
    // e.g. by tests, or by the CLASSDESK_CLI environment variable.
    static void setPreviewProgram(const QString &path);
    [[nodiscard]] static QString previewProgram();

    // Starts reading; finished() follows once. A running job is stopped first.
    void start(const Request &request);
    void cancel();
    [[nodiscard]] bool isRunning() const;

    [[nodiscard]] const Result<RosterPreview> &result() const { return m_result; }

signals:
    void finished();

private:
    void handleFinished(int exitCode, QProcess::ExitStatus exitStatus);
    void handleError(QProcess::ProcessError error);
    void fail(const QString &code, const QString &message);

    QProcess *m_process = nullptr;
    QString m_fileName;
    Result<RosterPreview> m_result;
    bool m_reported = false;
};

} // namespace ClassDesk
