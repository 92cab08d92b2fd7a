#!/usr/bin/env bash
# Write the lock file of the Python that runs this (requirements/pyX.Y.txt) from the environment the
# tests passed in: every package with its exact version, cthbgraph itself left out. Offline: it
# reads what is installed and asks no registry. scripts/setup.sh installs with the file as pip
# constraints, so the ranges of pyproject.toml stay what a researcher's environment resolves.
#   bash scripts/lock.sh                    # .venv (the test environment of scripts/setup.sh test)
#   bash scripts/lock.sh .venv-py310        # another environment, e.g. the Python 3.10 one
set -euo pipefail
cd "$(dirname "$0")/.."
venv=${1:-.venv}
version=$("$venv/bin/python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
out="requirements/py${version}.txt"
{
  echo "# Versions the tests passed with on Python ${version} (pip freeze of ${venv}, by scripts/lock.sh)."
  echo "# Used as constraints: pip install -c ${out} -e \".[test]\"  (scripts/setup.sh does this)."
  "$venv/bin/python" -m pip freeze --exclude-editable --all | grep -v -i -E '^(cthbgraph|pip|setuptools|wheel)==' | LC_ALL=C sort -f
} > "$out.tmp"
mv "$out.tmp" "$out"
echo "wrote $out ($(grep -vc '^#' "$out") packages)"
