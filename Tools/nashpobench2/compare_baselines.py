#!/usr/bin/env python3
"""Random search and regularized evolution: TabularNAS against Python on the same files.

Sets up a virtual environment with nashpobench2api, a release build and full-size files in the
original schema (written by write_original_files.py from the synthetic table), then runs the
two reference baselines in Python on the reference API — random search and regularized
evolution (population 10, sample 3, one edge / lr / batch size mutated to a different value),
each until 20,000 s, as in the reference repository's bench_algos — and `tabnas search` on the
same files. Prints wall times (the API's loading excluded on both sides) and their ratio, and
the mean final 12-epoch test accuracy of each (they use different random generators, so only
the means are comparable).

    python3 Tools/nashpobench2/compare_baselines.py [--runs 500] [--budget 20000]
"""
import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
from common import build, dataset, reference_python, run_json  # noqa: E402

BENCH_ALGOS = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "python", "bench_algos.py")


def python_baselines(python, folder, runs, budget):
    """The reference algorithms (Tools/python/bench_algos.py) on the reference API: seconds and mean final accuracy."""
    report = run_json([python, BENCH_ALGOS, "--api", "reference", "--data", folder, "--seeds", f"0:{runs}", "--budget", str(budget)])
    return {name: {"seconds": report[name + "_seconds"],
                   "mean": sum(r["final_accs"][0] for r in report[name]) / len(report[name])} for name in ("random", "evolution")}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=500)
    parser.add_argument("--budget", type=float, default=20000)
    args = parser.parse_args()
    binaries = build()
    native, folder = dataset(binaries)
    python = reference_python()
    theirs = python_baselines(python, folder, args.runs, args.budget)
    tabnas = os.path.join(binaries, "tabnas")
    print(f"{args.runs} runs each at {args.budget:g} s on full-size files ({folder}); loading excluded "
          "(TabularNAS: minus one query's process; its time includes finding the dataset's best for the regret)")
    print(f"{'algorithm':<12}{'Python':>10}{'TabularNAS':>12}{'ratio':>8}   mean final 12-epoch test accuracy (Python / TabularNAS)")
    for name in ("random", "evolution"):
        start = time.perf_counter()
        run_json([tabnas, "query", "--data", native, "--cellcode", "0|10|210", "--lr", "0.1", "--batch-size", "256", "--json"])
        load = time.perf_counter() - start
        start = time.perf_counter()
        ours = run_json([tabnas, "search", name, "--data", native, "--runs", str(args.runs), "--budget", str(args.budget), "--json"])
        seconds = max(time.perf_counter() - start - load, 1e-6)
        print(f"{name:<12}{theirs[name]['seconds']:>9.2f}s{seconds:>11.3f}s{theirs[name]['seconds'] / seconds:>7.0f}×"
              f"   {theirs[name]['mean']:.2f} / {ours['mean']:.2f}")


if __name__ == "__main__":
    main()
