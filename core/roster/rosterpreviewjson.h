// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rosterpreview.h"

#include <QJsonObject>

namespace ClassDesk {

// The JSON form of a roster preview, printed by `classdesk-cli roster import
// --json` and read back by the app, which previews files in that child
// process so a parser crash on a damaged file cannot take the app down.
//
// {"encoding": "GB18030" | null, "encoding_detected": bool,
//  "encoding_candidates": [{"encoding", "display_name", "preview", "invalid_count"}],
//  "sheet": "...", "sheets": [...], "header_row": int, "file_problem": bool,
//  "rows": [{"row", "student_number", "name", "gender", "class", "notes": {header: text}}],
//  "problems": [{"row", "column", "kind", "code", "severity": "error" | "warning", "message"}]}
namespace RosterPreviewJson {

[[nodiscard]] QJsonObject toJson(const RosterPreview &preview);
[[nodiscard]] RosterPreview fromJson(const QJsonObject &object);

} // namespace RosterPreviewJson
} // namespace ClassDesk
