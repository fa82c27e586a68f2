#!/usr/bin/env python3
"""The six NAS-HPO-Bench-II reference baselines side by side: random search, regularized
evolution, REINFORCE, BOHB, RS→REA and BOHB→REA, --runs runs each at --budget seconds on the
built-in full-size table (or --data), every one with its default settings (the reference's,
except that BOHB is bounded by the budget and resumes partial training). Prints a Markdown table
(final 12-epoch test accuracy, mean ± standard error; quantiles; mean cost; distinct
configurations; wall time) and, with --plot FILE, writes the best-so-far figure of all six
(`tabnas plot`; an existing file is never overwritten).

    python3 Tools/searches/reference_baselines.py [--runs 500] [--budget 20000] [--data PATH] [--plot FIGURE.svg]
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "Tools", "nashpobench2"))
from common import build  # noqa: E402

ALGORITHMS = ["random", "evolution", "reinforce", "bohb", "rs-then-rea", "bohb-then-rea"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=500)
    parser.add_argument("--budget", type=float, default=20000)
    parser.add_argument("--data", help="NAS-HPO-Bench-II files (default: the built-in synthetic table)")
    parser.add_argument("--plot", help="write the best-so-far figure of all six here")
    args = parser.parse_args()
    if args.plot and os.path.exists(args.plot):
        sys.exit(f"{args.plot} exists; figures are never overwritten")
    tabnas = os.path.join(build(), "tabnas")
    data = ["--data", args.data] if args.data else []
    scratch = tempfile.mkdtemp(prefix="tabnas-reference-baselines-")
    rows = []
    try:
        for algorithm in ALGORITHMS:
            out = os.path.join(scratch, algorithm)
            start = time.perf_counter()
            output = subprocess.run([tabnas, "search", algorithm, "--runs", str(args.runs), "--budget", str(args.budget),
                                     "--out", out, "--json"] + data, check=True, capture_output=True, text=True).stdout
            seconds = time.perf_counter() - start
            rows.append((algorithm, json.loads(output), seconds))
        if args.plot:
            subprocess.run([tabnas, "plot"] + [os.path.join(scratch, a) for a in ALGORITHMS] + ["--out", args.plot], check=True)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print(f"{rows[0][1]['dataset']}: {args.runs} runs each at {args.budget:g} s\n")
    print("| algorithm | final 12-epoch test accuracy (%) | min / median / max | mean cost (s) | configurations | wall time |")
    print("|---|---|---|---|---|---|")
    for algorithm, report, seconds in rows:
        q = report["quantiles"]
        print(f"| {report['algorithm']} | {report['mean']:.2f} ± {report['standard_error']:.2f} | "
              f"{q['min']:.2f} / {q['median']:.2f} / {q['max']:.2f} | {report['mean_cost']:,.0f} | "
              f"{report['mean_configurations']:.1f} | {seconds:.2f} s |")


if __name__ == "__main__":
    main()
