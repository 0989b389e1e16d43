#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Build Leitai's one-folder app on Linux: dist/leitai/ (run it as dist/leitai/leitai), then run the built
# app's own --self-test offscreen and pack dist/leitai-<version>-linux-<arch>.tar.gz.
#   ./packaging/build.sh            build, self-test, pack
#   ./packaging/build.sh --no-pack  build and self-test only
# Windows and macOS: README.md, "Installing Leitai on a judge's laptop".
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x .venv/bin/pyinstaller ]; then
  python3 -m venv .venv
  .venv/bin/python -m pip install -q -e '.[dev]'
fi

rm -rf dist/leitai build/pyinstaller
.venv/bin/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller build_installer.spec

data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
QT_QPA_PLATFORM=offscreen dist/leitai/leitai --data-dir "$data" --self-test

size=$(du -sm dist/leitai | cut -f1)
echo "dist/leitai: ${size} MiB"
if [ "${1:-}" != "--no-pack" ]; then
  version=$(.venv/bin/python -c 'import app; print(app.__version__)')
  archive="dist/leitai-${version}-linux-$(uname -m).tar.gz"
  tar -czf "$archive" -C dist leitai
  echo "$archive: $(du -sm "$archive" | cut -f1) MiB"
fi
