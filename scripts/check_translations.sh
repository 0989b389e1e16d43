#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# CI's i18n check: the committed zh_CN catalogue must hold every tr() string of ui/ and have no
# unfinished entry, and the committed .qm must be what lrelease makes of it.
set -euo pipefail
cd "$(dirname "$0")/.."
ts=resources/i18n/leitai_zh_CN.ts
[ -f "$ts" ] || { echo "i18n: $ts is missing" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$ts" "$tmp/check.ts"
mapfile -t sources < <(find ui -name '*.py' | sort)
.venv/bin/pyside6-lupdate -no-obsolete "${sources[@]}" -ts "$tmp/check.ts" >/dev/null
if grep -q 'type="unfinished"' "$tmp/check.ts"; then
  echo "i18n: strings without a zh_CN translation (run scripts/update_translations.sh and translate them):" >&2
  grep -B3 'type="unfinished"' "$tmp/check.ts" | grep '<source>' | sed 's/^ */  /' >&2
  exit 1
fi
.venv/bin/pyside6-lrelease -silent "$ts" -qm "$tmp/check.qm"
cmp -s "$tmp/check.qm" "${ts%.ts}.qm" || { echo "i18n: ${ts%.ts}.qm is stale; run scripts/update_translations.sh" >&2; exit 1; }
echo "i18n: zh_CN complete"
