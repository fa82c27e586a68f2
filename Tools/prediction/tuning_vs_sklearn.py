#!/usr/bin/env python3
"""Model-selection time side by side with scikit-learn: same candidates, same folds, one run.

Installs scikit-learn into a virtual environment of its own (under .build/prediction-work),
builds the release benchmarks and writes one deterministic problem the size of NAAP-440's
training set after six epochs (400 rows, 24 features). For each tree family, TabularNAS's
`HyperparameterSearch` (the family's default and DRAWS random draws, k-fold cross-validation,
every (candidate, fold) fit in parallel) prints its candidates and folds; scikit-learn's
`GridSearchCV` then scores exactly those candidates on exactly those folds with `n_jobs=-1`
(a randomized search whose draws are ours). Medians of fresh repetitions; the ratio is
scikit-learn / TabularNAS.

    python3 Tools/prediction/tuning_vs_sklearn.py [--draws 20] [--folds 3] [--repetitions 3]
"""
import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from side_by_side import WORK, prepare, run, run_json  # noqa: E402

FAMILIES = ["random-forest", "extra-trees", "gradient-boosting"]

PROBLEM = r"""
import sys
import numpy as np
rng = np.random.default_rng(20220905)
X = rng.normal(size=(400, 24))
y = 0.9 + 0.03 * X[:, 0] - 0.02 * np.tanh(X[:, 1] * X[:, 2]) + 0.01 * X[:, 3:9].sum(axis=1) / 6 + 0.005 * rng.normal(size=400)
header = ",".join([f"x{i}" for i in range(24)] + ["y"])
np.savetxt(sys.argv[1], np.column_stack([X, y]), delimiter=",", header=header, comments="", fmt="%.17g")
"""

SKLEARN_TIMER = r"""
import json, sys, time
import numpy as np
from sklearn.ensemble import ExtraTreesRegressor, GradientBoostingRegressor, RandomForestRegressor
from sklearn.model_selection import GridSearchCV
path, family, spec, repetitions = sys.argv[1], sys.argv[2], json.load(open(sys.argv[3])), int(sys.argv[4])
data = np.loadtxt(path, delimiter=",", skiprows=1)
X, y = data[:, :-1], data[:, -1]
rows = np.arange(len(y))
folds = [(np.setdiff1d(rows, held), np.array(held)) for held in spec["folds"]]
def grid(candidate):
    if family == "gradient-boosting":
        return {"n_estimators": [candidate["n_estimators"]], "learning_rate": [float(candidate["learning_rate"])],
                "subsample": [float(candidate["subsample"])], "max_depth": [candidate["max_depth"]]}
    # A fraction, never an integer count: scikit-learn reads max_features=1 as one feature.
    return {"n_estimators": [candidate["n_estimators"]], "min_samples_leaf": [candidate["min_samples_leaf"]],
            "max_features": [float(candidate["max_features"])], "bootstrap": [candidate["bootstrap"]]}
estimator = {"random-forest": RandomForestRegressor, "extra-trees": ExtraTreesRegressor,
             "gradient-boosting": GradientBoostingRegressor}[family](random_state=0)
times = []
for _ in range(repetitions):
    search = GridSearchCV(estimator, [grid(c) for c in spec["candidates"]], cv=folds, scoring="neg_mean_squared_error",
                          n_jobs=-1, refit=False)
    start = time.perf_counter(); search.fit(X, y); times.append(time.perf_counter() - start)
print(json.dumps({"seconds": sorted(times)[len(times) // 2], "candidates": len(search.cv_results_["params"]),
                  "error": float(-search.best_score_)}))
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draws", type=int, default=20)
    parser.add_argument("--folds", type=int, default=3)
    parser.add_argument("--repetitions", type=int, default=3)
    args = parser.parse_args()
    python, benchmark = prepare()
    scripts = {}
    for name, text in [("problem", PROBLEM), ("timer", SKLEARN_TIMER)]:
        scripts[name] = os.path.join(WORK, f"tuning_{name}.py")
        with open(scripts[name], "w") as f:
            f.write(text)
    data = os.path.join(WORK, "tuning-problem.csv")
    run([python, scripts["problem"], data])
    print(f"{os.cpu_count()} cores; {args.draws} draws + the default, {args.folds} folds, 400 rows × 24 features; "
          f"medians of {args.repetitions}")
    print(f"{'family':<20}{'candidates':>11}{'scikit-learn':>14}{'TabularNAS':>12}{'ratio':>8}"
          f"{'CV MSE sklearn':>16}{'ours':>10}")
    for family in FAMILIES:
        ours = run_json([benchmark, "tune", data, family, str(args.draws), str(args.folds), "20220905",
                         str(args.repetitions)])
        spec = os.path.join(WORK, f"tuning-{family}.json")
        with open(spec, "w") as f:
            json.dump(ours, f)
        theirs = run_json([python, scripts["timer"], data, family, spec, str(args.repetitions)])
        print(f"{family:<20}{theirs['candidates']:>11}{theirs['seconds']:>13.2f}s{ours['seconds']:>11.2f}s"
              f"{theirs['seconds'] / ours['seconds']:>7.1f}×{theirs['error']:>16.3e}{ours['error']:>10.3e}")
    print("ratio = scikit-learn / TabularNAS; CV MSE: the chosen candidate's cross-validated squared error")


if __name__ == "__main__":
    main()
