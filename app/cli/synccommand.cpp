// SPDX-License-Identifier: GPL-3.0-or-later
//
// classdesk-cli sync: one sync of a data folder with its platform, for
// computer rooms that sync on a schedule and for scripted checks.

#include "clioutput.h"
#include "commands.h"
#include "terminalprompt.h"
#include "workspace.h"

#include "database.h"
#include "error.h"
#include "synccontroller.h"

#include <QJsonArray>
#include <QTimer>

#include <optional>

namespace ClassDesk::Cli {

namespace {

using namespace std::chrono_literals;

// Counts, error and sign-in of one run, for the summary.
struct SyncOutcome
{
    int pulled = 0;
    int pushed = 0;
    int conflicts = 0;
    Error error; // empty code and message after a success
    bool signInSaved = false;
    QString signInNotSavedCode; // keychain.unavailable or keychain.failed, after a sign-in not kept
};

struct Rejection
{
    QString entity;
    QString id;
    QString reason;
};

// The password for --server/--account: from CLASSDESK_PASSWORD, or typed at
// a terminal. Never from an argument, where other users of the computer
// could read it in the process list.
std::optional<QString> signInPassword(const QString &account)
{
    if (qEnvironmentVariableIsSet("CLASSDESK_PASSWORD"))
        return qEnvironmentVariable("CLASSDESK_PASSWORD");
    if (!stdinIsTerminal())
        return std::nullopt;
    return readHiddenLine(Text::tr("Password for %1: ").arg(account));
}

std::optional<QString> oneTimeCode()
{
    if (qEnvironmentVariableIsSet("CLASSDESK_OTP"))
        return qEnvironmentVariable("CLASSDESK_OTP");
    if (!stdinIsTerminal())
        return std::nullopt;
    return readHiddenLine(Text::tr("One-time code: "));
}

// Local changes the platform did not take; they wait for the teacher.
QList<Rejection> parkedChanges(Database &database)
{
    QList<Rejection> found;
    auto statement = database.prepare("SELECT entity, entity_id, coalesce(last_error, '') FROM outbox "
                                      "WHERE state = 'parked' ORDER BY seq");
    if (!statement)
        return found;
    while (statement->step().value_or(false))
        found.append(Rejection{statement->textAt(0), statement->textAt(1), statement->textAt(2)});
    return found;
}

// Courseware uploads by state: queued, paused, done, needs_attention.
QJsonObject uploadCounts(Database &database)
{
    QJsonObject counts{{QStringLiteral("queued"), 0}, {QStringLiteral("paused"), 0}, {QStringLiteral("done"), 0},
                       {QStringLiteral("needs_attention"), 0}};
    auto statement = database.prepare("SELECT state, count(*) FROM upload GROUP BY state");
    if (!statement)
        return counts;
    while (statement->step().value_or(false))
        counts.insert(statement->textAt(0), int(statement->int64At(1)));
    return counts;
}

// Returns the documented exit status for a failed sign-in's error code. An
// unreachable or busy platform is worth a retry, and an invalid address is an
// argument problem. Everything else (wrong password, rejected one-time code,
// expired sign-in, no keychain) needs a sign-in.
int signInFailureStatus(const QString &code)
{
    static const QStringList s_retryLater = {QStringLiteral("server.rate_limited"),
                                             QStringLiteral("server.service_unavailable"),
                                             QStringLiteral("server.internal_error"),
                                             QStringLiteral("auth.invalid_response")};
    if (code.startsWith(QLatin1String("network.")) || code.startsWith(QLatin1String("http."))
        || s_retryLater.contains(code))
        return ProblemsFound;
    if (code.startsWith(QLatin1String("address.")))
        return UnusableArguments;
    return SignInNeeded;
}

// The warning for a sign-in that works for this run but was not kept.
Error signInNotSavedWarning(const QString &code)
{
    if (code == QLatin1String("keychain.unavailable")) {
        return Error{code, Text::tr("The sign-in was not saved, because the system keychain is not available, so "
                                    "the next classdesk-cli sync needs --server and --account again. Start the "
                                    "keychain (on Linux gnome-keyring or KWallet, in the desktop session that runs "
                                    "this command) to keep the sign-in.")};
    }
    return Error{code, Text::tr("The sign-in could not be saved in the system keychain, so the next classdesk-cli "
                                "sync needs --server and --account again.")};
}

QString reasonText(const QString &reason)
{
    // Reasons set by ClassDesk are translated. The platform's come as "code: detail" in its own words.
    if (reason == QLatin1String("conflict"))
        return Text::tr("the platform's copy changed too; decide on the Sync page");
    if (reason == QLatin1String("clock.suspect"))
        return Text::tr("marked while this computer's clock was wrong; confirm it on the Attendance page");
    return reason;
}

QJsonObject summaryJson(const SyncOutcome &outcome, const QList<Rejection> &rejections, const QJsonObject &uploads,
                        int exitCode, const std::optional<Error> &warning)
{
    QJsonArray warnings;
    if (warning)
        warnings.append(errorJson(*warning));
    QJsonArray rejected;
    for (const Rejection &rejection : rejections) {
        rejected.append(QJsonObject{{QStringLiteral("entity"), rejection.entity},
                                    {QStringLiteral("id"), rejection.id},
                                    {QStringLiteral("reason"), rejection.reason}});
    }
    QJsonObject result{{QStringLiteral("ok"), exitCode == Success || exitCode == NeedsTeacher},
                       {QStringLiteral("pulled"), outcome.pulled},
                       {QStringLiteral("pushed"), outcome.pushed},
                       {QStringLiteral("conflicts"), outcome.conflicts},
                       {QStringLiteral("rejected"), rejected},
                       {QStringLiteral("uploads"), uploads},
                       {QStringLiteral("sign_in_saved"), outcome.signInSaved},
                       {QStringLiteral("warnings"), warnings}};
    if (!outcome.error.code.isEmpty())
        result.insert(QStringLiteral("error"), errorJson(outcome.error));
    return result;
}

void printSummary(const SyncOutcome &outcome, const QList<Rejection> &rejections, const QJsonObject &uploads,
                  bool json, int exitCode)
{
    std::optional<Error> warning;
    if (!outcome.signInNotSavedCode.isEmpty())
        warning = signInNotSavedWarning(outcome.signInNotSavedCode);
    if (json) {
        printJson(summaryJson(outcome, rejections, uploads, exitCode, warning));
        return;
    }

    if (!outcome.error.code.isEmpty())
        printError(outcome.error.displayText());
    // Last, after the summary, where a scheduled task's log shows it.
    const auto printWarning = [&warning] {
        if (warning)
            printError(Text::tr("Warning: %1").arg(warning->displayText()));
    };
    if (exitCode == ProblemsFound) {
        // The engine's messages promise a later retry, which the app makes but this command does not.
        printError(Text::tr("The ClassDesk app tries again by itself, but classdesk-cli does not. The changes "
                            "not sent stay saved in this data folder; run classdesk-cli sync again later."));
    }
    if (exitCode != Success && exitCode != NeedsTeacher) {
        printWarning();
        return;
    }
    printLine(Text::tr("Pulled %n change(s) from the platform.", nullptr, outcome.pulled));
    printLine(Text::tr("Pushed %n local change(s).", nullptr, outcome.pushed));
    printLine(Text::tr("New conflicts: %n.", nullptr, outcome.conflicts));
    printLine(Text::tr("Changes waiting for the teacher: %n.", nullptr, int(rejections.size())));
    for (const Rejection &rejection : rejections)
        printLine(Text::tr("  %1 %2: %3").arg(rejection.entity, rejection.id, reasonText(rejection.reason)));
    printLine(Text::tr("Courseware uploads: %1 done, %2 waiting, %3 need attention.")
                  .arg(uploads.value(QStringLiteral("done")).toInt())
                  .arg(uploads.value(QStringLiteral("queued")).toInt() + uploads.value(QStringLiteral("paused")).toInt())
                  .arg(uploads.value(QStringLiteral("needs_attention")).toInt()));
    printWarning();
}

// Returns the password for --server and --account, nothing when neither is
// given, or the argument error.
Result<std::optional<QString>> signInArguments(const Command &command)
{
    const QString server = command.parser.value(command.options.server);
    const QString account = command.parser.value(command.options.account);
    if (!command.arguments.isEmpty()) {
        return makeError(QStringLiteral("cli.argument_unexpected"),
                         Text::tr("sync takes no file or name; see --help."));
    }
    if (server.isEmpty() != account.isEmpty()) {
        return makeError(QStringLiteral("cli.option_missing"),
                         Text::tr("Give --server and --account together, or neither to use the saved sign-in."));
    }
    if (server.isEmpty())
        return std::optional<QString>();

    const std::optional<QString> password = signInPassword(account);
    if (!password) {
        return makeError(QStringLiteral("cli.password_missing"),
                         Text::tr("No password: set CLASSDESK_PASSWORD or run classdesk-cli in a terminal."));
    }
    return password;
}

} // namespace

int runSync(const Command &command)
{
    const bool json = command.json();
    const auto arguments = signInArguments(command);
    if (!arguments)
        return reportFailure(arguments.error(), json, UnusableArguments);
    const std::optional<QString> password = *arguments;
    const QString server = command.parser.value(command.options.server);
    const QString account = command.parser.value(command.options.account);

    // One run: no timers of their own; a failure ends the command instead of
    // waiting for the engine's next retry.
    SyncSettings settings;
    settings.periodicInterval = 0ms;
    settings.outboxPollInterval = 0ms;
    SyncController sync(command.workspace.databasePath(), settings);

    SyncOutcome outcome;
    std::optional<int> exitCode;
    // The keychain write of a sign-in may end after the sync, and ending the
    // process first would lose the tokens. A sign-in with a password is
    // settled by signInFailed() or signInSaved().
    bool signInSettled = !password;
    const auto exitWhenSettled = [&] {
        if (exitCode && signInSettled)
            QCoreApplication::exit(*exitCode);
    };
    const auto finish = [&](int status, const Error &error = {}) {
        if (exitCode)
            return;
        exitCode = status;
        outcome.error = error;
        exitWhenSettled();
    };
    // The engine's last error, with `fallbackCode` when it set none.
    const auto engineError = [&](const QString &fallbackCode, const QString &fallbackMessage = {}) {
        const QString code = sync.lastErrorCode().isEmpty() ? fallbackCode : sync.lastErrorCode();
        const QString message = sync.lastError().isEmpty() ? fallbackMessage : sync.lastError();
        return Error{code, message};
    };

    QObject::connect(&sync, &SyncController::stateChanged, &sync, [&](SyncEngine::State state) {
        if (state == SyncEngine::State::SignInRequired) {
            const QString code = engineError(QStringLiteral("auth.sign_in_required")).code;
            finish(SignInNeeded, Error{code, Text::tr("The platform no longer accepts the saved sign-in. Sign in "
                                                      "again with --server and --account.")});
        } else if (state == SyncEngine::State::SignedOut && !password) {
            finish(SignInNeeded, Error{QStringLiteral("auth.no_saved_sign_in"),
                                       Text::tr("This data folder has no saved sign-in. Sign in once with --server "
                                                "and --account.")});
        }
    });
    QObject::connect(&sync, &SyncController::otpRequired, &sync, [&] {
        const auto code = oneTimeCode();
        if (!code) {
            signInSettled = true;
            finish(SignInNeeded, Error{QStringLiteral("cli.otp_missing"),
                                       Text::tr("The platform asks for a one-time code: set CLASSDESK_OTP or run "
                                                "classdesk-cli in a terminal.")});
            return;
        }
        sync.submitOtp(*code);
    });
    QObject::connect(&sync, &SyncController::signInFailed, &sync, [&](const QString &message) {
        signInSettled = true;
        // The message already ends with its code; lastError() is the same text without it.
        finish(signInFailureStatus(sync.lastErrorCode()), engineError(QStringLiteral("auth.sign_in_failed"), message));
    });
    QObject::connect(&sync, &SyncController::signInSaved, &sync, [&](bool saved, const QString &errorCode) {
        signInSettled = true;
        outcome.signInSaved = saved;
        outcome.signInNotSavedCode = saved ? QString() : errorCode;
        exitWhenSettled();
    });
    QObject::connect(&sync, &SyncController::lastErrorChanged, &sync, [&] {
        // The engine would wait for the keychain to come up. A scheduled run
        // ends instead, because without a keychain no saved sign-in can be
        // read. A sign-in with a password goes on, and signInSaved() reports
        // that it was not kept.
        if (!password && sync.lastErrorCode() == QLatin1String("keychain.unavailable")) {
            finish(SignInNeeded,
                   Error{sync.lastErrorCode(),
                         Text::tr("The system keychain is not available, so no saved sign-in can be read and "
                                  "none can be kept. Start the keychain (on Linux gnome-keyring or KWallet, in "
                                  "the desktop session that runs this command), then sign in with --server and "
                                  "--account.")});
        }
    });
    QObject::connect(&sync, &SyncController::runCounted, &sync, [&](int pulled, int pushed, int conflicts) {
        outcome.pulled = pulled;
        outcome.pushed = pushed;
        outcome.conflicts = conflicts;
    });
    QObject::connect(&sync, &SyncController::syncFinished, &sync, [&](bool ok) {
        if (!ok) {
            finish(ProblemsFound, engineError(QStringLiteral("sync.failed")));
            return;
        }
        finish(parkedChanges(command.workspace.database()).isEmpty() ? Success : NeedsTeacher);
    });

    // A stalled platform or keychain cannot hold a scheduled task forever.
    QTimer guard;
    guard.setSingleShot(true);
    QObject::connect(&guard, &QTimer::timeout, &sync, [&] {
        signInSettled = true;
        finish(ProblemsFound, Error{QStringLiteral("sync.timed_out"),
                                    Text::tr("The sync did not finish within %n minute(s).", nullptr, 10)});
        exitWhenSettled();
    });
    guard.start(10min);

    if (password)
        sync.signIn(server, account, *password);
    // TODO: the engine starts courseware uploads after the sync, and the
    // command ends without waiting for them; the summary counts their state.
    QCoreApplication::exec();
    // Without --server the sign-in came from the keychain, unless none was found.
    if (!password)
        outcome.signInSaved = *exitCode != SignInNeeded;

    printSummary(outcome, parkedChanges(command.workspace.database()), uploadCounts(command.workspace.database()),
                 json, *exitCode);
    return *exitCode;
}

} // namespace ClassDesk::Cli
