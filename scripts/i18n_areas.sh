# SPDX-License-Identifier: Apache-2.0
# Sourced by update_translations.sh and check_translations.sh: the interface's strings are kept in one
# catalogue per area of ui/ (resources/i18n/<area>_zh_CN.ts), so work on different areas never edits the
# same file. The area of ui/*.py is "shell"; the area of ui/<package>/ is the package's name.

# Print "area" lines, one per area that has Python sources.
i18n_areas() {
  echo shell
  find ui -mindepth 1 -maxdepth 1 -type d ! -name '__pycache__' -printf '%f\n' | sort | while read -r d; do
    [ -n "$(find "ui/$d" -name '*.py' -print -quit)" ] && echo "$d"
  done
}

# Print the Python sources of one area, one per line.
i18n_sources() {
  if [ "$1" = shell ]; then
    find ui -maxdepth 1 -name '*.py' | sort
  else
    find "ui/$1" -name '*.py' | sort
  fi
}
