#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds the .deb, checks its metadata, unpacks it into a throwaway root,
# starts the unpacked app on the current X display and checks that its window
# comes up in Chinese, then removes everything it made.
#
# Usage: test-deb.sh BUILD_DIR   (needs DISPLAY; scripts/test.sh runs under Xvfb)
set -euo pipefail

build_dir=$1
work=$(mktemp -d -t classdesk-deb-XXXXXX)
app_pid=
cleanup() {
    if [ -n "$app_pid" ]; then kill "$app_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

fail() {
    echo "FAIL: $*" >&2
    exit 1
}

(cd "$build_dir" && cpack -G DEB -B "$work/out" >"$work/cpack.log" 2>&1) \
    || { cat "$work/cpack.log" >&2; fail "cpack could not build the .deb"; }
deb=$(ls "$work"/out/classdesk_*.deb)
echo "Built $(basename "$deb")"

depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
for library in libqt6widgets6 libqt6core6 libsqlite3-0; do
    grep -q "$library" <<<"$depends" || fail "the package does not depend on $library"
done

root="$work/root"
dpkg-deb -x "$deb" "$root"
for file in usr/bin/classdesk usr/bin/classdesk-server \
            usr/share/applications/cn.classdesk.ClassDesk.desktop \
            usr/share/metainfo/cn.classdesk.ClassDesk.metainfo.xml \
            usr/share/icons/hicolor/scalable/apps/cn.classdesk.ClassDesk.svg; do
    [ -e "$root/$file" ] || fail "the package lacks /$file"
done

desktop-file-validate "$root/usr/share/applications/cn.classdesk.ClassDesk.desktop" \
    || fail "the .desktop file is invalid"
appstreamcli validate --no-net --pedantic "$root/usr/share/metainfo/cn.classdesk.ClassDesk.metainfo.xml" \
    || fail "the AppStream metainfo is invalid"

[ -n "${DISPLAY:-}" ] || fail "no X display: run this test through scripts/test.sh, which starts Xvfb"

mkdir -m 0700 "$work/runtime"
LANG=zh_CN.UTF-8 LANGUAGE= LC_ALL= XDG_RUNTIME_DIR="$work/runtime" HOME="$work" \
    QT_QPA_PLATFORM=xcb "$root/usr/bin/classdesk" --data "$work/data" >"$work/app.log" 2>&1 &
app_pid=$!

for _ in $(seq 1 60); do
    # xwininfo prints UTF-8 titles only under a UTF-8 locale that exists.
    if LC_ALL=C.UTF-8 xwininfo -root -tree 2>/dev/null | grep -q '"课堂助手"'; then
        echo "The installed app's window is up, titled 课堂助手"
        [ -f "$work/data/classdesk.sqlite3" ] || fail "the app did not create its database"
        exit 0
    fi
    kill -0 "$app_pid" 2>/dev/null || { cat "$work/app.log" >&2; fail "the installed app exited early"; }
    sleep 0.5
done
cat "$work/app.log" >&2
fail "no window titled 课堂助手 appeared within 30 seconds"
