// SPDX-License-Identifier: GPL-3.0-or-later
//
// Fuzz entry point for the client's decoding of platform replies. The first
// byte chooses the decoder and the rest is the reply body:
//   'c' a GET /changes page, applied to a real local database;
//   'm' a POST /mutations reply, recorded against sent outbox entries;
//   't' a token endpoint reply;
//   'p' an application/problem+json error body;
//   'a' the account profile.
// A crash, sanitizer report or trap is a bug. A rejected reply is fine.
#include "accountprofile.h"
#include "authclient.h"
#include "changeapplier.h"
#include "database.h"
#include "httperrors.h"
#include "outboxstore.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTemporaryDir>

#include <cstddef>
#include <cstdint>
#include <memory>

using namespace ClassDesk;

namespace {

// One database for the whole run: pages pile up in it as they would over
// months of syncing, which reaches more of the conflict code than a fresh file.
Database &fuzzDatabase()
{
    static QTemporaryDir s_folder;
    static std::unique_ptr<Database> s_database = [] {
        auto opened = Database::open(s_folder.filePath(QStringLiteral("fuzz.sqlite3")));
        if (!opened)
            __builtin_trap();
        return std::move(*opened);
    }();
    return *s_database;
}

void decodeChangesPage(const QByteArray &body)
{
    QJsonParseError parseError;
    const QJsonObject page = QJsonDocument::fromJson(body, &parseError).object();
    if (parseError.error != QJsonParseError::NoError || !page.value(QStringLiteral("changes")).isArray())
        return;
    ChangeApplier applier(fuzzDatabase());
    static_cast<void>(applier.applyPage(page.value(QStringLiteral("changes")).toArray(),
                                        page.value(QStringLiteral("next_cursor")).toString()));
}

// The sent entries are made up to match the reply's length, as the engine
// only records a reply whose result count matches what it sent.
void decodeMutationResults(const QByteArray &body)
{
    QJsonParseError parseError;
    const QJsonArray results =
        QJsonDocument::fromJson(body, &parseError).object().value(QStringLiteral("results")).toArray();
    if (parseError.error != QJsonParseError::NoError || results.size() > 64)
        return;

    QList<OutboxEntry> sent;
    for (qsizetype i = 0; i < results.size(); ++i) {
        OutboxEntry entry;
        entry.seq = i + 1;
        entry.entity = i % 2 == 0 ? QStringLiteral("attendance_record") : QStringLiteral("assignment");
        entry.entityId = results.at(i).toObject().value(QStringLiteral("id")).toString();
        entry.op = QStringLiteral("update");
        entry.idempotencyKey = results.at(i).toObject().value(QStringLiteral("idempotency_key")).toString();
        entry.state = QStringLiteral("sent");
        sent.append(entry);
    }
    OutboxStore outbox(fuzzDatabase());
    ChangeApplier applier(fuzzDatabase());
    static_cast<void>(applier.recordPushResults(outbox, sent, results));
}

void decodeProblem(const QByteArray &body)
{
    HttpResponse response;
    response.status = 400 + int(body.size() % 200);
    response.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/problem+json")});
    response.headers.append({QByteArrayLiteral("Retry-After"), body.left(12)});
    response.body = body;
    const Error error = HttpErrors::fromResponse(response);
    if (error.code.isEmpty() || error.message.isEmpty())
        __builtin_trap(); // every error must reach the teacher with a code and a message
    static_cast<void>(response.retryAfter());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static int s_argc = 1;
    static char s_name[] = "fuzz_syncreplies";
    static char *s_argv[] = {s_name, nullptr};
    static QCoreApplication s_application(s_argc, s_argv);
    static const bool s_quiet = [] {
        // A warning per rejected reply would drown the fuzzer's own output.
        QLoggingCategory::setFilterRules(QStringLiteral("classdesk.*=false"));
        return true;
    }();
    static_cast<void>(s_quiet);

    if (size == 0)
        return 0;
    const QByteArray body(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    switch (data[0]) {
    case 'c':
        decodeChangesPage(body);
        break;
    case 'm':
        decodeMutationResults(body);
        break;
    case 't':
        static_cast<void>(AuthClient::parseTokenReply(body, 200));
        break;
    case 'p':
        decodeProblem(body);
        break;
    case 'a':
        static_cast<void>(AccountProfile::fromJson(body));
        break;
    default:
        break;
    }
    return 0;
}
