#!/usr/bin/env bash
# Set up, build the graph of corpus/ into out/, and trace one provision.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/cthbgraph build --corpus corpus --graph-dir out
echo
.venv/bin/cthbgraph trace III.10.2 --graph-dir out
