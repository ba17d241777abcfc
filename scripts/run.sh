#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds ClassDesk and starts the demo: the reference platform server with a
# made-up school in the background, and the app with its own demo data folder,
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
mkdir -p "$demo/client" "$demo/server"

# The reference platform server with a made-up demo school, on a free
# loopback port, for as long as the app runs.
server_log="$demo/server/server.log"
"$root/build/release/server/classdesk-server" --demo --port 0 --data "$demo/server" >"$server_log" 2>&1 &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true' EXIT

server_url=""
for _ in $(seq 1 100); do
    server_url=$(sed -n 's/^Listening on \(http:[^ ]*\)$/\1/p' "$server_log")
    if [ -n "$server_url" ] || ! kill -0 "$server_pid" 2>/dev/null; then
        break
    fi
    sleep 0.1
done
if [ -z "$server_url" ]; then
    echo "The demo platform server did not start; its log follows:" >&2
    cat "$server_log" >&2
    exit 1
fi
# The server prints the made-up accounts only when it creates the demo
# school, so they are kept for later runs.
accounts="$demo/server/demo-accounts.txt"
if grep -q '^  user ' "$server_log"; then
    grep -E '^(Demo school|  user )' "$server_log" >"$accounts"
fi
cat "$accounts" 2>/dev/null || true
echo "Demo platform server: $server_url (log: $server_log)"

# The app signs in to the demo school as its first made-up teacher. The
# password travels in the environment, which other users cannot read.
account=$(sed -n 's/^  user \([^ ]*\)  password \([^ ]*\) .*/\1/p' "$accounts" | head -n 1)
password=$(sed -n 's/^  user \([^ ]*\)  password \([^ ]*\) .*/\2/p' "$accounts" | head -n 1)
CLASSDESK_PASSWORD="$password" "$root/build/release/app/classdesk" --data "$demo/client" \
    --server "$server_url" --account "$account" "$@"
