// SPDX-License-Identifier: GPL-3.0-or-later
#include "crypto.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <array>
#include <charconv>
#include <cstdio>
#include <stdexcept>
#include <vector>

namespace ClassDeskServer::Crypto {

Sha256::Sha256()
    : m_context(EVP_MD_CTX_new())
{
    if (!m_context || EVP_DigestInit_ex(m_context, EVP_sha256(), nullptr) != 1)
        throw std::runtime_error("cannot initialise SHA-256");
}

Sha256::~Sha256()
{
    EVP_MD_CTX_free(m_context);
}

void Sha256::add(std::string_view data)
{
    EVP_DigestUpdate(m_context, data.data(), data.size());
}

std::string Sha256::finish()
{
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    EVP_DigestFinal_ex(m_context, digest.data(), &length);
    return {reinterpret_cast<const char *>(digest.data()), length};
}

std::string sha256(std::string_view data)
{
    Sha256 hash;
    hash.add(data);
    return hash.finish();
}

std::string sha256Hex(std::string_view data)
{
    return toHex(sha256(data));
}

std::string toHex(std::string_view bytes)
{
    static constexpr char s_digits[] = "0123456789abcdef";
    std::string text;
    text.reserve(bytes.size() * 2);
    for (const char byte : bytes) {
        const auto value = static_cast<unsigned char>(byte);
        text += s_digits[value >> 4];
        text += s_digits[value & 0x0f];
    }
    return text;
}

std::string base64Encode(std::string_view bytes)
{
    std::string text(4 * ((bytes.size() + 2) / 3), '\0');
    const int length = EVP_EncodeBlock(reinterpret_cast<unsigned char *>(text.data()),
                                       reinterpret_cast<const unsigned char *>(bytes.data()),
                                       static_cast<int>(bytes.size()));
    text.resize(static_cast<size_t>(length));
    return text;
}

std::optional<std::string> base64Decode(std::string_view text)
{
    if (text.size() % 4 != 0)
        return std::nullopt;
    std::string bytes(3 * text.size() / 4, '\0');
    const int length = EVP_DecodeBlock(reinterpret_cast<unsigned char *>(bytes.data()),
                                       reinterpret_cast<const unsigned char *>(text.data()),
                                       static_cast<int>(text.size()));
    if (length < 0)
        return std::nullopt;

    // EVP_DecodeBlock counts padding as zero bytes; drop them again.
    size_t padding = 0;
    if (!text.empty() && text.back() == '=')
        ++padding;
    if (text.size() > 1 && text[text.size() - 2] == '=')
        ++padding;
    bytes.resize(static_cast<size_t>(length) - padding);
    return bytes;
}

std::optional<std::string> base32Decode(std::string_view text)
{
    std::string bytes;
    unsigned int buffer = 0;
    int bits = 0;
    for (const char character : text) {
        if (character == '=' || character == ' ')
            continue;
        int value = -1;
        if (character >= 'A' && character <= 'Z')
            value = character - 'A';
        else if (character >= 'a' && character <= 'z')
            value = character - 'a';
        else if (character >= '2' && character <= '7')
            value = character - '2' + 26;
        if (value < 0)
            return std::nullopt;
        buffer = (buffer << 5) | static_cast<unsigned int>(value);
        bits += 5;
        if (bits >= 8) {
            bits -= 8;
            bytes += static_cast<char>((buffer >> bits) & 0xff);
        }
    }
    return bytes;
}

std::string randomBytes(std::size_t count)
{
    std::string bytes(count, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char *>(bytes.data()), static_cast<int>(count)) != 1)
        throw std::runtime_error("the random number generator failed");
    return bytes;
}

std::string randomToken()
{
    std::string token = base64Encode(randomBytes(32));
    for (char &character : token) {
        if (character == '+')
            character = '-';
        else if (character == '/')
            character = '_';
    }
    while (!token.empty() && token.back() == '=')
        token.pop_back();
    return token;
}

std::string randomUuid()
{
    std::string bytes = randomBytes(16);
    bytes[6] = static_cast<char>((bytes[6] & 0x0f) | 0x40);
    bytes[8] = static_cast<char>((bytes[8] & 0x3f) | 0x80);
    const std::string hex = toHex(bytes);
    return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" + hex.substr(16, 4) + "-"
        + hex.substr(20);
}

namespace {

std::string pbkdf2(std::string_view password, std::string_view salt, int iterations)
{
    std::string key(32, '\0');
    if (PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()),
                          reinterpret_cast<const unsigned char *>(salt.data()), static_cast<int>(salt.size()),
                          iterations, EVP_sha256(), static_cast<int>(key.size()),
                          reinterpret_cast<unsigned char *>(key.data()))
        != 1) {
        throw std::runtime_error("PBKDF2 failed");
    }
    return key;
}

} // namespace

std::string hashPassword(std::string_view password, int iterations)
{
    const std::string salt = randomBytes(16);
    return "pbkdf2-sha256$" + std::to_string(iterations) + "$" + base64Encode(salt) + "$"
        + base64Encode(pbkdf2(password, salt, iterations));
}

bool verifyPassword(std::string_view password, std::string_view stored)
{
    std::vector<std::string_view> parts;
    size_t start = 0;
    for (size_t position = stored.find('$'); position != std::string_view::npos; position = stored.find('$', start)) {
        parts.push_back(stored.substr(start, position - start));
        start = position + 1;
    }
    parts.push_back(stored.substr(start));
    if (parts.size() != 4 || parts[0] != "pbkdf2-sha256")
        return false;

    int iterations = 0;
    const auto [end, error] = std::from_chars(parts[1].data(), parts[1].data() + parts[1].size(), iterations);
    const auto salt = base64Decode(parts[2]);
    const auto expected = base64Decode(parts[3]);
    if (error != std::errc() || iterations <= 0 || !salt || !expected)
        return false;
    return constantTimeEquals(pbkdf2(password, *salt, iterations), *expected);
}

std::string totpCode(std::string_view secret, std::int64_t step)
{
    std::array<unsigned char, 8> counter{};
    for (int i = 7; i >= 0; --i) {
        counter[static_cast<size_t>(i)] = static_cast<unsigned char>(step & 0xff);
        step >>= 8;
    }
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    HMAC(EVP_sha1(), secret.data(), static_cast<int>(secret.size()), counter.data(), counter.size(), digest.data(),
         &length);

    // Dynamic truncation from RFC 4226 section 5.3.
    const unsigned int offset = digest[length - 1] & 0x0f;
    const std::uint32_t binary = ((digest[offset] & 0x7fu) << 24) | (digest[offset + 1] << 16)
        | (digest[offset + 2] << 8) | digest[offset + 3];
    std::array<char, 8> code{};
    std::snprintf(code.data(), code.size(), "%06u", binary % 1000000u);
    return code.data();
}

bool constantTimeEquals(std::string_view left, std::string_view right)
{
    return left.size() == right.size() && CRYPTO_memcmp(left.data(), right.data(), left.size()) == 0;
}

} // namespace ClassDeskServer::Crypto
