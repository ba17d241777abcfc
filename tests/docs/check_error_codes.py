#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks that the user guide explains every error code a user can see.

Screens and classdesk-cli show an error's code next to its message, so a
teacher can look the code up in the troubleshooting table of the user guide.
This finds the codes where the source creates errors and fails, naming the
code and its file, when the guide has no table row for one.

Usage: check_error_codes.py SOURCE_ROOT
"""

import pathlib
import re
import sys

# Areas whose codes reach the user. Names in these areas that are not error
# codes (settings keys, sync state values) never appear in the contexts below.
AREAS = ("address", "auth", "cli", "clock", "courseware", "db", "export", "keychain", "local", "network",
         "publish", "roster", "server", "store", "sync", "upload", "backup", "startup")

# An error is made by one of these calls, with its code as the first string.
CONSTRUCTION = re.compile(
    r"(?:makeError|networkError|fail|giveBack|fileProblem|Error\s*\{|return\s*\{|error\.code\s*==)\s*\(?\s*"
    r"(?:QStringLiteral|QLatin1String|QString::fromLatin1)?\(?\s*"
    r'"((?:' + "|".join(AREAS) + r')\.[a-z0-9_]+)"')

# Roster problems get their codes from a table of {kind, "name", "code"} rows.
PROBLEM_CODE = re.compile(r'\{RosterProblemKind::\w+,\s*"[a-z_]+",\s*"(roster\.[a-z0-9_]+)"\}')

# Rows of the guide's table start with the code in backquotes.
TABLE_ROW = re.compile(r"^\|\s*`([a-z0-9_.]+)`\s*\|", re.MULTILINE)


def codes_in_source(root):
    found = {}
    for folder in ("core", "sync", "ui", "app"):
        for path in sorted((root / folder).rglob("*.cpp")):
            text = path.read_text(encoding="utf-8")
            for pattern in (CONSTRUCTION, PROBLEM_CODE):
                for match in pattern.finditer(text):
                    found.setdefault(match.group(1), path.relative_to(root))
    return found


def main():
    root = pathlib.Path(sys.argv[1])
    guide = (root / "docs" / "用户手册.md").read_text(encoding="utf-8")
    documented = set(TABLE_ROW.findall(guide))

    source_codes = codes_in_source(root)
    if len(source_codes) < 20:
        print(f"Only {len(source_codes)} error codes found in the source; the pattern no longer "
              "matches how errors are made.")
        return 1

    missing = sorted(set(source_codes) - documented)
    for code in missing:
        print(f"{code} ({source_codes[code]}) has no row in docs/用户手册.md's error code table")

    print(f"{len(source_codes)} error codes in the source, {len(missing)} undocumented")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
