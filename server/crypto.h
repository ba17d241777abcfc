// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

struct evp_md_ctx_st;

namespace ClassDeskServer::Crypto {

// Incremental SHA-256, so uploads are hashed while they stream to disk.
class Sha256
{
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;

    void add(std::string_view data);
    // Finishes the digest and returns its 32 raw bytes.
    [[nodiscard]] std::string finish();

private:
    evp_md_ctx_st *m_context = nullptr;
};

[[nodiscard]] std::string sha256(std::string_view data);
[[nodiscard]] std::string sha256Hex(std::string_view data);
[[nodiscard]] std::string toHex(std::string_view bytes);

[[nodiscard]] std::string base64Encode(std::string_view bytes);
[[nodiscard]] std::optional<std::string> base64Decode(std::string_view text);
[[nodiscard]] std::optional<std::string> base32Decode(std::string_view text);

// Cryptographically random bytes from OpenSSL's generator.
[[nodiscard]] std::string randomBytes(std::size_t count);
// A random URL-safe token with 256 bits of entropy.
[[nodiscard]] std::string randomToken();
// A random RFC 9562 version 4 UUID in lowercase text form.
[[nodiscard]] std::string randomUuid();

// Hashes a password with PBKDF2-HMAC-SHA256 and a random 16-byte salt, as
// "pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>".
[[nodiscard]] std::string hashPassword(std::string_view password, int iterations);
// Checks a password against a hashPassword() string in constant time.
[[nodiscard]] bool verifyPassword(std::string_view password, std::string_view stored);

// RFC 6238 TOTP code (HMAC-SHA1, 6 digits) for a time step of 30 seconds.
[[nodiscard]] std::string totpCode(std::string_view secret, std::int64_t step);

[[nodiscard]] bool constantTimeEquals(std::string_view left, std::string_view right);

} // namespace ClassDeskServer::Crypto
