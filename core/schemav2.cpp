// SPDX-License-Identifier: GPL-3.0-or-later
#include "schema.h"

namespace ClassDesk::Schema {

// Version 2 prepares lessons for the one-click publish:
// - courseware.upload_state gains 'queued' (waiting for the upload queue).
//   SQLite cannot change a CHECK constraint in place, so the table is rebuilt.
//   No table references courseware in version 1, so the rebuild is safe with
//   foreign keys on.
// - assignment.lesson_id ties an assignment to the timetable lesson it was
//   prepared for (the platform's assignment carries the same field).
// - lesson_courseware lists the courseware prepared for a lesson. A library
//   file may serve many lessons, so this is a link table, not a column.
//   It is local: the platform's contract has no lesson-courseware link yet.
const char *version2Sql()
{
    return R"sql(
CREATE TABLE courseware_v2 (
    id TEXT PRIMARY KEY,
    school_id TEXT NOT NULL REFERENCES school(id),
    sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
    size_bytes INTEGER NOT NULL CHECK (size_bytes >= 0),
    mime_type TEXT NOT NULL,
    title TEXT NOT NULL,
    tags TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags)),
    duration_ms INTEGER,
    page_count INTEGER,
    chapter_marks TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(chapter_marks)),
    upload_state TEXT NOT NULL DEFAULT 'local'
        CHECK (upload_state IN ('local', 'queued', 'uploading', 'uploaded', 'failed')),
    remote_id TEXT,
    server_version INTEGER, deleted_at INTEGER,
    created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL
);
INSERT INTO courseware_v2 (id, school_id, sha256, size_bytes, mime_type, title, tags, duration_ms,
                           page_count, chapter_marks, upload_state, remote_id, server_version,
                           deleted_at, created_at, updated_at)
    SELECT id, school_id, sha256, size_bytes, mime_type, title, tags, duration_ms, page_count,
           chapter_marks, upload_state, remote_id, server_version, deleted_at, created_at, updated_at
    FROM courseware;
DROP TABLE courseware;
ALTER TABLE courseware_v2 RENAME TO courseware;
CREATE INDEX courseware_content ON courseware(sha256, size_bytes);
CREATE INDEX courseware_upload_state ON courseware(upload_state);

ALTER TABLE assignment ADD COLUMN lesson_id TEXT REFERENCES lesson(id);
CREATE INDEX assignment_lesson ON assignment(lesson_id);

CREATE TABLE lesson_courseware (
    lesson_id TEXT NOT NULL REFERENCES lesson(id),
    courseware_id TEXT NOT NULL REFERENCES courseware(id),
    position INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (lesson_id, courseware_id)
);
CREATE INDEX lesson_courseware_courseware ON lesson_courseware(courseware_id);
)sql";
}

} // namespace ClassDesk::Schema
