#!/usr/bin/env python3
"""Loads every CSV in the shared data folder with TabularNAS and with pandas, side by side.

Installs pandas into a virtual environment of its own (under .build/curves-work), builds the
release benchmarks, then alternates rounds of both so the machine's noise hits both alike.
Prints medians and the ratio pandas / TabularNAS (above 1: TabularNAS is faster).

    python3 Tools/curves/compare_with_pandas.py [--data DIR] [--rounds 3] [--repetitions 11]
"""
import argparse
import json
import os
import statistics
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
WORK = os.path.join(ROOT, ".build", "curves-work")
sys.path.insert(0, os.path.join(ROOT, "Tools", "nashpobench2"))
from common import run, run_json, venv_python  # noqa: E402

PANDAS_TIMER = r"""
import glob, json, os, sys, time
import pandas
folder, repetitions = sys.argv[1], int(sys.argv[2])
paths = sorted(glob.glob(os.path.join(folder, "**", "*.csv"), recursive=True))
curves = [p for p in paths if not p.endswith("baseline_results.csv")]
def median(files):
    times = []
    for _ in range(repetitions):
        start = time.perf_counter()
        for path in files:
            pandas.read_csv(path)
        times.append(time.perf_counter() - start)
    return sorted(times)[len(times) // 2]
print(json.dumps({"csv_files": len(paths), "parse_seconds": median(paths), "curve_seconds": median(curves),
                  "pandas": pandas.__version__}))
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = os.environ.get("TABNAS_DATA", os.path.join(ROOT, "..", "shared", "data"))
    parser.add_argument("--data", default=default)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--repetitions", type=int, default=11)
    args = parser.parse_args()
    if not os.path.isdir(os.path.join(args.data, "baker")):
        print(f"skipped: no data at {args.data} (set TABNAS_DATA or pass --data)")
        return
    python = venv_python(os.path.join(WORK, "venv"), ["pandas"], "import pandas")
    run(["swift", "build", "-c", "release", "--package-path", ROOT, "--product", "TabNASBenchmarks"])
    benchmark = os.path.join(ROOT, ".build", "release", "TabNASBenchmarks")
    ours, theirs = [], []
    for _ in range(args.rounds):
        ours.append(run_json([benchmark, "curves", args.data, str(args.repetitions)]))
        theirs.append(run_json([python, "-c", PANDAS_TIMER, args.data, str(args.repetitions)]))
    parse = statistics.median(r["parse_seconds"] for r in ours)
    load = statistics.median(r["load_seconds"] for r in ours)
    pandas_all = statistics.median(r["parse_seconds"] for r in theirs)
    pandas_curves = statistics.median(r["curve_seconds"] for r in theirs)
    megabytes = ours[0]["bytes"] / 1e6
    print(f"{ours[0]['csv_files']} CSV files, {megabytes:.1f} MB, in {args.data}; pandas {theirs[0]['pandas']}; "
          f"medians of {args.rounds} rounds × {args.repetitions} repetitions")
    print(f"{'measure':<52}{'pandas':>10}{'TabularNAS':>12}{'ratio':>8}")
    print(f"{'read every CSV (cells to numbers where numeric)':<52}{pandas_all * 1e3:>8.1f}ms{parse * 1e3:>10.1f}ms"
          f"{pandas_all / parse:>7.1f}×")
    print(f"{'load the 7 learning-curve files (read_csv vs dataset)':<52}{pandas_curves * 1e3:>8.1f}ms"
          f"{load * 1e3:>10.1f}ms{pandas_curves / load:>7.1f}×")


if __name__ == "__main__":
    main()
