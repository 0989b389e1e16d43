#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Collect every tr()/translate()/QT_TRANSLATE_NOOP string of ui/ into resources/i18n/<area>_zh_CN.ts (one
# catalogue per area, see i18n_areas.sh; keeping the translations already there, dropping strings no
# longer in the code), then compile the .qm files the app loads. Translate new entries
# (pyside6-linguist, or any editor) and run this again.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/i18n_areas.sh
. scripts/i18n_areas.sh
bin=.venv/bin
status=0
areas=$(i18n_areas)
for area in $areas; do
  ts="resources/i18n/${area}_zh_CN.ts"
  mapfile -t sources < <(i18n_sources "$area")
  "$bin/pyside6-lupdate" -silent -no-obsolete -locations none "${sources[@]}" -target-language zh_CN -ts "$ts"
  "$bin/pyside6-lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
  if grep -q 'type="unfinished"' "$ts"; then
    echo "update_translations: $ts has unfinished entries; translate them." >&2
    status=1
  fi
done
# Catalogues of areas that no longer exist.
for ts in resources/i18n/*_zh_CN.ts; do
  area=$(basename "$ts" _zh_CN.ts)
  grep -qx "$area" <<<"$areas" || { echo "update_translations: removing $ts (no ui/$area)"; rm -f "$ts" "${ts%.ts}.qm"; }
done
exit $status
