#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Refreshes docs/images/*.png, the pictures of the Chinese user guide: every
# main section at 1366x768 with made-up demo data, rendered offscreen by
# tests/ui/tst_screenshots. Needs a configured build (cmake --preset ci).
# When pngquant is installed, the pictures are reduced to 256 colours.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

cmake --build build/ci --parallel 2 --target tst_screenshots
mkdir -p docs/images

# A Chinese locale name makes Qt pick Simplified Chinese glyphs.
LANG=zh_CN.UTF-8 LC_ALL= QT_QPA_PLATFORM=offscreen QT_SCALE_FACTOR=1 \
    CLASSDESK_SCREENSHOT_DIR="$root/docs/images" build/ci/tests/ui/tst_screenshots

if command -v pngquant >/dev/null; then
    pngquant --force --skip-if-larger --ext .png --quality 70-95 docs/images/*.png
fi
ls -l docs/images
