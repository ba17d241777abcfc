// SPDX-License-Identifier: GPL-3.0-or-later
#include "schema.h"

// Conventions of every table that syncs with the platform:
// - id is a client-generated UUIDv7 in text form, so nothing is renamed after sync;
// - server_version is NULL until the platform acknowledged the row;
// - deleted_at marks a soft delete (UTC ms), so the deletion can be sent later;
// - created_at and updated_at are UTC milliseconds;
// - civil dates are 'YYYY-MM-DD' in the school's time zone, times of day 'HH:MM'.

namespace ClassDesk::Schema {

const char *version1Sql()
{
    return R"sql(
CREATE TABLE school (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    time_zone TEXT NOT NULL,
    server_version INTEGER, deleted_at INTEGER,
    created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL
);

CREATE TABLE teacher (
    id TEXT PRIMARY KEY,
    school_id TEXT NOT NULL REFERENCES school(id),
    name TEXT NOT NULL,
    account TEXT,
    server_version INTEGER, deleted_at INTEGER,
    created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL
);

CREATE TABLE class (
    id TEXT PRIMARY KEY,
    school_id TEXT NOT NULL REFERENCES school(id),
    name TEXT NOT NULL,
    grade TEXT NOT NULL DEFAULT '',
    server_version INTEGER, deleted_at INTEGER,
    created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL
);
CREATE INDEX class_school ON class(school_id);

CREATE TABLE student (
    id TEXT PRIMARY KEY,
    school_id TEXT NOT NULL REFERENCES school(id),
    class_id TEXT REFERENCES class(id),
    student_number TEXT NOT NULL,
    name TEXT NOT NULL,
    gender TEXT NOT NULL DEFAULT 'unspecified' CHECK (gender IN ('female', 'male', 'unspecified')),
    notes TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(notes)),
    server_version INTEGER, deleted_at INTEGER,
    created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,
    UNIQUE (school_id, student_number)
);
CREATE INDEX student_class ON student(class_id);
CREATE INDEX student_name ON student(name);

CREATE TABLE course (
    id TEXT PRIMARY KEY,
    school_id TEXT NOT NULL REFERENCES school(id),
    class_id TEXT NOT NULL REFERENCES class(id),
    teacher_id TEXT REFERENCES teacher(id),
    name TEXT NOT NULL,
    subject TEXT NOT NULL DEFAULT '',
    server_version INTEGER, deleted_at INTEGER,
    created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL
);
CREATE INDEX course_class ON course(class_id);

CREATE TABLE lesson (
    id TEXT PRIMARY KEY,
    course_id TEXT NOT NULL REFERENCES course(id),
    date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    period INTEGER NOT NULL CHECK (period >= 1),
    server_version INTEGER, deleted_at INTEGER,
    created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL
);
CREATE INDEX lesson_course_date ON lesson(course_id, date, period);
CREATE INDEX lesson_date ON lesson(date, period);

CREATE TABLE courseware (
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
        CHECK (upload_state IN ('local', 'uploading', 'uploaded', 'failed')),
    remote_id TEXT,
    server_version INTEGER, deleted_at INTEGER,
    created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL
);
CREATE INDEX courseware_content ON courseware(sha256, size_bytes);

CREATE TABLE assignment (
    id TEXT PRIMARY KEY,
    school_id TEXT NOT NULL REFERENCES school(id),
    course_id TEXT REFERENCES course(id),
    title TEXT NOT NULL,
    instructions TEXT NOT NULL DEFAULT '',
    due_date TEXT CHECK (due_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    due_time TEXT CHECK (due_time GLOB '[0-2][0-9]:[0-5][0-9]'),
    due_time_zone TEXT NOT NULL,
    target_class_ids TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(target_class_ids)),
    attachment_ids TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(attachment_ids)),
    state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'scheduled', 'published')),
    publish_at INTEGER,
    server_version INTEGER, deleted_at INTEGER,
    created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL
);
CREATE INDEX assignment_school ON assignment(school_id, due_date);

CREATE TABLE attendance_session (
    id TEXT PRIMARY KEY,
    class_id TEXT NOT NULL REFERENCES class(id),
    date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    period INTEGER NOT NULL CHECK (period >= 1),
    lesson_id TEXT REFERENCES lesson(id),
    server_version INTEGER, deleted_at INTEGER,
    created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,
    UNIQUE (class_id, date, period)
);

CREATE TABLE attendance_record (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES attendance_session(id),
    student_id TEXT NOT NULL REFERENCES student(id),
    status TEXT NOT NULL CHECK (status IN ('present', 'late', 'absent', 'leave', 'early_leave')),
    note TEXT NOT NULL DEFAULT '',
    marked_at INTEGER NOT NULL,
    device TEXT NOT NULL,
    server_version INTEGER, deleted_at INTEGER,
    created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,
    UNIQUE (session_id, student_id)
);
CREATE INDEX attendance_record_student ON attendance_record(student_id);

-- Marks replaced by a later one, kept so the teacher can see what changed.
CREATE TABLE attendance_record_history (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    record_id TEXT NOT NULL REFERENCES attendance_record(id),
    status TEXT NOT NULL,
    note TEXT NOT NULL,
    marked_at INTEGER NOT NULL,
    device TEXT NOT NULL,
    superseded_at INTEGER NOT NULL
);
CREATE INDEX attendance_record_history_record ON attendance_record_history(record_id);

CREATE TABLE submission (
    id TEXT PRIMARY KEY,
    assignment_id TEXT NOT NULL REFERENCES assignment(id),
    student_id TEXT NOT NULL REFERENCES student(id),
    state TEXT NOT NULL DEFAULT 'missing'
        CHECK (state IN ('missing', 'submitted', 'late', 'graded', 'returned')),
    score REAL,
    submitted_at INTEGER,
    server_version INTEGER, deleted_at INTEGER,
    created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,
    UNIQUE (assignment_id, student_id)
);

-- Local changes waiting for the platform, in the order they were made.
CREATE TABLE outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    op TEXT NOT NULL CHECK (op IN ('create', 'update', 'delete', 'mark')),
    payload TEXT NOT NULL CHECK (json_valid(payload)),
    idempotency_key TEXT NOT NULL UNIQUE,
    base_version INTEGER,
    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'acknowledged', 'parked')),
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX outbox_state ON outbox(state, seq);
CREATE INDEX outbox_entity ON outbox(entity, entity_id, state);

CREATE TABLE sync_state (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- A local change the platform did not apply because its copy changed too.
CREATE TABLE conflict (
    id TEXT PRIMARY KEY,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    outbox_seq INTEGER REFERENCES outbox(seq),
    local_payload TEXT NOT NULL,
    server_payload TEXT NOT NULL,
    server_version INTEGER,
    created_at INTEGER NOT NULL,
    resolved_at INTEGER
);
CREATE INDEX conflict_open ON conflict(resolved_at);
)sql";
}

} // namespace ClassDesk::Schema
