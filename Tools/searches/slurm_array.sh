#!/usr/bin/env bash
# A SLURM array job that runs one search as shards, one per array task, then merges them.
#
#   sbatch --array=1-16 Tools/searches/slurm_array.sh RESULTS_DIR asha --workers 32 --budget-time 20000 --runs 1600
#   # when every task has finished (or chain it with --dependency=afterok:JOBID):
#   tabnas merge RESULTS_DIR/shard-* --out RESULTS_DIR/merged
#
# Each task runs `tabnas search ... --shard K/N` with K = SLURM_ARRAY_TASK_ID and N =
# SLURM_ARRAY_TASK_COUNT, on the cores SLURM gave it (--jobs); run i's seed depends only on --seed
# and i, so the merged summary equals one unsharded run. Set TABNAS to the binary (default:
# tabnas on PATH) and TABNAS_DATA for the datasets' folder.
#SBATCH --job-name=tabnas-search
#SBATCH --cpus-per-task=4
#SBATCH --time=01:00:00
#SBATCH --output=tabnas-%A_%a.log
set -euo pipefail
results="${1:?usage: sbatch --array=1-N slurm_array.sh RESULTS_DIR SEARCH-WORDS...}"
shift
: "${SLURM_ARRAY_TASK_ID:?submit this script with sbatch --array=1-N}"
count="${SLURM_ARRAY_TASK_COUNT:-$SLURM_ARRAY_TASK_MAX}"
mkdir -p "$results"
exec "${TABNAS:-tabnas}" search "$@" --jobs "${SLURM_CPUS_PER_TASK:-1}" \
  --shard "$SLURM_ARRAY_TASK_ID/$count" --out "$results/shard-$SLURM_ARRAY_TASK_ID"
