#!/usr/bin/env bash
# Create the project's virtual environment with Python 3.11 or newer.
# Debian ships venv support as a separate package; install it when we are root and it is missing.
set -euo pipefail
python=${1:-python3}
venv=${2:-.venv}

if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "error: $python is missing or older than 3.11; install Python 3.11+ or run 'make PYTHON=python3.12 ...'" >&2
  exit 1
fi
if "$python" -m venv "$venv" 2>/dev/null; then
  exit 0
fi
rm -rf "$venv"
version=$("$python" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's venv support for Python $version ..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "python$version-venv" || \
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv
  "$python" -m venv "$venv"
else
  echo "error: '$python -m venv' failed; install venv support (on Debian: sudo apt-get install python$version-venv)" >&2
  exit 1
fi
