#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds ClassDesk and starts the demo: the app with its own demo data folder,
# so trying ClassDesk never touches a teacher's real data.
#
# Extra arguments go to the app, e.g. scripts/run.sh --lang en
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

scripts/setup-debian.sh

cmake --preset release
cmake --build --preset release --parallel "$(nproc)"

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "No display found (neither DISPLAY nor WAYLAND_DISPLAY is set): ClassDesk is a desktop app." >&2
    echo "Run this command in a desktop session, or under a virtual one: xvfb-run -a scripts/run.sh" >&2
    exit 1
fi

demo="$root/build/demo"
mkdir -p "$demo/client"

# TODO: start the reference platform server with demo data and sign the app
# in to it, once the server can generate demo data.
exec "$root/build/release/app/classdesk" --data "$demo/client" "$@"
