#!/usr/bin/env python3
"""Regenerates the README's prediction tables from the current code.

Runs the release `tabnas predict` on the real files (TABNAS_DATA or ../shared/data): the
NAAP-440 protocol (every published regressor beside baseline_results.csv, then the tuned
ensemble and the best-of-families choice), Baker et al. Table 1 on three files, and the MetaQNN CIFAR-10
ensemble by training-set size, and prints the Markdown tables; with --write it replaces the README's
block between the `predict-tables` markers.

    python3 Tools/prediction/readme_tables.py [--write] [--repeats 10]
"""
import argparse
import json
import os
import re
import subprocess
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DATA = os.environ.get("TABNAS_DATA") or os.path.join(ROOT, "..", "shared", "data")
BEGIN, END = "<!-- predict-tables:begin -->", "<!-- predict-tables:end -->"
MODELS = ["nu-svr-rbf", "nu-svr-linear", "random-forest", "ols", "ensemble", "best"]
TUNED = ["ensemble", "best"]
# Baker et al. (2018) Table 1, R² × 100 (mean ± standard error); no published ensemble.
PAPER = {
    "metaqnn_cifar10": {"nu-svr-rbf": "94.22 ± 0.25", "nu-svr-linear": "94.44 ± 0.14", "random-forest": "92.27 ± 0.91",
                        "ols": "93.22 ± 1.1"},
    "deep_resnets_tinyimagenet": {"nu-svr-rbf": "85.78 ± 1.82", "nu-svr-linear": "91.8 ± 1.1",
                                  "random-forest": "91.37 ± 2.18", "ols": "90.15 ± 1.8"},
    "lstm_ptb": {"nu-svr-rbf": "83.29 ± 7.71", "nu-svr-linear": "98.59 ± 0.8", "random-forest": "91.38 ± 1.97",
                 "ols": "89.8 ± 0.16"},
}
NAMES = {"metaqnn_cifar10": "MetaQNN CIFAR-10", "deep_resnets_tinyimagenet": "ResNet TinyImageNet", "lstm_ptb": "LSTM PTB"}
DETERMINISTIC = ("-NN", "Linear Regression", "SVR")
TRAINING_SIZES = [100, 200, 400, 700]


def tabnas(arguments):
    output = subprocess.run([os.path.join(ROOT, ".build", "release", "tabnas")] + arguments + ["--data", DATA, "--json"],
                            check=True, capture_output=True, text=True).stdout
    return json.loads(output)


def naap_table():
    rows = tabnas(["predict", "--dataset", "naap440", "--protocol", "naap440", "--models", ",".join(TUNED)])
    published = [r for r in rows if r["published_violations"] is not None]
    deterministic = [r for r in published if any(word in r["model"] for word in DETERMINISTIC)]
    exact = [r for r in deterministic
             if "%.4f" % r["mae"] == "%.4f" % r["published_mae"] and r["violations"] == r["published_violations"]]
    lines = [f"NAAP-440 (`tabnas predict --dataset naap440 --protocol naap440 --models {','.join(TUNED)}`): "
             f"{len(exact)} of {len(deterministic)} deterministic published rows (k-NN, linear regressions, SVR) "
             "reproduced to the published digits; violations of 780 test pairs, MAE in brackets.", "",
             "| epochs | best published row | " + " | ".join(f"TabularNAS {name}" for name in TUNED) + " |",
             "|---" * (len(TUNED) + 2) + "|"]
    for epochs, features in [(0, "Scheme")] + [(k, f"Scheme + Quantitative {k} epochs") for k in (3, 6, 9)]:
        best = min((r for r in published if r["features"] == features),
                   key=lambda r: (r["published_violations"], r["published_mae"]))
        ours = [next(r for r in rows if r["model"] == f"TabularNAS {name}" and r["features"] == features) for name in TUNED]
        lines.append(f"| {epochs} | {best['model']}: {best['published_violations']} [{best['published_mae']:.4f}] | "
                     + " | ".join(f"{r['violations']} [{r['mae']:.4f}]" for r in ours) + " |")
    return lines


def baker_table(repeats):
    lines = ["| dataset | " + " | ".join(MODELS) + " |", "|---" * (len(MODELS) + 1) + "|"]
    for name, paper in PAPER.items():
        report = tabnas(["predict", "--dataset", f"baker:{name}", "--models", ",".join(MODELS),
                                  "--repeats", str(repeats)])
        means = {row["model"]: row for row in report["rows"]}
        best = max(row["r2_x100_mean"] for row in report["rows"])
        cells = []
        for model in MODELS:
            row = means[model]
            text = f"{row['r2_x100_mean']:.2f} ± {row['r2_x100_standard_error']:.2f}"
            if row["r2_x100_mean"] == best:
                text = f"**{text}**"
            cells.append(text + (f" [{paper[model]}]" if model in paper else ""))
        lines.append(f"| {NAMES[name]} | " + " | ".join(cells) + " |")
    header = (f"Baker et al. Table 1 (`tabnas predict --dataset baker:FILE --models {','.join(MODELS)}`, {repeats} "
              "repeats, 20 draws, 3 folds; R² × 100, mean ± standard error; paper in brackets):")
    return [header, ""] + lines


def training_size_table(repeats):
    cells = []
    for size in TRAINING_SIZES:
        report = tabnas(["predict", "--dataset", "baker:metaqnn_cifar10", "--models", "ensemble",
                         "--train-size", str(size), "--repeats", str(repeats)])
        row = report["rows"][0]
        cells.append(f"{row['r2_x100_mean']:.2f} ± {row['r2_x100_standard_error']:.2f}")
    return [f"MetaQNN CIFAR-10 by training-set size (`--models ensemble --train-size N`, {repeats} repeats; the "
            "published protocol trains on 100 and tests on the rest):", "",
            "| training configurations | " + " | ".join(map(str, TRAINING_SIZES)) + " |",
            "|---" * (len(TRAINING_SIZES) + 1) + "|",
            "| ensemble R² × 100 | " + " | ".join(cells) + " |"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="replace the README's predict-tables block")
    parser.add_argument("--repeats", type=int, default=10)
    args = parser.parse_args()
    if not os.path.isdir(os.path.join(DATA, "naap440")):
        sys.exit(f"skipped: no real data at {DATA} (set TABNAS_DATA)")
    subprocess.run(["swift", "build", "-c", "release", "--package-path", ROOT, "--product", "tabnas"], check=True)
    block = "\n".join(["Generated by `python3 Tools/prediction/readme_tables.py --write`.", ""] + naap_table() + [""]
                      + baker_table(args.repeats) + [""] + training_size_table(args.repeats))
    print(block)
    if args.write:
        path = os.path.join(ROOT, "README.md")
        text = open(path, encoding="utf-8").read()
        if BEGIN not in text or END not in text:
            sys.exit(f"README.md lacks the {BEGIN} … {END} markers")
        text = re.sub(re.escape(BEGIN) + ".*?" + re.escape(END), lambda _: f"{BEGIN}\n{block}\n{END}", text, flags=re.S)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        print("README.md updated")


if __name__ == "__main__":
    main()
