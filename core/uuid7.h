// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace ClassDesk {

// UUID version 7 ids (RFC 9562): 48 bits of Unix milliseconds,
// then the version, a 12-bit counter in rand_a, the variant and 62 random
// bits. Ids made in one process sort in creation order: within a millisecond
// the counter grows, and when it runs out or the clock steps back the
// timestamp is carried forward instead, as RFC 9562 allows for a fixed-length counter.
class Uuid7
{
public:
    // Generates a new id in lower-case text form without braces.
    [[nodiscard]] static QString generate();

    // Generates an id as if the clock read `unixMilliseconds`; for tests.
    [[nodiscard]] static QString generateAt(qint64 unixMilliseconds);

    // The Unix milliseconds stored in an id, or -1 when `id` is not a UUIDv7.
    [[nodiscard]] static qint64 timestampOf(const QString &id);
};

} // namespace ClassDesk
