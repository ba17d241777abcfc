// SPDX-License-Identifier: GPL-3.0-or-later
#include "authservice.h"

#include "crypto.h"
#include "problem.h"
#include "serverdatabase.h"
#include "serveroptions.h"

#include <httplib.h>

#include <iostream>

namespace ClassDeskServer {

namespace {

constexpr std::int64_t s_totpStepSeconds = 30;

int hexValue(char character)
{
    if (character >= '0' && character <= '9')
        return character - '0';
    if (character >= 'a' && character <= 'f')
        return character - 'a' + 10;
    if (character >= 'A' && character <= 'F')
        return character - 'A' + 10;
    return -1;
}

std::string urlDecode(std::string_view text)
{
    std::string decoded;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '+') {
            decoded += ' ';
        } else if (text[i] == '%' && i + 2 < text.size() && hexValue(text[i + 1]) >= 0 && hexValue(text[i + 2]) >= 0) {
            decoded += static_cast<char>(hexValue(text[i + 1]) * 16 + hexValue(text[i + 2]));
            i += 2;
        } else {
            decoded += text[i];
        }
    }
    return decoded;
}

void sendUnauthorized(httplib::Response &response, std::string_view code, std::string_view detail)
{
    response.set_header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    sendProblem(response, 401, code, detail);
}

} // namespace

std::map<std::string, std::string> parseForm(const std::string &body)
{
    std::map<std::string, std::string> form;
    size_t start = 0;
    while (start <= body.size()) {
        size_t end = body.find('&', start);
        if (end == std::string::npos)
            end = body.size();
        const std::string_view pair(body.data() + start, end - start);
        const size_t equals = pair.find('=');
        if (!pair.empty()) {
            if (equals == std::string_view::npos)
                form[urlDecode(pair)] = "";
            else
                form[urlDecode(pair.substr(0, equals))] = urlDecode(pair.substr(equals + 1));
        }
        start = end + 1;
    }
    return form;
}

AuthService::AuthService(ServerDatabase &database, const ServerOptions &options)
    : m_database(database)
    , m_options(options)
{
}

void AuthService::registerRoutes(httplib::Server &server)
{
    server.Post("/api/v1/auth/token",
                [this](const httplib::Request &request, httplib::Response &response) { handleToken(request, response); });
    server.Post("/api/v1/auth/revoke", [this](const httplib::Request &request, httplib::Response &response) {
        handleRevoke(request, response);
    });
    server.Get("/api/v1/me",
               [this](const httplib::Request &request, httplib::Response &response) { handleMe(request, response); });
}

void AuthService::createTeacher(const Teacher &teacher, const std::string &password, const std::string &totpSecret)
{
    Statement insert(m_database, "INSERT INTO teachers (id, school_id, name, username, password_hash, totp_secret) "
                                 "VALUES (?, ?, ?, ?, ?, ?)");
    insert.bind(1, teacher.id).bind(2, teacher.schoolId).bind(3, teacher.name).bind(4, teacher.username);
    insert.bind(5, Crypto::hashPassword(password, m_options.passwordIterations));
    if (totpSecret.empty())
        insert.bind(6, std::nullopt);
    else
        insert.bind(6, totpSecret);
    insert.run();
}

void AuthService::handleToken(const httplib::Request &request, httplib::Response &response)
{
    if (request.get_header_value("Content-Type").rfind("application/x-www-form-urlencoded", 0) != 0) {
        sendProblem(response, 400, "invalid_request",
                    "The token endpoint takes an application/x-www-form-urlencoded body.");
        return;
    }

    const auto form = parseForm(request.body);
    const auto grant = form.find("grant_type");
    if (grant == form.end() || grant->second.empty()) {
        sendProblem(response, 400, "invalid_request", "The grant_type field is missing.");
        return;
    }
    if (grant->second == "password") {
        handlePasswordGrant(form, request.remote_addr, response);
        return;
    }
    if (grant->second == "refresh_token") {
        handleRefreshGrant(form, response);
        return;
    }
    sendProblem(response, 400, "unsupported_grant_type",
                "The grant_type " + grant->second + " is not supported; use password or refresh_token.");
}

void AuthService::handlePasswordGrant(const std::map<std::string, std::string> &form, const std::string &address,
                                      httplib::Response &response)
{
    const auto username = form.find("username");
    const auto password = form.find("password");
    if (username == form.end() || password == form.end() || username->second.empty()) {
        sendProblem(response, 400, "invalid_request", "The password grant needs username and password fields.");
        return;
    }

    const std::int64_t now = nowSeconds();
    if (const std::int64_t wait = m_throttle.retryAfter(username->second, address, now); wait > 0) {
        response.set_header("Retry-After", std::to_string(wait));
        sendProblem(response, 429, "too_many_attempts",
                    "Too many failed sign-ins for this account; try again in " + std::to_string(wait) + " seconds.");
        return;
    }

    // Look the account up under the lock, but hash outside it: PBKDF2 is slow on purpose.
    std::optional<std::string> teacherId;
    std::string passwordHash;
    std::string totpSecret;
    {
        std::lock_guard lock(m_database.mutex());
        Statement select(m_database, "SELECT id, password_hash, totp_secret FROM teachers WHERE username = ?");
        select.bind(1, username->second);
        if (select.step()) {
            teacherId = select.text(0);
            passwordHash = select.text(1);
            totpSecret = select.text(2);
        }
    }
    // Hash even for unknown accounts, so timing does not reveal which names exist.
    const bool passwordMatches = Crypto::verifyPassword(
        password->second, teacherId ? passwordHash : Crypto::hashPassword("", m_options.passwordIterations));
    if (!teacherId || !passwordMatches) {
        m_throttle.recordFailure(username->second, address, now);
        sendProblem(response, 401, "invalid_credentials", "The user name or password is wrong.");
        return;
    }

    if (!totpSecret.empty()) {
        const auto otp = form.find("otp");
        if (otp == form.end() || otp->second.empty()) {
            sendProblem(response, 401, "otp_required",
                        "This account uses two-step verification; send the one-time code in the otp field.");
            return;
        }
        if (!acceptOtp(*teacherId, totpSecret, otp->second)) {
            m_throttle.recordFailure(username->second, address, now);
            sendProblem(response, 401, "otp_invalid", "The one-time code is wrong, expired or already used.");
            return;
        }
    }

    m_throttle.recordSuccess(username->second, address);
    std::lock_guard lock(m_database.mutex());
    Transaction transaction(m_database);
    const nlohmann::json tokens = issueTokens(*teacherId, Crypto::randomUuid());
    transaction.commit();
    response.set_header("Cache-Control", "no-store");
    sendJson(response, tokens);
}

bool AuthService::acceptOtp(const std::string &teacherId, const std::string &secret, const std::string &code)
{
    const auto key = Crypto::base32Decode(secret);
    if (!key || code.size() != 6)
        return false;

    std::lock_guard lock(m_database.mutex());
    Statement last(m_database, "SELECT totp_last_step FROM teachers WHERE id = ?");
    last.bind(1, teacherId);
    const std::int64_t lastStep = last.step() ? last.integer(0) : 0;

    // Accept one step of clock drift either way; a used step never works twice.
    const std::int64_t current = nowSeconds() / s_totpStepSeconds;
    for (std::int64_t step = current - 1; step <= current + 1; ++step) {
        if (step <= lastStep || !Crypto::constantTimeEquals(Crypto::totpCode(*key, step), code))
            continue;
        Statement update(m_database, "UPDATE teachers SET totp_last_step = ? WHERE id = ?");
        update.bind(1, step).bind(2, teacherId).run();
        return true;
    }
    return false;
}

nlohmann::json AuthService::issueTokens(const std::string &teacherId, const std::string &familyId)
{
    const std::int64_t now = nowSeconds();
    Statement purge(m_database, "DELETE FROM access_tokens WHERE expires_at < ?");
    purge.bind(1, now - 24 * 3600).run();

    const std::string accessToken = Crypto::randomToken();
    const std::string refreshToken = Crypto::randomToken();

    // Only hashes are stored, so a copy of the database contains no usable token.
    Statement access(m_database,
                     "INSERT INTO access_tokens (token_hash, teacher_id, family_id, expires_at) VALUES (?, ?, ?, ?)");
    access.bind(1, Crypto::sha256Hex(accessToken)).bind(2, teacherId).bind(3, familyId);
    access.bind(4, now + m_options.accessTokenTtlSeconds).run();

    Statement refresh(m_database,
                      "INSERT INTO refresh_tokens (token_hash, teacher_id, family_id, expires_at) VALUES (?, ?, ?, ?)");
    refresh.bind(1, Crypto::sha256Hex(refreshToken)).bind(2, teacherId).bind(3, familyId);
    refresh.bind(4, now + m_options.refreshTokenTtlSeconds).run();

    return {
        {"access_token", accessToken},
        {"token_type", "Bearer"},
        {"expires_in", m_options.accessTokenTtlSeconds},
        {"refresh_token", refreshToken},
    };
}

void AuthService::revokeFamily(const std::string &familyId)
{
    Statement refresh(m_database, "UPDATE refresh_tokens SET revoked = 1 WHERE family_id = ?");
    refresh.bind(1, familyId).run();
    Statement access(m_database, "DELETE FROM access_tokens WHERE family_id = ?");
    access.bind(1, familyId).run();
}

void AuthService::handleRefreshGrant(const std::map<std::string, std::string> &form, httplib::Response &response)
{
    const auto token = form.find("refresh_token");
    if (token == form.end() || token->second.empty()) {
        sendProblem(response, 400, "invalid_request", "The refresh_token grant needs a refresh_token field.");
        return;
    }

    std::lock_guard lock(m_database.mutex());
    Transaction transaction(m_database);
    Statement select(m_database,
                     "SELECT teacher_id, family_id, expires_at, rotated, revoked FROM refresh_tokens WHERE token_hash = ?");
    select.bind(1, Crypto::sha256Hex(token->second));
    if (!select.step()) {
        sendProblem(response, 401, "invalid_refresh_token", "The refresh token is unknown.");
        return;
    }
    const std::string teacherId = select.text(0);
    const std::string familyId = select.text(1);
    const bool expired = select.integer(2) < nowSeconds();
    const bool rotated = select.integer(3) != 0;
    const bool revoked = select.integer(4) != 0;

    // A rotated token coming back means two parties hold the family: end all of it.
    if (rotated && !revoked) {
        revokeFamily(familyId);
        transaction.commit();
        std::clog << "classdesk-server: refresh token reused; revoked token family " << familyId << "\n";
        sendProblem(response, 401, "invalid_refresh_token",
                    "The refresh token was already used; every token of this sign-in is now revoked.");
        return;
    }
    if (revoked || expired) {
        sendProblem(response, 401, "invalid_refresh_token", "The refresh token is revoked or expired; sign in again.");
        return;
    }

    Statement rotate(m_database, "UPDATE refresh_tokens SET rotated = 1 WHERE token_hash = ?");
    rotate.bind(1, Crypto::sha256Hex(token->second)).run();
    const nlohmann::json tokens = issueTokens(teacherId, familyId);
    transaction.commit();
    response.set_header("Cache-Control", "no-store");
    sendJson(response, tokens);
}

void AuthService::handleRevoke(const httplib::Request &request, httplib::Response &response)
{
    const auto form = parseForm(request.body);
    const auto token = form.find("token");
    if (token != form.end() && !token->second.empty()) {
        const std::string hash = Crypto::sha256Hex(token->second);
        std::lock_guard lock(m_database.mutex());
        Transaction transaction(m_database);
        Statement family(m_database, "SELECT family_id FROM refresh_tokens WHERE token_hash = ?");
        family.bind(1, hash);
        if (family.step())
            revokeFamily(family.text(0));
        Statement access(m_database, "DELETE FROM access_tokens WHERE token_hash = ?");
        access.bind(1, hash).run();
        transaction.commit();
    }

    // RFC 7009: the response is the same whether or not the token was known.
    sendJson(response, nlohmann::json::object());
}

std::optional<Teacher> AuthService::authenticate(const httplib::Request &request, httplib::Response &response)
{
    const std::string header = request.get_header_value("Authorization");
    constexpr std::string_view prefix = "Bearer ";
    if (header.size() <= prefix.size() || header.compare(0, prefix.size(), prefix) != 0) {
        sendUnauthorized(response, "invalid_token", "Send an access token in the Authorization: Bearer header.");
        return std::nullopt;
    }

    std::lock_guard lock(m_database.mutex());
    Statement select(m_database, "SELECT t.id, t.school_id, t.name, t.username, a.expires_at FROM access_tokens a "
                                 "JOIN teachers t ON t.id = a.teacher_id WHERE a.token_hash = ?");
    select.bind(1, Crypto::sha256Hex(header.substr(prefix.size())));
    if (!select.step()) {
        sendUnauthorized(response, "invalid_token", "The access token is unknown or revoked; sign in again.");
        return std::nullopt;
    }
    if (select.integer(4) < nowSeconds()) {
        sendUnauthorized(response, "token_expired", "The access token expired; refresh it.");
        return std::nullopt;
    }
    return Teacher{select.text(0), select.text(1), select.text(2), select.text(3)};
}

void AuthService::handleMe(const httplib::Request &request, httplib::Response &response)
{
    const auto teacher = authenticate(request, response);
    if (!teacher)
        return;

    std::lock_guard lock(m_database.mutex());
    Statement school(m_database, "SELECT data FROM entities WHERE id = ? AND entity = 'school'");
    school.bind(1, teacher->schoolId);
    const nlohmann::json schoolData = school.step() ? nlohmann::json::parse(school.text(0)) : nlohmann::json::object();
    sendJson(response, {
                           {"teacher", {{"id", teacher->id}, {"name", teacher->name}, {"username", teacher->username}}},
                           {"school",
                            {{"id", teacher->schoolId},
                             {"name", schoolData.value("name", "")},
                             {"time_zone", schoolData.value("time_zone", "Asia/Shanghai")}}},
                       });
}

} // namespace ClassDeskServer
