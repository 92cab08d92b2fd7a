#!/usr/bin/env bash
# Set up with the test tools and run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
.venv/bin/python -m pytest "$@"
