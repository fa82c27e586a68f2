#!/usr/bin/env python3
"""ASHA on simulated workers, side by side with Syne Tune's simulator backend on one table.

Installs Syne Tune into a virtual environment under .build/, writes the full-size synthetic
NAS-HPO-Bench-II table with `tabnas convert`, builds Syne Tune's tabular blackbox from that same
file (validation accuracy, test accuracy and cumulative training-plus-validation time at epochs
1…12, seed 222, as `query_by_key(..., iepoch=e)` returns them), and runs stopping-based ASHA
(η = 3, rungs 1, 3, 9, then 12) with 4 workers until a simulated wall-clock budget:

- ours:   tabnas search asha --asha-type stopping --workers 4 --budget-time T
- theirs: syne_tune ASHA + UserBlackboxBackend + SimulatorCallback, max_wallclock_time T

Both report, per run, the 12-epoch test accuracy of the best configuration by validation
accuracy among the rung results seen within T (Syne Tune reports every epoch; only the rung
epochs, which our log holds, compete). Prints mean ± standard error of each, and the trials
started per second of wall time of each, as a ratio measured in this one run.

Usage: python3 Tools/searches/compare_syne_tune.py [--runs 20] [--budget-time 20000] [--workers 4]
(SYNE_TUNE_PYTHON names a python that has syne-tune 0.16 already.)
"""
import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, "Tools", "nashpobench2"))
from common import build, venv_python  # noqa: E402

EPOCHS = 12


def mean_se(values):
    mean = sum(values) / len(values)
    if len(values) < 2:
        return mean, 0.0
    variance = sum((v - mean) ** 2 for v in values) / (len(values) - 1)
    return mean, math.sqrt(variance / len(values))


def theirs(args, native):
    """Runs in Syne Tune's venv: this file with --syne-tune."""
    python = os.environ.get("SYNE_TUNE_PYTHON") or venv_python(
        os.path.join(ROOT, ".build", "syne-tune-venv"), ["syne-tune==0.16.0", "huggingface_hub"], "import syne_tune.blackbox_repository")
    environment = dict(os.environ, SYNETUNE_FOLDER=os.path.join(os.path.dirname(native), "syne-tune"))
    output = subprocess.run(
        [python, __file__, "--syne-tune", native, "--runs", str(args.runs), "--budget-time", str(args.budget_time),
         "--workers", str(args.workers), "--seed", str(args.seed)],
        check=True, capture_output=True, text=True, env=environment).stdout
    return json.loads(output.strip().splitlines()[-1])


def syne_tune_main(args):
    import logging
    import numpy as np
    import pandas as pd
    from syne_tune import StoppingCriterion, Tuner
    from syne_tune.backend.simulator_backend.simulator_callback import SimulatorCallback
    from syne_tune.blackbox_repository.blackbox_tabular import BlackboxTabular
    from syne_tune.blackbox_repository.simulated_tabular_backend import UserBlackboxBackend
    from syne_tune.config_space import choice, randint
    from syne_tune.optimizer.baselines import ASHA
    from syne_tune.tuner_callback import TunerCallback
    from write_original_files import cell_codes, read_native

    logging.disable(logging.WARNING)
    hashes, cell_classes, curves, totals, _ = read_native(args.syne_tune)
    records = len(totals) // 3
    curves = np.array(curves).reshape(records, 6, EPOCHS)
    totals = np.array(totals).reshape(records, 3)
    codes = cell_codes()
    # Rows in our flat order: cell code, then learning rate (8), then batch size (6); seed 222.
    classes = np.repeat(np.array(cell_classes, dtype=np.int64), 48)
    settings = np.tile(np.arange(48), len(codes))
    rows = (classes * 48 + settings) * 3
    train, valid = curves[rows, 0, :], curves[rows, 1, :]
    train_time, valid_time = curves[rows, 3, :], curves[rows, 4, :]
    elapsed = np.empty((len(rows), EPOCHS))
    for epoch in range(EPOCHS - 1):  # Python's left-to-right sum over train times, then valid times
        total = np.zeros(len(rows))
        for j in range(epoch + 1):
            total += train_time[:, j]
        for j in range(epoch + 1):
            total += valid_time[:, j]
        elapsed[:, epoch] = total
    elapsed[:, EPOCHS - 1] = totals[rows, 1]
    test = curves[rows, 2, :]
    digits = [[int(c) for c in code.replace("|", "")] for code in codes]
    hyperparameters = pd.DataFrame(
        {f"op{i}": np.repeat([d[i] for d in digits], 48) for i in range(6)}
        | {"lr": np.tile(np.repeat(np.arange(8), 6), len(codes)), "bs": np.tile(np.arange(6), 8 * len(codes))})
    space = {f"op{i}": choice([0, 1, 2, 3]) for i in range(6)} | {"lr": choice(list(range(8))), "bs": choice(list(range(6)))}
    objectives = np.stack([valid, elapsed, test], axis=-1)[:, None, :, :]
    blackbox = BlackboxTabular(
        hyperparameters=hyperparameters, configuration_space=space, fidelity_space={"epoch": randint(1, EPOCHS)},
        objectives_evaluations=objectives, objectives_names=["valid_acc", "elapsed_time", "test_acc"])
    flat = {tuple(row): index for index, row in enumerate(hyperparameters.itertuples(index=False, name=None))}
    rungs = {1, 3, 9, 12}

    class Collect(TunerCallback):
        def __init__(self):
            self.results = []

        def on_trial_result(self, trial, status, result, decision):
            self.results.append((result["st_tuner_time"], trial.trial_id, int(result["epoch"]), result["valid_acc"],
                                 tuple(trial.config[k] for k in hyperparameters.columns)))

    finals, trials, seconds = [], 0, 0.0
    for run in range(args.runs):
        collect = Collect()
        backend = UserBlackboxBackend(blackbox=blackbox, elapsed_time_attr="elapsed_time", seed=0)
        scheduler = ASHA(space, metric="valid_acc", do_minimize=False, time_attr="epoch", max_t=EPOCHS, grace_period=1,
                         reduction_factor=3, random_seed=args.seed + run)
        tuner = Tuner(
            trial_backend=backend, scheduler=scheduler, stop_criterion=StoppingCriterion(max_wallclock_time=args.budget_time),
            n_workers=args.workers, sleep_time=0, callbacks=[SimulatorCallback(), collect], results_update_interval=1e9,
            print_update_interval=1e9, save_tuner=False, tuner_name=f"tabnas-compare-{os.getpid()}-{run}")
        start = time.perf_counter()
        tuner.run()
        seconds += time.perf_counter() - start
        seen = [r for r in collect.results if r[2] in rungs and r[0] <= args.budget_time]
        trials += len({r[1] for r in collect.results})
        best = None
        for _, _, _, value, config in seen:  # in order of arrival; ties keep the earlier, as our log
            if best is None or value > best[0]:
                best = (value, config)
        finals.append(float(test[flat[best[1]], EPOCHS - 1]))
    print(json.dumps({"finals": finals, "trials": trials, "seconds": seconds}))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--budget-time", type=float, default=20000)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--syne-tune", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.syne_tune:
        return syne_tune_main(args)
    tabnas = os.path.join(build("release"), "tabnas")
    with tempfile.TemporaryDirectory() as folder:
        native = os.path.join(folder, "synthetic.tabnas")
        subprocess.run([tabnas, "convert", "--output", native], check=True, capture_output=True)
        out = os.path.join(folder, "ours")
        words = [tabnas, "search", "asha", "--asha-type", "stopping", "--workers", str(args.workers), "--budget-time",
                 str(args.budget_time), "--runs", str(args.runs), "--seed", str(args.seed), "--data", native, "--jobs", "1",
                 "--out", out, "--json"]
        start = time.perf_counter()
        report = json.loads(subprocess.run(words, check=True, capture_output=True, text=True).stdout)
        our_seconds = time.perf_counter() - start
        our_trials = 0
        for run in range(args.runs):
            with open(os.path.join(out, f"seed{run}.json")) as f:
                our_trials += len(set(json.load(f)["timeline"]["trial"]))
        other = theirs(args, native)
    ours_mean, ours_se = mean_se(report["finals"])
    their_mean, their_se = mean_se(other["finals"])
    ours_rate, their_rate = our_trials / our_seconds, other["trials"] / other["seconds"]
    print(f"ASHA (stopping), {args.workers} workers, {args.budget_time:g} s simulated, {args.runs} runs each, "
          "12-epoch test accuracy (%) of the best configuration by validation accuracy:")
    print(f"  TabularNAS  {ours_mean:.2f} ± {ours_se:.2f}   {our_trials} trials in {our_seconds:.2f} s "
          f"({ours_rate:,.0f} trials/s, process start and table load included)")
    print(f"  Syne Tune   {their_mean:.2f} ± {their_se:.2f}   {other['trials']} trials in {other['seconds']:.2f} s "
          f"({their_rate:,.0f} trials/s, tuning loop only)")
    difference = abs(ours_mean - their_mean) / max(math.hypot(ours_se, their_se), 1e-12)
    print(f"  difference {difference:.2f} combined standard errors; simulated trials per second: {ours_rate / their_rate:,.0f}× Syne Tune's")


if __name__ == "__main__":
    main()
