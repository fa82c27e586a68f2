#!/usr/bin/env python3
"""REINFORCE, BOHB, RS→REA and BOHB→REA: TabularNAS against the reference algorithms in Python,
side by side on the same full-size files.

Sets up a virtual environment with nashpobench2api, PyTorch (CPU), hpbandster and the
ConfigSpace, NumPy, SciPy and statsmodels versions hpbandster works with; a release build; and
full-size files in the original schema (write_original_files.py). Runs the four algorithms as the
reference scripts do (Tools/python/bench_algos_models.py: PyTorch REINFORCE, hpbandster BOHB on
a Pyro name server, the two-stage scripts) on the reference API, and `tabnas search` with the
reference's settings (BOHB: 40 iterations, paying partial training from scratch; BOHB→REA: 4
iterations of 5 samples) on the same pickles. Prints, per algorithm, the mean final 12-epoch test
accuracy ± standard error of both, whether they agree within two combined standard errors, and
wall time per run with the ratio (Python: the algorithm's loop, loading excluded; TabularNAS:
the difference between 1,000 runs (or --runs if more) and one run, so loading and the summary's
dataset best are excluded too). The reference's results are kept in the work folder and reused for the same
--runs and --budget unless --rerun-reference is given.

    python3 Tools/nashpobench2/compare_reference_baselines.py [--runs 100] [--budget 20000] [--rerun-reference]

REFERENCE_BASELINES_PYTHON=/path/to/python reuses an environment that has the packages.
"""
import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
from common import WORK, build, dataset, run, run_json, venv_python  # noqa: E402

BENCH = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "python", "bench_algos_models.py")
PACKAGES = ["nashpobench2api", "numpy<2", "ConfigSpace==0.6.1", "scipy<1.14", "statsmodels<0.15", "hpbandster"]
PROBE = "import nashpobench2api, torch, hpbandster, ConfigSpace, statsmodels"
# (reference script, tabnas algorithm, tabnas settings for the reference's own)
# The reference BOHB runs 40 iterations whatever the budget, so `bohb` gets no budget here.
ALGORITHMS = [
    ("reinforce", "reinforce", ["--budget", "BUDGET"]),
    ("bohb", "bohb", ["--iterations", "40", "--partial-training", "scratch"]),
    ("rs_then_rea", "rs-then-rea", ["--budget", "BUDGET", "--hpo-budget", "5000"]),
    ("bohb_then_rea", "bohb-then-rea", ["--budget", "BUDGET", "--partial-training", "scratch"]),
]


def baselines_python():
    """A virtual environment with the reference API, PyTorch and hpbandster; returns its python."""
    named = os.environ.get("REFERENCE_BASELINES_PYTHON")
    if named:
        return named
    python = venv_python(os.path.join(WORK, "baselines-venv"), PACKAGES, "import nashpobench2api, hpbandster, ConfigSpace")
    if subprocess.run([python, "-c", PROBE], capture_output=True).returncode != 0:
        try:  # The CPU wheel is far smaller; PyPI's default pulls CUDA libraries.
            run([python, "-m", "pip", "install", "--quiet", "torch", "--index-url", "https://download.pytorch.org/whl/cpu"])
        except subprocess.CalledProcessError:
            run([python, "-m", "pip", "install", "--quiet", "torch"])
    return python


def mean_and_error(values):
    return statistics.fmean(values), statistics.stdev(values) / math.sqrt(len(values)) if len(values) > 1 else 0.0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--budget", type=float, default=20000)
    parser.add_argument("--rerun-reference", action="store_true", help="run the Python algorithms even if results are kept")
    args = parser.parse_args()
    if args.runs < 2:
        sys.exit("--runs must be at least 2 (timing takes the difference to one run)")
    binaries = build()
    native, folder = dataset(binaries)
    python = baselines_python()
    tabnas = os.path.join(binaries, "tabnas")
    kept = os.path.join(WORK, f"reference-baselines-{args.runs}-{args.budget:g}.json")
    if os.path.exists(kept) and not args.rerun_reference:
        with open(kept) as file:
            theirs = json.load(file)
        print(f"reusing the reference's results in {kept} (--rerun-reference runs them again)")
    else:
        theirs = run_json([python, BENCH, "--api", "reference", "--data", folder, "--seeds", f"0:{args.runs}",
                           "--budget", str(args.budget), "--algorithms", ",".join(name for name, _, _ in ALGORITHMS)])
        with open(kept, "w") as file:
            json.dump(theirs, file)

    def search(algorithm, settings, runs):
        words = [word.replace("BUDGET", str(args.budget)) for word in settings]
        start = time.perf_counter()
        report = run_json([tabnas, "search", algorithm, "--data", native, "--runs", str(runs), "--jobs", "1", "--json"] + words)
        return report, time.perf_counter() - start

    print(f"\n{args.runs} runs each at {args.budget:g} s on full-size files ({folder}), the reference's settings; "
          "wall time per run")
    print(f"{'algorithm':<15}{'reference':>16}{'TabularNAS':>16}  {'agree':<6}{'Python':>10}{'TabularNAS':>12}{'ratio':>8}")
    for name, algorithm, settings in ALGORITHMS:
        reference = [result["final_accs"][0] for result in theirs[name]]
        ours, _ = search(algorithm, settings, args.runs)
        # Timing over many runs, so a process's start and the summary do not drown them.
        timed = max(args.runs, 1000)
        _, elapsed = search(algorithm, settings, timed)
        _, single = search(algorithm, settings, 1)
        seconds = max(elapsed - single, 1e-9) / (timed - 1)
        (m1, e1), (m2, e2) = mean_and_error(reference), mean_and_error(ours["finals"])
        agree = abs(m1 - m2) <= 2 * math.hypot(e1, e2)
        python_seconds = theirs[name + "_seconds"] / args.runs
        print(f"{algorithm:<15}{m1:>9.2f} ± {e1:.2f}{m2:>9.2f} ± {e2:.2f}  {'yes' if agree else 'NO':<6}"
              f"{python_seconds:>9.3f}s{seconds * 1000:>10.3f}ms{python_seconds / seconds:>7.0f}×")


if __name__ == "__main__":
    main()
