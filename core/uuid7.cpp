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

struct GeneratorState
{
    std::mutex mutex;
    qint64 lastMilliseconds = -1;
    quint32 counter = 0;
};

GeneratorState &state()
{
    static GeneratorState s_state;
    return s_state;
}

// Chooses the timestamp and counter for the next id, keeping ids ordered.
std::pair<qint64, quint32> nextTimestampAndCounter(qint64 unixMilliseconds)
{
    GeneratorState &generator = state();
    const std::lock_guard lock(generator.mutex);

    if (unixMilliseconds > generator.lastMilliseconds) {
        generator.lastMilliseconds = unixMilliseconds;
        generator.counter = QRandomGenerator::system()->bounded(CounterSeedMax + 1);
    } else if (generator.counter < CounterMax) {
        ++generator.counter;
    } else {
        ++generator.lastMilliseconds;
        generator.counter = 0;
    }
    return {generator.lastMilliseconds, generator.counter};
}

} // namespace

QString Uuid7::generate()
{
    return generateAt(QDateTime::currentMSecsSinceEpoch());
}

QString Uuid7::generateAt(qint64 unixMilliseconds)
{
    const auto [milliseconds, counter] = nextTimestampAndCounter(unixMilliseconds);

    std::array<quint32, 2> random;
    QRandomGenerator::system()->fillRange(random.data(), random.size());

    QByteArray bytes(16, Qt::Uninitialized);
    for (int i = 0; i < 6; ++i)
        bytes[i] = char((milliseconds >> (8 * (5 - i))) & 0xff);
    bytes[6] = char(0x70 | ((counter >> 8) & 0x0f));
    bytes[7] = char(counter & 0xff);
    bytes[8] = char(0x80 | (random[0] & 0x3f));
    bytes[9] = char((random[0] >> 8) & 0xff);
    bytes[10] = char((random[0] >> 16) & 0xff);
    bytes[11] = char((random[0] >> 24) & 0xff);
    for (int i = 0; i < 4; ++i)
        bytes[12 + i] = char((random[1] >> (8 * i)) & 0xff);

    return QUuid::fromRfc4122(bytes).toString(QUuid::WithoutBraces);
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
