#!/usr/bin/env bash
# The e2e suite drives Debian's Chromium (Playwright cannot download its own
# browsers here). Finds it, installs it where it can, or says how in one line.
set -euo pipefail
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$browser" ]; then
  echo "Chromium: $("$browser" --version 2>/dev/null || echo "$browser")"
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Chromium not found at $browser: installing Debian's chromium package…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  echo "Chromium: $(/usr/bin/chromium --version)"
  exit 0
fi
echo "No Chromium found: install it with 'sudo apt-get install chromium' (or set CHROMIUM_PATH to a Chromium binary), then run npm test again." >&2
exit 1
