// SPDX-License-Identifier: GPL-3.0-or-later
#include "uuid7.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QUuid>

#include <array>
#include <mutex>

namespace ClassDesk {

namespace {

constexpr int CounterBits = 12;
constexpr quint32 CounterMax = (1u << CounterBits) - 1;

// A fresh millisecond starts its counter in the lower half, so at least 2048
// ids fit before the timestamp has to be carried forward.
constexpr quint32 CounterSeedMax = CounterMax / 2;

QRandomGenerator64 seededGenerator()
{
    std::array<quint32, 8> seed;
    QRandomGenerator::system()->fillRange(seed.data(), seed.size());
    return QRandomGenerator64(seed.data(), seed.size());
}

struct GeneratorState
{
    std::mutex mutex;
    qint64 lastMilliseconds = -1;
    quint32 counter = 0;
    // Seeded once with 256 bits from the system's generator, because asking
    // that one for every id slowed bulk imports. Ids must be unique, not secret.
    QRandomGenerator64 random = seededGenerator();
};

GeneratorState &state()
{
    static GeneratorState s_state;
    return s_state;
}

struct IdParts
{
    qint64 milliseconds = 0;
    quint32 counter = 0;
    quint64 random = 0;
};

// Chooses the timestamp and counter for the next id, keeping ids ordered,
// and draws its random bits.
IdParts nextParts(qint64 unixMilliseconds)
{
    GeneratorState &generator = state();
    const std::lock_guard lock(generator.mutex);

    if (unixMilliseconds > generator.lastMilliseconds) {
        generator.lastMilliseconds = unixMilliseconds;
        generator.counter = generator.random.bounded(CounterSeedMax + 1);
    } else if (generator.counter < CounterMax) {
        ++generator.counter;
    } else {
        ++generator.lastMilliseconds;
        generator.counter = 0;
    }
    return {generator.lastMilliseconds, generator.counter, generator.random.generate64()};
}

} // namespace

QString Uuid7::generate()
{
    return generateAt(QDateTime::currentMSecsSinceEpoch());
}

QString Uuid7::generateAt(qint64 unixMilliseconds)
{
    const auto [milliseconds, counter, random] = nextParts(unixMilliseconds);

    std::array<quint8, 16> bytes;
    for (int i = 0; i < 6; ++i)
        bytes[i] = quint8(milliseconds >> (8 * (5 - i)));
    bytes[6] = quint8(0x70 | ((counter >> 8) & 0x0f));
    bytes[7] = quint8(counter);
    bytes[8] = quint8(0x80 | (random & 0x3f));
    for (int i = 9; i < 16; ++i)
        bytes[i] = quint8(random >> (8 * (i - 8)));

    // Written by hand because QUuid's conversion allocates twice per id.
    static constexpr char Hex[] = "0123456789abcdef";
    QString text(36, Qt::Uninitialized);
    QChar *out = text.data();
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            *out++ = QLatin1Char('-');
        *out++ = QLatin1Char(Hex[bytes[i] >> 4]);
        *out++ = QLatin1Char(Hex[bytes[i] & 0x0f]);
    }
    return text;
}

qint64 Uuid7::timestampOf(const QString &id)
{
    // QUuid::version() of Qt 6.4 does not know version 7, so the nibble is read directly.
    const QByteArray bytes = QUuid::fromString(id).toRfc4122();
    if ((quint8(bytes[6]) >> 4) != 7 || (quint8(bytes[8]) >> 6) != 2)
        return -1;
    qint64 milliseconds = 0;
    for (int i = 0; i < 6; ++i)
        milliseconds = (milliseconds << 8) | quint8(bytes[i]);
    return milliseconds;
}

} // namespace ClassDesk
