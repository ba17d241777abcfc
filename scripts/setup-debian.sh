#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs what ClassDesk needs to build, run and test on Debian 12 or Ubuntu
# 22.04 and later. Installs only the packages that are missing, so running it
# again is quick and changes nothing.
set -euo pipefail

packages=(
    # Build tools
    build-essential pkgconf cmake ninja-build git
    # libFuzzer for the fuzz tests. Clang 19, because Debian 12's default
    # Clang 14 cannot use libstdc++'s std::expected; llvm-19 has the
    # symbolizer that names functions in sanitizer reports
    clang-19 libclang-rt-19-dev llvm-19
    # Qt 6: base, GUI modules, translations tooling
    qt6-base-dev libqt6opengl6-dev qt6-multimedia-dev qt6-tools-dev qt6-tools-dev-tools
    qt6-l10n-tools qt6-translations-l10n qt6-charts-dev qt6-pdf-dev qt6-svg-dev
    # Client libraries: keychain, HTTP, database
    qtkeychain-qt6-dev libcurl4-openssl-dev libsqlite3-dev sqlite3
    # Reference server
    libcpp-httplib-dev nlohmann-json3-dev libssl-dev
    # Spreadsheets: XLSX export, XLSX and ODS import
    libxlsxwriter-dev liborcus-dev libixion-dev libboost-dev
    # Zip entries: office thumbnails, XLSX package clean-up
    libminizip-dev
    # Media playback for courseware preview
    gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-libav ffmpeg
    # Chinese fonts, headless display, D-Bus session and secret service for tests
    fonts-noto-cjk xvfb xauth dbus-x11 gnome-keyring libsecret-tools
    # Packaging checks: .deb dependencies, desktop entry, AppStream, window lookup
    file dpkg-dev desktop-file-utils appstream x11-utils
    # Scripts; Node.js runs the API contract checks (OpenAPI lint, response
    # validation, tus interoperability)
    python3 nodejs
)

# Debian ships npm as its own package; Node.js from other sources bundles it
# and conflicts with Debian's, so add it only when no npm is installed.
if ! command -v npm >/dev/null 2>&1; then
    packages+=(npm)
fi

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "ClassDesk's set-up script needs apt-get (Debian or Ubuntu). Install these packages by hand: ${missing[*]}" >&2
    exit 1
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
    sudo=(sudo)
fi

echo "Installing ${#missing[@]} missing packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q
"${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
