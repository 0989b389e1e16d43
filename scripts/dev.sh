#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The README's two set-up commands for a fresh Debian/Ubuntu machine:
#   ./scripts/dev.sh run    install everything into .venv, generate a fresh demo competition, open the GUI
#   ./scripts/dev.sh test   install everything into .venv, run the whole test suite (what CI runs)
# System packages are installed with apt-get when run as root; otherwise the missing ones are listed.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  xvfb xauth fonts-noto-cjk libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxkbcommon-x11-0
  libegl1 libgl1 libpulse0 libvlc5 libvlc-bin vlc-plugin-base vlc-plugin-video-output
  ffmpeg poppler-utils openssl unzip
)

install_system() {
  command -v dpkg >/dev/null 2>&1 || { echo "Not Debian/Ubuntu: install Qt's runtime libraries, VLC and a CJK font yourself (see README)."; return; }
  local missing=()
  for p in "${APT_PACKAGES[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return
  if [ "$(id -u)" -eq 0 ]; then
    echo "Installing system packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "Missing system packages (run as root, or: sudo apt-get install ${missing[*]})" >&2
  fi
}

install_python() {
  local py="${PYTHON:-python3}"
  "$py" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "Leitai needs Python 3.11 or newer." >&2; exit 1; }
  [ -x .venv/bin/python ] || "$py" -m venv .venv
  .venv/bin/python -m pip install -q --upgrade pip >/dev/null 2>&1 || true
  .venv/bin/python -m pip install -q -e '.[dev]'
  .venv/bin/python -c 'import app, PySide6, pymupdf' # fail here, clearly, if the install did not work
}

case "${1:-}" in
  run)
    install_system
    install_python
    rm -rf demo
    .venv/bin/leitai demo demo
    exec .venv/bin/leitai gui demo
    ;;
  test)
    install_system
    install_python
    export QT_QPA_PLATFORM=offscreen
    .venv/bin/ruff check .
    .venv/bin/mypy app
    .venv/bin/lint-imports
    ./scripts/check_translations.sh
    exec .venv/bin/pytest
    ;;
  *)
    echo "usage: $0 run|test" >&2
    exit 2
    ;;
esac
