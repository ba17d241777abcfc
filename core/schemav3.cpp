// SPDX-License-Identifier: GPL-3.0-or-later
#include "schema.h"

namespace ClassDesk::Schema {

// Version 3 adds the upload queue: one row per courseware item that is being
// sent to the platform. The row is local bookkeeping and never syncs, so it
// has no server_version and no outbox entries. upload_url is the tus upload's
// address once the platform created it; confirmed_bytes is the offset the
// server last acknowledged, never a count of bytes the client sent.
const char *version3Sql()
{
    return R"sql(
CREATE TABLE upload (
    courseware_id TEXT PRIMARY KEY REFERENCES courseware(id) ON DELETE CASCADE,
    state TEXT NOT NULL DEFAULT 'queued'
        CHECK (state IN ('queued', 'paused', 'done', 'needs_attention')),
    upload_url TEXT,
    file_id TEXT,
    confirmed_bytes INTEGER NOT NULL DEFAULT 0 CHECK (confirmed_bytes >= 0),
    total_bytes INTEGER NOT NULL CHECK (total_bytes >= 0),
    attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at INTEGER NOT NULL DEFAULT 0,
    last_error_code TEXT,
    last_error_message TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX upload_due ON upload(state, next_attempt_at);
)sql";
}

} // namespace ClassDesk::Schema
