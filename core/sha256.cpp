// SPDX-License-Identifier: GPL-3.0-or-later
#include "sha256.h"

#include <openssl/evp.h>

namespace ClassDesk {

struct Sha256::Context
{
    EVP_MD_CTX *digest = EVP_MD_CTX_new();

    ~Context() { EVP_MD_CTX_free(digest); }
};

Sha256::Sha256()
    : m_context(std::make_unique<Context>())
{
    // These fail only when memory runs out, so the process cannot continue.
    if (!m_context->digest || EVP_DigestInit_ex(m_context->digest, EVP_sha256(), nullptr) != 1)
        qFatal("OpenSSL failed to initialise SHA-256");
}

Sha256::~Sha256() = default;

void Sha256::addData(QByteArrayView data)
{
    EVP_DigestUpdate(m_context->digest, data.data(), size_t(data.size()));
}

QByteArray Sha256::result()
{
    QByteArray digest(EVP_MAX_MD_SIZE, Qt::Uninitialized);
    unsigned int length = 0;
    EVP_DigestFinal_ex(m_context->digest, reinterpret_cast<unsigned char *>(digest.data()), &length);
    digest.truncate(int(length));
    return digest;
}

QByteArray Sha256::hash(QByteArrayView data)
{
    Sha256 sha256;
    sha256.addData(data);
    return sha256.result();
}

} // namespace ClassDesk
