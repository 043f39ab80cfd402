#!/usr/bin/env bash
# Installs what is missing, builds Frameline and launches it. Arguments go to the app,
# e.g. scripts/run-frameline.sh --lang ko
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh build
cmake --preset default >/dev/null
cmake --build --preset default --target frameline
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "No display (DISPLAY and WAYLAND_DISPLAY are unset): starting Frameline under xvfb-run, where it is not visible." >&2
    scripts/install-deps.sh test >/dev/null
    exec xvfb-run -a build/ui/frameline "$@"
fi
exec build/ui/frameline "$@"
