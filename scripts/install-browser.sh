#!/usr/bin/env bash
# Install what the browser tests need from Debian's packages: Chromium and Noto fonts for
# Arabic-script and Ethiopic text. Does nothing when they are already there.
set -euo pipefail

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
fc-list 2>/dev/null | grep -q "Noto Sans Ethiopic" || need+=(fonts-noto-core)
fc-list 2>/dev/null | grep -q "Noto Sans Arabic UI" || need+=(fonts-noto-ui-core)
fc-list 2>/dev/null | grep -q "DejaVu Sans" || need+=(fonts-dejavu-core)
[ ${#need[@]} -eq 0 ] && exit 0

echo "Installing ${need[*]} (Debian packages for the browser tests)..."
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
command -v chromium >/dev/null
