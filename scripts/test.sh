#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds ClassDesk and runs the whole default test suite headless: widgets on
# Xvfb or the offscreen platform, and a private D-Bus session with an unlocked
# GNOME Keyring so the keychain tests use a real secret service.
#
# Extra arguments go to ctest, e.g. scripts/test.sh -R tst_database -V
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

scripts/setup-debian.sh

# The API contract checks use the Node tools pinned in package-lock.json;
# reinstall them only when the lock file changed since the last install.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund
fi

cmake --preset ci
cmake --build --preset ci --parallel "$(nproc)"

# A throwaway home and runtime folder: the keyring, settings and test data of
# one run never meet another's or the developer's own.
session=$(mktemp -d -t classdesk-test-XXXXXX)
trap 'rm -rf "$session"' EXIT
mkdir -m 0700 "$session/home" "$session/runtime"

export HOME="$session/home"
export XDG_RUNTIME_DIR="$session/runtime"
# A Chinese locale name makes Qt pick Simplified Chinese glyphs (Noto Sans CJK SC).
export LANG=zh_CN.UTF-8
export LC_ALL=
export CTEST_OUTPUT_ON_FAILURE=1

xvfb-run -a -s "-screen 0 1280x800x24" \
    dbus-run-session -- sh -c '
        printf "classdesk-test" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
        ctest --preset ci --parallel "$(nproc)" "$@"
    ' sh "$@"
