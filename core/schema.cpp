// SPDX-License-Identifier: GPL-3.0-or-later
#include "schema.h"

#include "corelogging.h"
#include "database.h"

namespace ClassDesk::Schema {

namespace {

// Returns the SQL that takes the schema from `fromVersion` to the next version.
const char *migrationSql(int fromVersion)
{
    switch (fromVersion) {
    case 0:
        return version1Sql();
    case 1:
        return version2Sql();
    case 2:
        return version3Sql();
    default:
        return nullptr;
    }
}

// Runs the migrations from `fromVersion` up to `toVersion` in one write
// transaction, so a crash leaves the file at `fromVersion` or `toVersion`.
Status migrateSteps(Database &database, int fromVersion, int toVersion)
{
    return database.writeTransaction([&]() -> Status {
        // Another connection may have migrated while this one waited for the lock.
        const auto version = database.userVersion();
        if (!version)
            return std::unexpected(version.error());
        if (*version != fromVersion)
            return {};

        for (int step = fromVersion; step < toVersion; ++step) {
            if (auto status = database.execute(QString::fromUtf8(migrationSql(step))); !status)
                return status;
        }
        return database.execute(QStringLiteral("PRAGMA user_version = %1").arg(toVersion));
    });
}

} // namespace

Status migrate(Database &database)
{
    for (;;) {
        const auto version = database.userVersion();
        if (!version)
            return std::unexpected(version.error());
        if (*version >= CurrentVersion)
            return {};

        // A new file gets the whole schema in one transaction: one commit
        // (and one fsync) instead of one per version. An existing file moves
        // one version per transaction, as each step was tested on a file of
        // the version before it.
        const int target = *version == 0 ? CurrentVersion : *version + 1;
        qCInfo(lcCoreDb) << "Migrating database schema from version" << *version << "to" << target;
        if (auto status = migrateSteps(database, *version, target); !status)
            return status;
    }
}

} // namespace ClassDesk::Schema
