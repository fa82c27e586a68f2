#!/usr/bin/env python3
"""Asynchronous searches on simulated parallel workers: ASHA and asynchronous regularized
evolution against random search with the same workers.

For each dataset and each number of workers (4, 8, 32), runs `tabnas search ALG --workers N
--budget-time T` for random search, evolution and ASHA (promotion-based), --runs runs each from
the same base seed, and reports the final value (mean ± standard error) and the best validation
value so far at a quarter, half and all of the simulated time T. T is 20,000 s on
NAS-HPO-Bench-II (the built-in full-size synthetic table) and ten full trainings (in epochs) on
the learning-curve files. With --plots DIR it writes one `tabnas plot --x time` figure per
dataset (4 and 32 workers) into an empty or new folder (figures are never overwritten).

    python3 Tools/searches/parallel_workers.py [--runs 100] [--datasets …] [--plots DIR]

Curve datasets come from TABNAS_DATA or ../shared/data beside the repository; those absent are
skipped with a note.
"""
import argparse
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "Tools", "nashpobench2"))
from common import build  # noqa: E402
from fast_hyperband import DATASETS, data_folder  # noqa: E402

ALGORITHMS = ["random", "evolution", "asha"]
WORKERS = [4, 8, 32]


def mean_se(values):
    mean = sum(values) / len(values)
    variance = sum((v - mean) ** 2 for v in values) / max(len(values) - 1, 1)
    return mean, math.sqrt(variance / len(values))


def best_at(run, time_point, higher):
    """The best validation value among trials ended by `time_point` (None before the first)."""
    best = None
    for end, value in zip(run["timeline"]["end"], run["best_acc_trans"]):
        if end > time_point:
            break
        best = value
    return best


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--datasets", default=",".join(DATASETS))
    parser.add_argument("--workers", default=",".join(map(str, WORKERS)))
    parser.add_argument("--plots", help="folder for one SVG per dataset")
    parser.add_argument("--markdown", help="also write the final values as a Markdown table to this file")
    args = parser.parse_args()
    table = {}
    tabnas = os.path.join(build(), "tabnas")
    workers = [int(w) for w in args.workers.split(",")]
    if args.plots:
        os.makedirs(args.plots, exist_ok=True)
    print(f"{args.runs} runs per line; values: mean ± standard error of the best validation value so far at "
          "T/4, T/2 and T, and of the final value (the search's reported measure)")
    for dataset in args.datasets.split(","):
        if dataset != "nashpobench2" and data_folder() is None:
            print(f"{dataset}: skipped, no data folder (set TABNAS_DATA)")
            continue
        data = [] if dataset == "nashpobench2" else ["--data", data_folder()]
        info = json.loads(subprocess.run([tabnas, "info", "--dataset", dataset, "--json"] + data, check=True,
                                         capture_output=True, text=True).stdout)
        budget = 20000.0 if dataset == "nashpobench2" else 10.0 * info["epochs"][1]
        folder = tempfile.mkdtemp(prefix="tabnas-workers-")
        try:
            print(f"\n{dataset}: simulated time T = {budget:g} {info.get('cost', 'seconds')}")
            print(f"  {'algorithm':10} {'workers':>7} {'T/4':>16} {'T/2':>16} {'T':>16} {'final':>16} {'util.':>6} {'wall s':>7}")
            plotted = {}
            for count in workers:
                for algorithm in ALGORITHMS:
                    out = os.path.join(folder, f"{algorithm}-{count}")
                    command = [tabnas, "search", algorithm, "--dataset", dataset, "--workers", str(count), "--budget-time",
                               str(budget), "--runs", str(args.runs), "--seed", str(args.seed), "--out", out, "--json"] + data
                    start = time.perf_counter()
                    summary = json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)
                    wall = time.perf_counter() - start
                    runs = [json.load(open(os.path.join(out, f"seed{i}.json"))) for i in range(args.runs)]
                    higher = summary["direction"] == "higherIsBetter"
                    cells = []
                    for fraction in (0.25, 0.5, 1.0):
                        values = [b for b in (best_at(run, fraction * budget, higher) for run in runs) if b is not None]
                        mean, se = mean_se(values) if values else (float("nan"), 0.0)
                        cells.append(f"{mean:.4g} ± {se:.2g}" + ("" if len(values) == len(runs) else f" ({len(values)})"))
                    cells.append(f"{summary['mean']:.4g} ± {summary['standard_error']:.2g}")
                    print(f"  {algorithm:10} {count:>7} " + " ".join(f"{c:>16}" for c in cells)
                          + f" {100 * summary['mean_utilisation']:>5.1f}% {wall:>7.2f}", flush=True)
                    plotted[(algorithm, count)] = out
                    digits = 2 if abs(summary["mean"]) > 10 else 4
                    table[(dataset, count, algorithm)] = f"{summary['mean']:.{digits}f} ± {summary['standard_error']:.{digits}f}"
            if args.plots:
                lines = [plotted[(a, c)] for c in (workers[0], workers[-1]) for a in ALGORITHMS]
                name = dataset.replace(":", "_")
                subprocess.run([tabnas, "plot", *lines, "--x", "time", "--out", os.path.join(args.plots, f"workers-{name}.svg"),
                                "--title", f"{dataset}: best validation value vs simulated time"], check=True,
                               stdout=subprocess.DEVNULL)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    if args.markdown:
        lines = ["| dataset | workers | " + " | ".join(ALGORITHMS) + " |", "|---|---|" + "---|" * len(ALGORITHMS)]
        for dataset in dict.fromkeys(d for d, _, _ in table):
            for count in workers:
                lines.append(f"| {dataset} | {count} | " + " | ".join(table[(dataset, count, a)] for a in ALGORITHMS) + " |")
        with open(args.markdown, "w") as f:
            f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
