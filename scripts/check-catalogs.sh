#!/usr/bin/env bash
# The catalogs pass the translators' own tools: GNU msgfmt --check and translate-toolkit's
# pofilter (placeholders, tags, URLs). `intake i18n check` runs alongside (see the Makefile).
set -euo pipefail
cd "$(dirname "$0")/.."
pofilter="${POFILTER:-.venv/bin/pofilter}"
status=0
for po in locales/*/LC_MESSAGES/*.po; do
  if ! msgfmt --check --check-accelerators=_ -o /dev/null "$po" 2> >(grep -v "initial default value" >&2); then
    echo "msgfmt --check failed: $po" >&2
    status=1
  fi
  # pofilter prints the failing entries (after the header); nothing when all is well.
  found=$("$pofilter" --progress=none -t printf -t pythonbraceformat -t xmltags -t variables \
          -t urls "$po")
  if [ -n "$found" ]; then
    echo "pofilter found problems in $po:" >&2
    grep -A4 '^# (pofilter)' <<<"$found" >&2
    status=1
  fi
done
[ "$status" -eq 0 ] && echo "catalogs pass msgfmt --check and pofilter"
exit "$status"
