#!/usr/bin/env bash
# Create .venv and install cthbgraph into it, with the test tools when called with "test".
# Safe to run again: an up-to-date environment is left as it is.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
  .venv/bin/python -m pip install --quiet --upgrade pip
fi
extras=""
[ "${1:-}" = "test" ] && extras="[test]"
.venv/bin/python -m pip install --quiet -e ".${extras}"
if [ "${1:-}" = "test" ] && { [ ! -x /usr/bin/chromium ] || ! command -v dot >/dev/null; }; then
  # The browser tests drive Debian's Chromium through Playwright (no browser download).
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium graphviz >/dev/null
  else
    echo "note: install Debian's chromium and graphviz packages for the browser and DOT tests" >&2
  fi
fi
