// SPDX-License-Identifier: GPL-3.0-or-later
#include "rosterpreviewjob.h"

#include "rosterpreviewjson.h"
#include "uilogging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTimer>

namespace ClassDesk {

namespace {

// A whole school's roster reads in about a second; a minute means the child hangs.
constexpr int PreviewTimeoutMilliseconds = 60000;

QString s_previewProgram;

} // namespace

RosterPreviewJob::RosterPreviewJob(QObject *parent)
    : QObject(parent)
    , m_result(std::unexpected(Error{}))
{
}

RosterPreviewJob::~RosterPreviewJob()
{
    cancel();
}

void RosterPreviewJob::setPreviewProgram(const QString &path)
{
    s_previewProgram = path;
}

QString RosterPreviewJob::previewProgram()
{
    if (!s_previewProgram.isEmpty())
        return s_previewProgram;
    if (const QString fromEnvironment = qEnvironmentVariable("CLASSDESK_CLI"); !fromEnvironment.isEmpty())
        return fromEnvironment;
#ifdef Q_OS_WIN
    const QString name = QStringLiteral("classdesk-cli.exe");
#else
    const QString name = QStringLiteral("classdesk-cli");
#endif
    return QDir(QCoreApplication::applicationDirPath()).filePath(name);
}

bool RosterPreviewJob::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

void RosterPreviewJob::start(const Request &request)
{
    cancel();
    m_reported = false;
    m_fileName = QFileInfo(request.filePath).fileName();

    QStringList arguments = {QStringLiteral("--data"), request.dataDirectory, QStringLiteral("roster"),
                             QStringLiteral("import"), request.filePath, QStringLiteral("--dry-run"),
                             QStringLiteral("--json")};
    if (request.encoding)
        arguments << QStringLiteral("--encoding") << TextCodec::name(*request.encoding);
    if (!request.sheetName.isEmpty())
        arguments << QStringLiteral("--sheet") << request.sheetName;

    m_process = new QProcess(this);
    // Messages in the preview follow the app's language, not the system's.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("CLASSDESK_LANGUAGE"), QLocale().name());
    m_process->setProcessEnvironment(environment);
    connect(m_process, &QProcess::finished, this, &RosterPreviewJob::handleFinished);
    connect(m_process, &QProcess::errorOccurred, this, &RosterPreviewJob::handleError);
    QTimer::singleShot(PreviewTimeoutMilliseconds, m_process, [this] {
        fail(QStringLiteral("roster.preview_timeout"),
             tr("Reading %1 took too long and was stopped. Check that it is a roster file, or save it as CSV "
                "and try again.")
                 .arg(m_fileName));
        cancel();
    });
    m_process->start(previewProgram(), arguments);
}

void RosterPreviewJob::cancel()
{
    if (!m_process)
        return;
    QProcess *process = m_process;
    m_process = nullptr;
    process->disconnect(this);
    if (process->state() != QProcess::NotRunning) {
        process->kill();
        process->waitForFinished(1000);
    }
    process->deleteLater();
}

void RosterPreviewJob::fail(const QString &code, const QString &message)
{
    if (m_reported)
        return;
    qCWarning(lcUi) << "Roster preview failed:" << code;
    m_result = std::unexpected(Error{code, message, 0, false});
    m_reported = true;
    emit finished();
}

void RosterPreviewJob::handleError(QProcess::ProcessError error)
{
    if (error != QProcess::FailedToStart)
        return; // crashes and exits arrive through finished()
    fail(QStringLiteral("roster.preview_unavailable"),
         tr("ClassDesk could not start its file reader (%1). Reinstall ClassDesk and try again.")
             .arg(QDir::toNativeSeparators(previewProgram())));
}

void RosterPreviewJob::handleFinished(int exitCode, QProcess::ExitStatus exitStatus)
{
    if (exitStatus == QProcess::CrashExit) {
        fail(QStringLiteral("roster.reader_crashed"),
             tr("The file reader stopped on %1, which is probably damaged. Open it in Excel or WPS, save it "
                "again (or as CSV), and import that file.")
                 .arg(m_fileName));
        return;
    }

    // Exit status 1 still carries a preview: the file's problems are in it.
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(m_process->readAllStandardOutput(), &parseError);
    if (exitCode > 1 || parseError.error != QJsonParseError::NoError || !document.isObject()) {
        const QString detail = QString::fromUtf8(m_process->readAllStandardError()).trimmed();
        fail(QStringLiteral("roster.preview_failed"),
             tr("%1 could not be read (%2). Check that it is a CSV, XLSX or ODS roster file.")
                 .arg(m_fileName, detail.isEmpty() ? parseError.errorString() : detail));
        return;
    }

    m_result = RosterPreviewJson::fromJson(document.object());
    m_reported = true;
    emit finished();
}

} // namespace ClassDesk
