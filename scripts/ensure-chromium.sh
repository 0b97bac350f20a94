#!/usr/bin/env bash
# Make sure Debian's Chromium is there for the browser tests of the app.
# Playwright drives /usr/bin/chromium; its own browser download cannot work without internet.
# Without root the browser tests are skipped (they say so), except under CI=true, where they fail.
set -uo pipefail
chromium=${WORKBOOK_CHROMIUM:-/usr/bin/chromium}
[ -x "$chromium" ] && exit 0

# WORKBOOK_NO_APT=1 skips the installation (to check the messages below without changing the machine).
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null && [ -z "${WORKBOOK_NO_APT:-}" ]; then
  echo "Installing Debian's chromium and chromium-driver for the browser tests ..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  [ -x "$chromium" ] && exit 0
  echo "warning: apt-get could not install chromium" >&2
fi
if [ "${CI:-}" = true ]; then
  echo "error: $chromium is missing and CI=true: the browser tests cannot run" >&2
  exit 1
fi
echo "note: $chromium is missing, so the browser tests will be skipped." >&2
echo "      Enable them with: sudo apt-get install chromium chromium-driver" >&2
exit 0
