#!/usr/bin/env bash
# Runs one search as SHARDS shard jobs in parallel on this machine (xargs -P), merges them with
# `tabnas merge`, and checks that the merged summary equals the same search run unsharded.
#
#   Tools/searches/shards_on_one_machine.sh [SHARDS] [-- search words...]
#   Tools/searches/shards_on_one_machine.sh 4 -- asha --workers 8 --budget-time 20000 --runs 40
#
# The same commands scale out on a cluster: Tools/searches/slurm_array.sh submits the shards as a
# SLURM array job. Set TABNAS to a built binary (default: swift build -c release).
set -euo pipefail
cd "$(dirname "$0")/../.."
shards="${1:-4}"
shift || true
[ "${1:-}" = "--" ] && shift
words=("$@")
[ ${#words[@]} -eq 0 ] && words=(asha --workers 4 --budget-time 20000 --runs 40 --seed 3)
if [ -z "${TABNAS:-}" ]; then
  swift build -c release --product tabnas >/dev/null
  TABNAS=.build/release/tabnas
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# One line per shard, run SHARDS at a time.
seq 1 "$shards" | xargs -P "$shards" -I{} \
  "$TABNAS" search "${words[@]}" --jobs 1 --shard "{}/$shards" --out "$work/shard-{}" --json >/dev/null
"$TABNAS" merge "$work"/shard-* --json --out "$work/merged" > "$work/merged.json"
"$TABNAS" search "${words[@]}" --json > "$work/whole.json"
if cmp -s "$work/merged.json" "$work/whole.json"; then
  echo "merged $shards shards of 'search ${words[*]}': identical to one unsharded run"
else
  echo "the merged shards differ from one unsharded run:" >&2
  diff <(tr ',' '\n' < "$work/merged.json") <(tr ',' '\n' < "$work/whole.json") | head -20 >&2
  exit 1
fi
