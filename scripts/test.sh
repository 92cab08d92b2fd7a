#!/usr/bin/env bash
# Set up with the test tools, check the code with ruff, and run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
.venv/bin/ruff check src tests bench scripts
.venv/bin/python -m pytest "$@"
