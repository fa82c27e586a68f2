#!/usr/bin/env python3
"""Support-vector regression side by side with scikit-learn's libsvm on identical data.

Installs scikit-learn into a virtual environment of its own (under .build/prediction-work),
builds the release benchmarks, writes one deterministic regression problem (100 training
rows, 1,000 test rows, 8 features), and for each SVR variant and tolerance fits both, checks
that the predictions agree, and times fitting and predicting (medians, side by side).

    python3 Tools/prediction/compare_with_sklearn.py [--repetitions 21]
"""
import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from side_by_side import WORK, prepare, run, run_json  # noqa: E402

SKLEARN_TIMER = r"""
import json, sys, time
import numpy as np
from sklearn.svm import SVR, NuSVR
path, train, loss, C, kernel, tol, repetitions = sys.argv[1:8]
data = np.loadtxt(path, delimiter=",", skiprows=1)
train, C, tol, repetitions = int(train), float(C), float(tol), int(repetitions)
X, y = data[:, :-1], data[:, -1]
kind, value = loss.split(":")
parts = kernel.split(":")
options = dict(kernel=parts[0], C=C, tol=tol)
if parts[0] == "rbf":
    options["gamma"] = float(parts[1])
if parts[0] == "poly":
    options.update(gamma=float(parts[1]), coef0=float(parts[2]), degree=int(parts[3]))
make = (lambda: NuSVR(nu=float(value), **options)) if kind == "nu" else (lambda: SVR(epsilon=float(value), **options))
fits, predicts = [], []
for _ in range(repetitions):
    model = make()
    start = time.perf_counter(); model.fit(X[:train], y[:train]); fits.append(time.perf_counter() - start)
    start = time.perf_counter(); predictions = model.predict(X[train:]); predicts.append(time.perf_counter() - start)
median = lambda values: sorted(values)[len(values) // 2]
print(json.dumps({"fit_seconds": median(fits), "predict_seconds": median(predicts),
                  "iterations": int(np.sum(model.n_iter_)), "predictions": predictions.tolist()}))
"""

PROBLEM = r"""
import sys
import numpy as np
rng = np.random.default_rng(20181123)
X = rng.normal(size=(1100, 8))
y = 2 * X[:, 0] + np.sin(X[:, 1]) - 0.5 * X[:, 2] * X[:, 3] + 0.1 * rng.normal(size=1100)
header = ",".join([f"x{i}" for i in range(8)] + ["y"])
np.savetxt(sys.argv[1], np.column_stack([X, y]), delimiter=",", header=header, comments="", fmt="%.17g")
"""

CASES = [("nu:0.5", "2", "rbf:0.125"), ("nu:0.5", "0.1", "linear"), ("epsilon:0.1", "2", "rbf:0.125"),
         ("nu:0.3", "1", "poly:0.125:1:3")]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repetitions", type=int, default=21)
    args = parser.parse_args()
    python, benchmark = prepare()
    data = os.path.join(WORK, "svr-problem.csv")
    run([python, "-c", PROBLEM, data])
    print(f"{'variant':<34}{'tol':>6}{'max |Δ prediction|':>20}{'fit sklearn':>13}{'fit ours':>10}{'ratio':>7}"
          f"{'predict sklearn':>17}{'ours':>9}{'ratio':>7}")
    worst = 0.0
    for tolerance in ("1e-3", "1e-6"):
        for loss, penalty, kernel in CASES:
            arguments = [data, "100", loss, penalty, kernel, tolerance, str(args.repetitions)]
            ours = run_json([benchmark, "svr"] + arguments)
            theirs = run_json([python, "-c", SKLEARN_TIMER] + arguments)
            difference = max(abs(a - b) for a, b in zip(ours["predictions"], theirs["predictions"]))
            if tolerance == "1e-6":
                worst = max(worst, difference)
            name = f"{loss} C={penalty} {kernel}"
            print(f"{name:<34}{tolerance:>6}{difference:>20.2e}{theirs['fit_seconds'] * 1e3:>11.3f}ms"
                  f"{ours['fit_seconds'] * 1e3:>8.3f}ms{theirs['fit_seconds'] / ours['fit_seconds']:>6.1f}×"
                  f"{theirs['predict_seconds'] * 1e3:>15.3f}ms{ours['predict_seconds'] * 1e3:>7.3f}ms"
                  f"{theirs['predict_seconds'] / ours['predict_seconds']:>6.1f}×")
    verdict = "agree" if worst < 1e-4 else "DISAGREE"
    print(f"at tolerance 1e-6 predictions {verdict} to {worst:.1e} (goal 1e-4); ratios are scikit-learn / TabularNAS")
    sys.exit(0 if worst < 1e-4 else 1)


if __name__ == "__main__":
    main()
