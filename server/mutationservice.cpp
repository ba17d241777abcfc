// SPDX-License-Identifier: GPL-3.0-or-later
#include "mutationservice.h"

#include "authservice.h"
#include "entityrules.h"
#include "entitystore.h"
#include "problem.h"
#include "serverdatabase.h"

#include <httplib.h>

#include <iostream>

namespace ClassDeskServer {

namespace {

nlohmann::json result(const nlohmann::json &mutation, std::string_view status)
{
    const auto key = mutation.find("idempotency_key");
    return {
        {"idempotency_key", key != mutation.end() && key->is_string() ? *key : nlohmann::json(nullptr)},
        {"status", status},
        {"version", nullptr},
        {"server_copy", nullptr},
        {"reason", nullptr},
    };
}

nlohmann::json rejected(const nlohmann::json &mutation, std::string_view code, std::string_view detail)
{
    nlohmann::json outcome = result(mutation, "rejected");
    outcome["reason"] = {{"code", code}, {"detail", detail}};
    return outcome;
}

nlohmann::json applied(const nlohmann::json &mutation, std::int64_t version)
{
    nlohmann::json outcome = result(mutation, "applied");
    outcome["version"] = version;
    return outcome;
}

nlohmann::json conflict(const nlohmann::json &mutation, const EntityRow &row)
{
    nlohmann::json outcome = result(mutation, "conflict");
    outcome["version"] = row.version;
    outcome["server_copy"] = EntityStore::serverCopy(row);
    return outcome;
}

// Applies a JSON merge of changed fields: a null removes an optional field.
nlohmann::json merged(nlohmann::json base, const nlohmann::json &changes)
{
    for (const auto &[name, value] : changes.items()) {
        if (value.is_null())
            base.erase(name);
        else
            base[name] = value;
    }
    return base;
}

} // namespace

void MutationService::registerRoutes(httplib::Server &server)
{
    server.Post("/api/v1/mutations", [this](const httplib::Request &request, httplib::Response &response) {
        handleMutations(request, response);
    });
}

void MutationService::handleMutations(const httplib::Request &request, httplib::Response &response)
{
    const auto teacher = m_auth.authenticate(request, response);
    if (!teacher)
        return;

    const nlohmann::json body = nlohmann::json::parse(request.body, nullptr, false);
    if (body.is_discarded() || !body.is_object() || !body.contains("mutations") || !body["mutations"].is_array()) {
        sendProblem(response, 400, "invalid_request", "The body must be a JSON object with a mutations array.");
        return;
    }
    const auto &mutations = body["mutations"];
    if (mutations.size() > s_maxBatch) {
        sendProblem(response, 413, "too_many_mutations",
                    "A batch holds at most 500 mutations; this one has " + std::to_string(mutations.size()) + ".");
        return;
    }

    nlohmann::json results = nlohmann::json::array();
    for (const auto &mutation : mutations)
        results.push_back(applyOnce(mutation, *teacher));
    sendJson(response, {{"results", std::move(results)}});
}

nlohmann::json MutationService::applyOnce(const nlohmann::json &mutation, const Teacher &teacher)
{
    if (!mutation.is_object())
        return rejected(mutation, "invalid_mutation", "Each mutation must be a JSON object.");
    const auto key = mutation.find("idempotency_key");
    if (key == mutation.end() || !key->is_string() || key->get<std::string>().empty())
        return rejected(mutation, "invalid_mutation", "idempotency_key must be a non-empty string.");

    // The mutex serialises concurrent retries of one key; the primary key on
    // (teacher, key) would stop a second insert even without it.
    std::lock_guard lock(m_database.mutex());
    Transaction transaction(m_database);

    Statement previous(m_database, "SELECT result FROM mutation_results WHERE teacher_id = ? AND idempotency_key = ?");
    previous.bind(1, teacher.id).bind(2, key->get<std::string>());
    if (previous.step()) {
        nlohmann::json outcome = nlohmann::json::parse(previous.text(0));
        outcome["status"] = "duplicate";
        return outcome;
    }

    EntityStore store(m_database);
    nlohmann::json outcome = apply(mutation, teacher, store);

    // Only applied outcomes are remembered: a conflict or rejection depends on
    // the server's state, so retrying the same key evaluates it again.
    if (outcome["status"] == "applied") {
        Statement remember(m_database,
                           "INSERT INTO mutation_results (teacher_id, idempotency_key, result) VALUES (?, ?, ?)");
        remember.bind(1, teacher.id).bind(2, key->get<std::string>()).bind(3, outcome.dump()).run();
    }
    transaction.commit();
    return outcome;
}

nlohmann::json MutationService::apply(const nlohmann::json &mutation, const Teacher &teacher, EntityStore &store)
{
    const std::string entity = mutation.value("entity", "");
    const std::string op = mutation.value("op", "");
    const std::string id = mutation.contains("id") && mutation["id"].is_string() ? mutation["id"].get<std::string>() : "";

    if (!EntityRules::isKnownEntity(entity))
        return rejected(mutation, "unknown_entity", "The entity \"" + entity + "\" is not one this API knows.");
    if (EntityRules::isReadOnly(entity))
        return rejected(mutation, "read_only_entity", "The " + entity + " is managed by the platform.");
    if (op != "create" && op != "update" && op != "delete")
        return rejected(mutation, "invalid_mutation", "op must be create, update or delete.");
    if (!EntityRules::isUuid(id))
        return rejected(mutation, "invalid_mutation", "id must be a UUID.");
    if (op != "delete" && (!mutation.contains("data") || !mutation["data"].is_object()))
        return rejected(mutation, "invalid_data", "A create or update needs a data object.");
    const auto baseVersion = mutation.find("base_version");
    if (baseVersion != mutation.end() && !baseVersion->is_null() && !baseVersion->is_number_integer())
        return rejected(mutation, "invalid_mutation", "base_version must be an integer or null.");

    if (op == "create")
        return create(mutation, teacher, store);

    // Another teacher's entity is reported exactly like a missing one.
    auto row = store.load(id);
    if (!row || row->entity != entity || !EntityStore::isVisibleTo(*row, teacher))
        return rejected(mutation, "not_found", "No " + entity + " with this id exists for you.");
    if (op == "update")
        return update(mutation, std::move(*row), teacher, store);
    return remove(mutation, std::move(*row), store);
}

nlohmann::json MutationService::create(const nlohmann::json &mutation, const Teacher &teacher, EntityStore &store)
{
    const std::string entity = mutation["entity"];
    const std::string id = mutation["id"];
    nlohmann::json data = mutation["data"];
    data.erase("history");

    if (const auto existing = store.load(id)) {
        if (existing->entity != entity || !EntityStore::isVisibleTo(*existing, teacher))
            return rejected(mutation, "id_taken", "This id is already used; create the entity with a new UUID.");
        if (entity == "attendance_record" && !existing->deleted) {
            if (const auto problem = EntityRules::validate(entity, data, store, teacher))
                return rejected(mutation, "invalid_data", *problem);
            if (data["session_id"] != existing->data["session_id"] || data["student_id"] != existing->data["student_id"])
                return rejected(mutation, "invalid_data", "An attendance record's session_id and student_id are fixed.");
            return markAttendance(mutation, std::move(data), *existing, store);
        }
        // Ids derived from a natural key (attendance sessions) are created by
        // every device that needs them; the same data is the same entity.
        if (!existing->deleted && existing->data == data)
            return applied(mutation, existing->version);
        return conflict(mutation, *existing);
    }

    if (const auto problem = EntityRules::validate(entity, data, store, teacher))
        return rejected(mutation, "invalid_data", *problem);

    const auto naturalKey = EntityRules::naturalKey(entity, data, teacher.schoolId);
    if (naturalKey) {
        // Two devices marking the same student, or a roster imported twice,
        // meet the stored entity instead of creating a duplicate.
        if (const auto twin = store.loadByNaturalKey(entity, *naturalKey)) {
            if (entity == "attendance_record")
                return markAttendance(mutation, std::move(data), *twin, store);
            return conflict(mutation, *twin);
        }
    }

    EntityRow row;
    row.entity = entity;
    row.id = id;
    row.schoolId = teacher.schoolId;
    row.ownerTeacherId = EntityRules::isTeacherOwned(entity) ? teacher.id : std::string();
    row.naturalKey = naturalKey;
    row.version = 1;
    row.data = std::move(data);
    if (entity == "attendance_record")
        row.data["history"] = nlohmann::json::array();
    store.save(row);
    return applied(mutation, row.version);
}

nlohmann::json MutationService::update(const nlohmann::json &mutation, EntityRow row, const Teacher &teacher,
                                       EntityStore &store)
{
    nlohmann::json changes = mutation["data"];
    changes.erase("history");
    if (row.deleted)
        return conflict(mutation, row);

    if (row.entity == "attendance_record") {
        nlohmann::json incoming = merged(row.data, changes);
        incoming.erase("history");
        if (incoming["session_id"] != row.data["session_id"] || incoming["student_id"] != row.data["student_id"])
            return rejected(mutation, "invalid_data", "An attendance record's session_id and student_id are fixed.");
        if (const auto problem = EntityRules::validate(row.entity, incoming, store, teacher))
            return rejected(mutation, "invalid_data", *problem);
        return markAttendance(mutation, std::move(incoming), std::move(row), store);
    }

    const auto baseVersion = mutation.find("base_version");
    if (baseVersion == mutation.end() || baseVersion->is_null())
        return rejected(mutation, "base_version_required", "An update needs the base_version it was made on.");
    if (baseVersion->get<std::int64_t>() != row.version)
        return conflict(mutation, row);

    const nlohmann::json data = merged(row.data, changes);
    if (const auto problem = EntityRules::validate(row.entity, data, store, teacher))
        return rejected(mutation, "invalid_data", *problem);
    const auto naturalKey = EntityRules::naturalKey(row.entity, data, row.schoolId);
    if (naturalKey && naturalKey != row.naturalKey && store.loadByNaturalKey(row.entity, *naturalKey))
        return rejected(mutation, "invalid_data", "Another student in this school has that student_number.");

    row.data = data;
    row.naturalKey = naturalKey;
    ++row.version;
    store.save(row);
    return applied(mutation, row.version);
}

nlohmann::json MutationService::remove(const nlohmann::json &mutation, EntityRow row, EntityStore &store)
{
    // Deleting twice is not an error: the outcome the client wanted holds.
    if (row.deleted)
        return applied(mutation, row.version);

    const auto baseVersion = mutation.find("base_version");
    if (baseVersion != mutation.end() && !baseVersion->is_null() && baseVersion->get<std::int64_t>() != row.version)
        return conflict(mutation, row);

    row.deleted = true;
    ++row.version;
    store.save(row);
    return applied(mutation, row.version);
}

nlohmann::json MutationService::markAttendance(const nlohmann::json &mutation, nlohmann::json incoming,
                                               EntityRow stored, EntityStore &store)
{
    const std::string requestedId = mutation["id"];
    // The caller validated the incoming mark; here only its time decides.
    if (!incoming.contains("marked_at") || !incoming["marked_at"].is_number_integer() || !incoming.contains("status")
        || !incoming["status"].is_string()) {
        return rejected(mutation, "invalid_data", "An attendance mark needs status and marked_at.");
    }

    nlohmann::json history = stored.data.value("history", nlohmann::json::array());
    const auto storedAt = stored.data.value("marked_at", std::int64_t(0));
    const auto incomingAt = incoming["marked_at"].get<std::int64_t>();
    const auto entryOf = [](const nlohmann::json &mark) {
        nlohmann::json entry = {{"status", mark["status"]}, {"marked_at", mark["marked_at"]}};
        if (mark.contains("note"))
            entry["note"] = mark["note"];
        return entry;
    };

    nlohmann::json outcome;
    if (incomingAt > storedAt) {
        history.push_back(entryOf(stored.data));
        incoming["history"] = history;
        stored.data = std::move(incoming);
        ++stored.version;
        store.save(stored);
        outcome = applied(mutation, stored.version);
    } else if (incomingAt == storedAt && incoming.value("status", "") == stored.data.value("status", "")) {
        outcome = applied(mutation, stored.version);
    } else {
        // The server's later mark stays; the losing mark is kept once in history.
        const nlohmann::json loser = entryOf(incoming);
        if (std::find(history.begin(), history.end(), loser) == history.end()) {
            history.push_back(loser);
            stored.data["history"] = history;
            ++stored.version;
            store.save(stored);
        }
        outcome = conflict(mutation, stored);
    }

    // A mark sent under another id updates the stored record, so its copy gives the client the id to keep.
    if (outcome["status"] == "applied" && requestedId != stored.id)
        outcome["server_copy"] = EntityStore::serverCopy(stored);
    return outcome;
}

} // namespace ClassDeskServer
