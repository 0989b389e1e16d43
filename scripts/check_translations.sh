#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# CI's i18n check: for every area of ui/ (i18n_areas.sh), the committed zh_CN catalogue holds every
# tr() string of that area and has no unfinished entry, and the committed .qm is what lrelease makes of it.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/i18n_areas.sh
. scripts/i18n_areas.sh
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
for area in $(i18n_areas); do
  ts="resources/i18n/${area}_zh_CN.ts"
  [ -f "$ts" ] || { echo "i18n: $ts is missing (run scripts/update_translations.sh)" >&2; fail=1; continue; }
  cp "$ts" "$tmp/check.ts"
  mapfile -t sources < <(i18n_sources "$area")
  .venv/bin/pyside6-lupdate -silent -no-obsolete "${sources[@]}" -ts "$tmp/check.ts" >/dev/null
  if grep -q 'type="unfinished"' "$tmp/check.ts"; then
    echo "i18n: strings of ui/$area without a zh_CN translation (run scripts/update_translations.sh and translate them):" >&2
    grep -B3 'type="unfinished"' "$tmp/check.ts" | grep '<source>' | sed 's/^ */  /' >&2
    fail=1
  fi
  .venv/bin/pyside6-lrelease -silent "$ts" -qm "$tmp/check.qm"
  cmp -s "$tmp/check.qm" "${ts%.ts}.qm" || { echo "i18n: ${ts%.ts}.qm is stale; run scripts/update_translations.sh" >&2; fail=1; }
done
[ $fail -eq 0 ] && echo "i18n: zh_CN complete"
exit $fail
