#!/usr/bin/env bash
# Set up with the test tools, check the code with ruff, run every test, then the tests of the lowest
# Python claimed (3.10, scripts/test-py310.sh). Arguments go to pytest (both runs).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
.venv/bin/ruff check src tests bench scripts
.venv/bin/python -m pytest "$@"
bash scripts/test-py310.sh "$@"
