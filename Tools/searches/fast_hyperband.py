#!/usr/bin/env python3
"""f-Hyperband against Hyperband, side by side (Baker et al. 2018, §4.2.1 and Figure 6).

Runs both searches for the same number of full Hyperband passes (--iterations, the paper's
40) from the same seeds, so both sample the same configurations, and reports per dataset:
the final value of each (mean ± standard error), the compute each spent, their ratio, the
distinct configurations evaluated, and the compute f-Hyperband needed to reach the best value
Hyperband ended with (per run, on the best-so-far trajectory). With --plots DIR it also writes
one `tabnas plot` figure per dataset.

    python3 Tools/searches/fast_hyperband.py [--runs 10] [--iterations 40] [--datasets …]
                                             [--plots DIR] [-- extra f-hyperband options]

Curve datasets come from TABNAS_DATA or ../shared/data beside the repository; those absent
are skipped with a note. NAS-HPO-Bench-II is the built-in synthetic table.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "Tools", "nashpobench2"))
from common import build  # noqa: E402

DATASETS = [
    "nashpobench2", "baker:metaqnn_cifar10", "baker:metaqnn_svhn", "baker:deep_resnets_cifar10",
    "baker:deep_resnets_tinyimagenet", "baker:alexnet_imagenet", "baker:lstm_ptb",
]


def data_folder():
    folder = os.environ.get("TABNAS_DATA") or os.path.join(ROOT, "..", "shared", "data")
    return os.path.abspath(folder) if os.path.isdir(folder) else None


def search(tabnas, algorithm, dataset, folder, args, extra):
    out = os.path.join(folder, algorithm)
    command = [tabnas, "search", algorithm, "--dataset", dataset, "--runs", str(args.runs), "--seed", str(args.seed),
               "--iterations", str(args.iterations), "--out", out, "--json"] + extra
    if dataset != "nashpobench2":
        command += ["--data", data_folder()]
    summary = json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)
    runs = [json.load(open(os.path.join(out, f"seed{i}.json"))) for i in range(args.runs)]
    return summary, runs, out


def cost_to_reach(run, target, higher):
    """The cumulative cost at which the best-so-far first reaches `target`, or None."""
    for cost, best in zip(run["total_cost_trans"], run["best_acc_trans"]):
        if best is not None and (best >= target if higher else best <= target):
            return cost
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--iterations", type=int, default=40)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--datasets", default=",".join(DATASETS))
    parser.add_argument("--plots", help="folder for one SVG per dataset")
    args, extra = parser.parse_known_args()
    extra = [word for word in extra if word != "--"]
    tabnas = os.path.join(build(), "tabnas")
    if args.plots:
        os.makedirs(args.plots, exist_ok=True)
    print(f"{args.iterations} Hyperband passes, {args.runs} runs, f-Hyperband options: {' '.join(extra) or 'defaults'}")
    print(f"{'dataset':34} {'Hyperband final':>18} {'f-Hyperband final':>18} {'compute HB':>11} {'compute f-HB':>12}"
          f" {'ratio':>6} {'configs':>11} {'to reach HB best':>17}")
    for dataset in args.datasets.split(","):
        if dataset != "nashpobench2" and data_folder() is None:
            print(f"{dataset:34} skipped: no data folder (set TABNAS_DATA)")
            continue
        folder = tempfile.mkdtemp(prefix="tabnas-fhb-")
        try:
            plain, plain_runs, plain_out = search(tabnas, "hyperband", dataset, folder, args, [])
            fast, fast_runs, fast_out = search(tabnas, "f-hyperband", dataset, folder, args, extra)
            higher = plain["direction"] == "higherIsBetter"
            ratios, reached = [], 0
            for p, f in zip(plain_runs, fast_runs):
                target = p["best_acc_trans"][-1]
                p_cost, f_cost = cost_to_reach(p, target, higher), cost_to_reach(f, target, higher)
                if f_cost is not None:
                    reached += 1
                    ratios.append(p_cost / f_cost)
            to_reach = (f"{sorted(ratios)[len(ratios) // 2]:.2f}× ({reached}/{len(plain_runs)})"
                        if ratios else f"never (0/{len(plain_runs)})")
            print(f"{dataset:34} {plain['mean']:>10.4f}±{plain['standard_error']:<7.4f}"
                  f" {fast['mean']:>10.4f}±{fast['standard_error']:<7.4f}"
                  f" {plain['mean_cost']:>11.0f} {fast['mean_cost']:>12.0f} {plain['mean_cost'] / fast['mean_cost']:>5.2f}×"
                  f" {plain['mean_configurations']:>5.0f}/{fast['mean_configurations']:<5.0f} {to_reach:>17}", flush=True)
            if args.plots:
                name = dataset.replace(":", "_")
                subprocess.run([tabnas, "plot", plain_out, fast_out, "--out", os.path.join(args.plots, name + ".svg"),
                                "--title", f"{dataset}: {args.iterations} Hyperband passes"], check=True)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    print("ratio: Hyperband's compute / f-Hyperband's for the same passes; configs: distinct configurations "
          "(Hyperband/f-Hyperband); to reach HB best: median over runs of Hyperband's compute to its final best "
          "over f-Hyperband's compute to the same value (runs where it did).")


if __name__ == "__main__":
    main()
