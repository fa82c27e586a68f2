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
Runs are restricted to validation queries with the default seed (222), where the reference's
documented flaws (test/train queries competing for best, sticky seeds) cannot differ from us.

Files holding a subset (--cells N, --lrs, --batch-sizes, --seeds, --keep-all-runs, passed to
write_original_files.py): the search space (cellcodes, lrs, batch_sizes, seeds) must equal the
reference's, queries are drawn from it, and keys outside it must be refused by both.

Usage: python3 Tools/nashpobench2/conformance.py [--queries N] [--classes K] [--numpy [--dtype float32]]
       [--protocol P] [--unmemoised] [--configuration debug|release] [--cells N [--keep-all-runs]]
       [--lrs A,B] [--batch-sizes A,B] [--seeds A,B]
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
from common import WORK, build, dataset, reference_python, run, run_json  # noqa: E402

REFERENCE = r"""
import json, pickle, sys
from nashpobench2api import NASHPOBench2API as API
folder, queries_path, script_path, out_path = sys.argv[1:5]
api = API(folder, verbose=False)
space = {"cellcodes": api.cellcodes, "lrs": [float(v) for v in api.lrs], "batch_sizes": [int(v) for v in api.batch_sizes],
         "seeds": [int(v) for v in api.seeds]}
answers = []
for line in open(queries_path):
    q = json.loads(line)
    acc, cost = api.query_by_key(q["cellcode"], q["lr"], q["batch_size"], epoch=q["epoch"], mode=q["mode"],
                                 iepoch=q["iepoch"], seed=q["seed"], enable_log=False)
    answers.append({"accuracy": float(acc), "cost": None if cost is None else float(cost)})
refusals = []
for line in open(queries_path.replace("queries", "outside")):
    q = json.loads(line)
    try:
        api.query_by_key(q["cellcode"], q["lr"], q["batch_size"], seed=q["seed"], enable_log=False)
        refusals.append(False)
    except (ValueError, KeyError):
        refusals.append(True)
api.set_seed(api.seeds[0])
api.reset_logdata()
for line in open(script_path):
    q = json.loads(line)
    api.query_by_key(q["cellcode"], q["lr"], q["batch_size"], epoch=12, mode="valid", iepoch=q["iepoch"], seed=api.seeds[0])
results = api.get_results()
with open(out_path, "wb") as f:
    pickle.dump({"answers": answers, "results": results, "space": space, "refusals": refusals}, f)
"""


ALL_CODES = [f"{a}|{b}{c}|{d}{e}{f}" for a in "0123" for b in "0123" for c in "0123"
             for d in "0123" for e in "0123" for f in "0123"]
FULL_SPACE = {"cellcodes": ALL_CODES, "lrs": [0.003125, 0.00625, 0.0125, 0.025, 0.05, 0.1, 0.2, 0.4],
              "batch_sizes": [16, 32, 64, 128, 256, 512], "seeds": [222, 555, 888]}


def random_queries(rng, count, space=FULL_SPACE):
    for _ in range(count):
        epoch = 200 if rng.random() < 0.2 else 12
        yield {"cellcode": rng.choice(space["cellcodes"]), "lr": rng.choice(space["lrs"]),
               "batch_size": rng.choice(space["batch_sizes"]), "epoch": epoch, "mode": rng.choice(["train", "valid", "test"]),
               "iepoch": None if epoch == 200 or rng.random() < 0.3 else rng.randint(1, 12),
               "seed": rng.choice(space["seeds"])}


def outside_queries(rng, count, space):
    """Keys with one component outside a subset's space (none when the space is whole)."""
    choices = [(name, [v for v in FULL_SPACE[name] if v not in space[name]]) for name in FULL_SPACE]
    choices = [(name, values) for name, values in choices if values]
    for _ in range(count if choices else 0):
        query = next(random_queries(rng, 1, space))
        name, values = rng.choice(choices)
        query[{"cellcodes": "cellcode", "lrs": "lr", "batch_sizes": "batch_size", "seeds": "seed"}[name]] = rng.choice(values)
        yield query


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--queries", type=int, default=10_000)
    parser.add_argument("--run-length", type=int, default=300)
    parser.add_argument("--classes", type=int, default=0, help="small files with K classes (0: full size)")
    parser.add_argument("--numpy", action="store_true", help="files hold NumPy scalars")
    parser.add_argument("--protocol", type=int, default=4)
    parser.add_argument("--configuration", default="release", choices=["debug", "release"])
    parser.add_argument("--dtype", default="float64", choices=["float64", "float32"], help="with --numpy: the float type")
    parser.add_argument("--unmemoised", action="store_true", help="files pickled without the memo")
    parser.add_argument("--cells", type=int, default=0, help="files listing N cell codes (a subset)")
    parser.add_argument("--keep-all-runs", action="store_true", help="with --cells: bench12.pkl keeps every class's runs")
    parser.add_argument("--lrs", help="files holding only these learning rates")
    parser.add_argument("--batch-sizes", help="files holding only these batch sizes")
    parser.add_argument("--seeds", help="files holding only these seeds")
    args = parser.parse_args()

    python = reference_python()
    binaries = build(args.configuration)
    subset, suffix = [], ""
    for option, value in (("--cells", args.cells or None), ("--lrs", args.lrs), ("--batch-sizes", args.batch_sizes),
                          ("--seeds", args.seeds)):
        if value:
            subset += [option, str(value)]
            suffix += f"-{option[2:]}{value}".replace(",", "_")
    if args.keep_all_runs:
        subset, suffix = subset + ["--keep-all-runs"], suffix + "-allruns"
    suffix += ("-f32" if args.numpy and args.dtype == "float32" else "") + ("-unmemoised" if args.unmemoised else "")
    name = f"{'full' if not args.classes else f'small{args.classes}'}-p{args.protocol}{'-numpy' if args.numpy else ''}{suffix}"
    _, folder = dataset(binaries, name=name, classes=args.classes, numpy=args.numpy, protocol=args.protocol, subset=subset,
                        dtype=args.dtype, unmemoised=args.unmemoised)
    tabnas = os.path.join(binaries, "tabnas")
    information = run_json([tabnas, "info", "--data", folder, "--json"])
    our_space = information.get("search_space", FULL_SPACE)
    rng = random.Random(20211130)
    with tempfile.TemporaryDirectory(dir=WORK) as scratch:
        queries = os.path.join(scratch, "queries.jsonl")
        script = os.path.join(scratch, "script.jsonl")
        outside = os.path.join(scratch, "outside.jsonl")
        with open(queries, "w") as f:
            for q in random_queries(rng, args.queries, our_space):
                f.write(json.dumps(q) + "\n")
        with open(script, "w") as f:
            for q in random_queries(rng, args.run_length, our_space):
                f.write(json.dumps({**q, "epoch": 12, "mode": "valid", "seed": our_space["seeds"][0],
                                    "iepoch": rng.choice([None, rng.randint(1, 12)])}) + "\n")
        outside_list = list(outside_queries(rng, 200, our_space))
        with open(outside, "w") as f:
            for q in outside_list:
                f.write(json.dumps(q) + "\n")
        reference_out = os.path.join(scratch, "reference.pkl")
        run([python, "-c", REFERENCE, folder, queries, script, reference_out])
        with open(reference_out, "rb") as f:
            reference = pickle.load(f)

        our_refusals = []
        for q in outside_list:
            answer = subprocess.run([tabnas, "query", "--data", folder, "--cellcode", q["cellcode"], "--lr", str(q["lr"]),
                                     "--batch-size", str(q["batch_size"]), "--seed", str(q["seed"])], capture_output=True, text=True)
            our_refusals.append(answer.returncode != 0 and "not in the files" in answer.stderr + answer.stdout)
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
    same_space = reference["space"] == {name: our_space[name] for name in FULL_SPACE}
    passed, failed = (passed + 1, failed) if same_space else (passed, failed + 1)
    if not same_space:
        mismatches.append(("search space", {k: v[:5] for k, v in reference["space"].items()}))
    for index, (theirs, mine) in enumerate(zip(reference["refusals"], our_refusals)):
        same = theirs and mine
        passed, failed = (passed + 1, failed) if same else (passed, failed + 1)
        if not same:
            mismatches.append((f"outside query {index}", outside_list[index], theirs, mine))
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
    print(f"conformance on {folder}: {args.queries} random queries, a {args.run_length}-query run, pickle exports"
          + (f", the search space and {len(outside_list)} keys outside it" if outside_list else ""))
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
