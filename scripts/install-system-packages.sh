#!/usr/bin/env bash
# Install the Debian packages the tests need: Chromium and Noto fonts for the browser tests
# (Arabic-script and Ethiopic text), GNU gettext for `msgfmt --check` of the catalogs.
# Does nothing when they are already there.
set -euo pipefail

need=()
command -v chromium >/dev/null && command -v msgfmt >/dev/null 2>&1 || need+=(chromium)
fc-list 2>/dev/null | grep -q "Noto Sans Ethiopic" || need+=(fonts-noto-core)
fc-list 2>/dev/null | grep -q "Noto Sans Arabic UI" || need+=(fonts-noto-ui-core)
fc-list 2>/dev/null | grep -q "DejaVu Sans" || need+=(fonts-dejavu-core)
command -v msgfmt >/dev/null 2>&1 || need+=(gettext)
[ ${#need[@]} -eq 0 ] && exit 0

echo "Installing ${need[*]} (Debian packages for the tests)..."
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
command -v chromium >/dev/null && command -v msgfmt >/dev/null
