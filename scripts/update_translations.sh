#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Collect every tr()/translate()/QT_TRANSLATE_NOOP string of ui/ into resources/i18n/*.ts (keeping the
# translations already there, dropping strings no longer in the code), then compile the .qm files the
# app loads. Translate new entries (pyside6-linguist, or any editor) and run this again.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.venv/bin
mapfile -t sources < <(find ui -name '*.py' | sort)
for ts in resources/i18n/leitai_*.ts; do
  "$bin/pyside6-lupdate" -no-obsolete -locations none "${sources[@]}" -ts "$ts"
  "$bin/pyside6-lrelease" -silent "$ts" -qm "${ts%.ts}.qm"
done
if grep -q 'type="unfinished"' resources/i18n/leitai_zh_CN.ts; then
  echo "update_translations: resources/i18n/leitai_zh_CN.ts has unfinished entries; translate them." >&2
fi
