#!/usr/bin/env python3
"""Checks TabularNAS against the Python nashpobench2api on the same original-schema files.

Installs nashpobench2api into a virtual environment, writes NAS-HPO-Bench-II files with
write_original_files.py (full size by default), then checks that
1. for N random queries (epochs 12 and 200, every mode, iepoch, seed) both return identical
   accuracy and cost, bit for bit;
2. a scripted search run gives identical get_results (acc_trans, key_trans, best_acc_trans,
   best_key_trans, total_cost_trans, final_accs);
3. our pickle export of that run loads with pickle.load to the same dict as get_results;
4. a `tabnas search --format pickle` result loads with pickle.load with exactly the reference keys.
Runs are restricted to validation queries with seed 222, where the reference's documented
flaws (test/train queries competing for best, sticky seeds) cannot differ from us.

Usage: python3 Tools/nashpobench2/conformance.py [--queries N] [--classes K] [--numpy]
       [--protocol P] [--configuration debug|release]
Exit status 0 when everything is identical; the last line reads 'N passed, M failed'.
"""
import argparse
import json
import os
import pickle
import random
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from common import WORK, build, dataset, reference_python, run  # noqa: E402

REFERENCE = r"""
import json, pickle, sys
from nashpobench2api import NASHPOBench2API as API
folder, queries_path, script_path, out_path = sys.argv[1:5]
api = API(folder, verbose=False)
answers = []
for line in open(queries_path):
    q = json.loads(line)
    acc, cost = api.query_by_key(q["cellcode"], q["lr"], q["batch_size"], epoch=q["epoch"], mode=q["mode"],
                                 iepoch=q["iepoch"], seed=q["seed"], enable_log=False)
    answers.append({"accuracy": float(acc), "cost": None if cost is None else float(cost)})
api.set_seed(222)
api.reset_logdata()
for line in open(script_path):
    q = json.loads(line)
    api.query_by_key(q["cellcode"], q["lr"], q["batch_size"], epoch=12, mode="valid", iepoch=q["iepoch"], seed=222)
results = api.get_results()
with open(out_path, "wb") as f:
    pickle.dump({"answers": answers, "results": results, "cellcodes": api.cellcodes}, f)
"""


def random_queries(rng, count):
    codes = [f"{a}|{b}{c}|{d}{e}{f}" for a in "0123" for b in "0123" for c in "0123"
             for d in "0123" for e in "0123" for f in "0123"]
    lrs = [0.003125, 0.00625, 0.0125, 0.025, 0.05, 0.1, 0.2, 0.4]
    for _ in range(count):
        epoch = 200 if rng.random() < 0.2 else 12
        yield {"cellcode": rng.choice(codes), "lr": rng.choice(lrs), "batch_size": rng.choice([16, 32, 64, 128, 256, 512]),
               "epoch": epoch, "mode": rng.choice(["train", "valid", "test"]),
               "iepoch": None if epoch == 200 or rng.random() < 0.3 else rng.randint(1, 12),
               "seed": rng.choice([222, 555, 888])}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--queries", type=int, default=10_000)
    parser.add_argument("--run-length", type=int, default=300)
    parser.add_argument("--classes", type=int, default=0, help="small files with K classes (0: full size)")
    parser.add_argument("--numpy", action="store_true", help="files hold NumPy scalars")
    parser.add_argument("--protocol", type=int, default=4)
    parser.add_argument("--configuration", default="release", choices=["debug", "release"])
    args = parser.parse_args()

    python = reference_python()
    binaries = build(args.configuration)
    name = f"{'full' if not args.classes else f'small{args.classes}'}-p{args.protocol}{'-numpy' if args.numpy else ''}"
    _, folder = dataset(binaries, name=name, classes=args.classes, numpy=args.numpy, protocol=args.protocol)
    rng = random.Random(20211130)
    with tempfile.TemporaryDirectory(dir=WORK) as scratch:
        queries = os.path.join(scratch, "queries.jsonl")
        script = os.path.join(scratch, "script.jsonl")
        with open(queries, "w") as f:
            for q in random_queries(rng, args.queries):
                f.write(json.dumps(q) + "\n")
        with open(script, "w") as f:
            for q in random_queries(rng, args.run_length):
                f.write(json.dumps({**q, "epoch": 12, "mode": "valid", "seed": 222,
                                    "iepoch": rng.choice([None, rng.randint(1, 12)])}) + "\n")
        reference_out = os.path.join(scratch, "reference.pkl")
        run([python, "-c", REFERENCE, folder, queries, script, reference_out])
        with open(reference_out, "rb") as f:
            reference = pickle.load(f)

        tabnas = os.path.join(binaries, "tabnas")
        ours = run([tabnas, "replay", "--data", folder, "--queries", queries], capture_output=True, text=True).stdout
        our_answers = [json.loads(line) for line in ours.splitlines() if line.strip()]
        results_json = os.path.join(scratch, "results.json")
        results_pickle = os.path.join(scratch, "results.pkl")
        run([tabnas, "replay", "--data", folder, "--queries", script, "--log", "--results-json", results_json,
             "--results-pickle", results_pickle], capture_output=True)
        with open(results_json) as f:
            our_results = json.load(f)
        with open(results_pickle, "rb") as f:
            our_pickle = pickle.load(f)
        search_folder = os.path.join(scratch, "search")
        run([tabnas, "search", "evolution", "--data", folder, "--runs", "3", "--budget", "5000", "--format", "pickle",
             "--out", search_folder], capture_output=True)
        with open(os.path.join(search_folder, "seed2.pkl"), "rb") as f:
            search_pickle = pickle.load(f)

    passed = failed = 0
    mismatches = []
    for index, (theirs, mine) in enumerate(zip(reference["answers"], our_answers)):
        if theirs == mine:
            passed += 1
        else:
            failed += 1
            mismatches.append((index, theirs, mine))
    if len(our_answers) != len(reference["answers"]):
        failed += 1
        mismatches.append(("count", len(reference["answers"]), len(our_answers)))
    results = reference["results"]
    keys = ["acc_trans", "key_trans", "best_acc_trans", "best_key_trans", "total_cost_trans", "final_accs"]
    for key in keys:
        same = [float(v) if isinstance(v, (int, float)) else v for v in results[key]] == our_results[key]
        passed, failed = (passed + 1, failed) if same else (passed, failed + 1)
        if not same:
            mismatches.append((f"get_results[{key}]", results[key][:5], our_results[key][:5]))
    same_pickle = our_pickle == results and list(our_pickle) == keys
    passed, failed = (passed + 1, failed) if same_pickle else (passed, failed + 1)
    if not same_pickle:
        mismatches.append(("pickle export", sorted(results), sorted(our_pickle)))

    search_ok = (list(search_pickle) == keys and len(search_pickle["final_accs"]) == 2
                 and all(isinstance(key, dict) and set(key) == {"cellcode", "lr", "batch_size"} for key in search_pickle["key_trans"]))
    passed, failed = (passed + 1, failed) if search_ok else (passed, failed + 1)
    if not search_ok:
        mismatches.append(("tabnas search pickle", list(search_pickle)))

    for mismatch in mismatches[:10]:
        print("MISMATCH", mismatch)
    print(f"conformance on {folder}: {args.queries} random queries, a {args.run_length}-query run, pickle exports")
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
