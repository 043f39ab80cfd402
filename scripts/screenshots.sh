#!/usr/bin/env bash
# Takes the documentation screenshots of the desktop app under a virtual X server:
#   client-tab.png, handshake.png, server-tab.png, composer-{text,json,binary,advanced}.png,
#     script-editor.png (and -ko variants in Korean): the real window driven by tests/ui/docshots.cpp (a
#     local server, a client tab talking to it, a server tab with two clients, the composer in each mode,
#     the script editor and its console after a run);
#   decoder.png, decoder-ko.png: the frame decoder with sample bytes preloaded.
#
# Builds nothing: build the `frameline` and `docshots` targets first.
#   scripts/screenshots.sh [BUILD_DIR]      (default: build)
# Needs xvfb-run (package xvfb) and, for the Korean picture, a Korean font (e.g. package fonts-nanum).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
case $build in /*) ;; *) build=$PWD/$build ;; esac
app=$build/ui/frameline
docshots=$build/tests/docshots
out=$root/docs/screenshots

for program in "$app" "$docshots"; do
    if [[ ! -x $program ]]; then
        echo "screenshots.sh: $program not found; build it first: cmake --build $build --target frameline docshots" >&2
        exit 1
    fi
done
if ! command -v xvfb-run >/dev/null; then
    echo "screenshots.sh: xvfb-run not found (apt-get install xvfb)" >&2
    exit 1
fi
if ! fc-list :lang=ko | grep -q .; then
    echo "screenshots.sh: warning: no Korean font installed (apt-get install fonts-nanum);" \
         "the Korean screenshot will show empty boxes" >&2
fi

# What a server might send: a text message, a fragmented one with a ping in between (RFC 6455 §5.7),
# a 130-byte binary message (16-bit length), then three frames that break the rules - a masked server
# frame, RSV2 without an extension, a close code that must not be sent - and a normal close.
binary130=$(for ((i = 0; i < 130; i++)); do printf '%02x ' "$i"; done)
hex="81 05 48 65 6c 6c 6f
01 03 48 65 6c  89 04 70 69 6e 67  80 02 6c 6f
82 7e 00 82 $binary130
81 85 37 fa 21 3d 7f 9f 4d 51 58
a1 02 68 69
88 02 03 ee
88 05 03 e8 62 79 65"

mkdir -p "$out"
runtime=$(mktemp -d)
trap 'rm -rf "$runtime"' EXIT
export XDG_RUNTIME_DIR=$runtime

shoot() { # language file
    xvfb-run -a -s "-screen 0 1400x1000x24" \
        "$app" --lang "$1" --from server --decode-hex "$hex" --select-frame 6 --screenshot "$out/$2"
    echo "wrote $out/$2"
}
shoot en decoder.png
shoot ko decoder-ko.png
xvfb-run -a -s "-screen 0 1440x900x24" "$docshots" --out "$out" --lang en
xvfb-run -a -s "-screen 0 1440x900x24" "$docshots" --out "$out" --lang ko --suffix -ko
