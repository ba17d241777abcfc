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

Status migrateOneStep(Database &database, int fromVersion)
{
    return database.writeTransaction([&]() -> Status {
        // Another connection may have migrated while this one waited for the lock.
        const auto version = database.userVersion();
        if (!version)
            return std::unexpected(version.error());
        if (*version != fromVersion)
            return {};

        if (auto status = database.execute(QString::fromUtf8(migrationSql(fromVersion))); !status)
            return status;
        return database.execute(QStringLiteral("PRAGMA user_version = %1").arg(fromVersion + 1));
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

        qCInfo(lcCoreDb) << "Migrating database schema from version" << *version << "to" << *version + 1;
        if (auto status = migrateOneStep(database, *version); !status)
            return status;
    }
}

} // namespace ClassDesk::Schema
