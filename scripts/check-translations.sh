#!/usr/bin/env bash
# Fails when a user-visible string has no Korean translation: runs lupdate over app/ and ui/ on a copy of
# translations/frameline_ko.ts and lists every message that comes out unfinished. Run by CTest.
set -uo pipefail
cd "$(dirname "$0")/.."
lupdate=$(command -v lupdate || echo /usr/lib/qt6/bin/lupdate)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp translations/frameline_ko.ts "$work/check.ts"
"$lupdate" -no-obsolete -silent -locations relative app ui -ts "$work/check.ts" >/dev/null 2>&1 || {
    echo "lupdate failed"; exit 1; }
total=$(grep -c '<message' "$work/check.ts")
left=$(grep -c 'type="unfinished"' "$work/check.ts")
if [ "$left" -gt 0 ]; then
    echo "$left of $total strings have no Korean translation (run: cmake --build build --target update_translations, then translate them):"
    python3 - "$work/check.ts" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
for context, body in re.findall(r"<context>\s*<name>(.*?)</name>(.*?)</context>", text, re.S):
    for message in re.findall(r"<message.*?</message>", body, re.S):
        if 'type="unfinished"' in message:
            source = re.search(r"<source>(.*?)</source>", message, re.S).group(1)
            print(f"  {context}: {source[:100]}")
PY
    exit 1
fi
echo "translations complete: $total strings"
