#!/usr/bin/env bash
# Capture what every README command prints or writes, to compare two versions byte for byte:
#   bash scripts/snapshot.sh /tmp/snap-before      # on the old commit
#   bash scripts/snapshot.sh /tmp/snap-after       # on the new one
#   diff -r /tmp/snap-before/outputs /tmp/snap-after/outputs && cmp /tmp/snap-{before,after}/build/cthb.nt
# A cold build of corpus/ goes to SNAP/build; each command's stdout (and exit status) to
# SNAP/outputs/<name>.txt (stderr to <name>.err); exports and the site to SNAP/outputs/. Paths are relative to SNAP, so
# two snapshots print the same paths.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
snap="${1:?usage: scripts/snapshot.sh SNAPSHOT_FOLDER}"
cthbgraph="$repo/.venv/bin/cthbgraph"
rm -rf "$snap" && mkdir -p "$snap/outputs" && cd "$snap"
# A fixed hash seed: the --focus export orders nodes by a set (see export/select.py).
export CTHB_GRAPH_DIR=build SOURCE_DATE_EPOCH=1767225600 PYTHONHASHSEED=0

run() {  # run NAME ARGS...: stdout to outputs/NAME.txt, then the exit status
  local name=$1
  shift
  local status=0
  "$cthbgraph" "$@" >"outputs/$name.txt" 2>"outputs/$name.err" || status=$?
  echo "exit $status" >>"outputs/$name.txt"
}

run build build --corpus "$repo/corpus" --graph-dir build --no-cache --quiet
run trace trace III.10.2
run trace-json trace IV.8.1 --format json
run query-odihr query provisions-tasking-body --param body=ODIHR --format csv
run query-text query --query 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' --format json
run gaps-iii gaps --chapter III --format markdown
run gaps gaps
run gaps-body gaps --by body --body ODIHR --year 2006 --evidence
run coverage coverage
run compare compare --from 2006 --to 2017
run queries queries
run validate validate
run evaluate evaluate --split test --gold "$repo/tests/gold" --corpus "$repo/corpus"
for fmt in turtle ntriples nquads rdfxml jsonld graphml gexf cytoscape dot html heatmap-svg heatmap-png; do
  run "export-$fmt" export --format "$fmt" --graph-dir build --out "outputs/export-$fmt.out"
done
run export-csv export --format csv --graph-dir build --out outputs/export-csv
run export-focus export --format graphml --graph-dir build --focus III.10.2 --depth 2 --out outputs/export-focus.graphml
run site site --out outputs/site --graph-dir build
# The help of every command: the CLI's face must not change either.
for command in "" build validate trace query queries gaps coverage compare evaluate export site serve publish; do
  run "help-${command:-main}" $command --help
done
echo "snapshot in $snap: $(find outputs -type f | wc -l) files"
