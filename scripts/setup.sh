#!/usr/bin/env bash
# Create a virtual environment and install cthbgraph into it, with the test tools when called with
# "test". Versions come from the lock file of the Python in use (requirements/pyX.Y.txt), applied
# as constraints, so every machine tests the same versions; pyproject.toml keeps compatible ranges.
# Safe to run again: an up-to-date environment is left as it is.
#   bash scripts/setup.sh [test]                      # .venv with python3
#   PYTHON=python3.10 VENV=.venv-py310 bash scripts/setup.sh test
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
VENV=${VENV:-.venv}
if [ ! -x "$VENV/bin/python" ]; then
  "$PYTHON" -m venv "$VENV"
  "$VENV/bin/python" -m pip install --quiet --upgrade pip
fi
extras=""
[ "${1:-}" = "test" ] && extras="[test]"
version=$("$VENV/bin/python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
lock="requirements/py${version}.txt"
if [ -f "$lock" ]; then
  "$VENV/bin/python" -m pip install --quiet -c "$lock" -e ".${extras}"
else
  echo "note: no lock file for Python ${version} ($lock): installing the newest versions pyproject.toml allows" >&2
  "$VENV/bin/python" -m pip install --quiet -e ".${extras}"
fi
[ "${1:-}" = "test" ] || exit 0
# The browser tests drive Debian's Chromium through Playwright (no browser download); the DOT tests
# render with Graphviz; the site's server rules are checked by running nginx and Apache; publishing
# to Virtuoso runs Debian's virtuoso-opensource.
missing=""
[ -x /usr/bin/chromium ] || missing="$missing chromium"
command -v dot >/dev/null || missing="$missing graphviz"
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing="$missing nginx-light"
[ -x /usr/sbin/apache2 ] || missing="$missing apache2"
command -v node >/dev/null || missing="$missing nodejs npm"
# Virtuoso, the store for graphs past what an embedded store holds (tests/test_virtuoso.py).
[ -x /usr/bin/virtuoso-t ] || missing="$missing virtuoso-opensource"
if [ -n "$missing" ]; then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
  else
    echo "note: install Debian's$missing for the browser, DOT and server-rule tests" >&2
  fi
fi
# Lighthouse and axe-core for the page tests, at the versions of tools/package-lock.json.
if command -v npm >/dev/null && [ ! -f tools/node_modules/.package-lock.json -o tools/package-lock.json -nt tools/node_modules/.package-lock.json ]; then
  (cd tools && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --ignore-scripts --silent)
fi
