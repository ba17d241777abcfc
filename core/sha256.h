// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <memory>

namespace ClassDesk {

// Incremental SHA-256 through OpenSSL's libcrypto, which uses the processor's
// SHA instructions where it has them: courseware of several GB is hashed on
// import and again per upload chunk, and QCryptographicHash's portable code
// runs at about a third of that speed.
class Sha256
{
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;

    void addData(QByteArrayView data);

    // The 32-byte digest of everything added; the object is spent afterwards.
    [[nodiscard]] QByteArray result();

    [[nodiscard]] static QByteArray hash(QByteArrayView data);

private:
    struct Context;
    std::unique_ptr<Context> m_context;
};

} // namespace ClassDesk
