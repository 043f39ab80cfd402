#!/usr/bin/env bash
# Installs, with apt-get, whatever Frameline needs that this Debian 12 machine does not have yet.
#   scripts/install-deps.sh build   compiler, CMake, Qt 6, QScintilla, OpenSSL, zlib
#   scripts/install-deps.sh test    the above plus the test peers and tools (Xvfb, node ws,
#                                   python3 websockets, clang for the fuzzers)
# Needs root for the install itself; does nothing (and needs no root) when everything is present.
set -euo pipefail

build_packages=(
    g++ cmake ninja-build pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-websockets-dev qt6-declarative-dev
    qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    qt6-svg-dev libqt6svg6 libqscintilla2-qt6-dev libgl-dev
    libssl-dev zlib1g-dev openssl
    fonts-nanum
)
test_packages=(
    xvfb xauth node-ws nodejs python3-websockets clang libclang-rt-14-dev
)

packages=("${build_packages[@]}")
if [ "${1:-build}" = "test" ]; then
    packages+=("${test_packages[@]}")
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
echo "Installing: ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
    echo "error: these packages are missing and installing them needs root: ${missing[*]}" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
