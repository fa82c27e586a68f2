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

PYTHON_BASELINES = r"""
import collections, json, random, sys, time
from nashpobench2api import NASHPOBench2API as API
api = API(sys.argv[1], verbose=False)
runs, budget = int(sys.argv[2]), float(sys.argv[3])

def mutate(key):
    element = random.choice([f"edge-{i}" for i in range(6)] + ["lr", "batch_size"])
    key = dict(key)
    if element.startswith("edge"):
        i = int(element[-1])
        ops = list(key["cellcode"].replace("|", ""))
        ops[i] = str(random.choice([op for op in range(4) if op != int(ops[i])]))
        key["cellcode"] = f"{ops[0]}|{ops[1]}{ops[2]}|{ops[3]}{ops[4]}{ops[5]}"
    elif element == "lr":
        key["lr"] = random.choice([lr for lr in api.lrs if lr != key["lr"]])
    else:
        key["batch_size"] = random.choice([b for b in api.batch_sizes if b != key["batch_size"]])
    return key

def random_search():
    while api.get_total_cost() < budget:
        api.query_by_key(**api.get_random_key(), epoch=12)
    return api.get_results(epoch="both")

def evolution():
    population = collections.deque()
    while len(population) < 10:
        key = api.get_random_key()
        population.append((key, api.query_by_key(**key, epoch=12)[0]))
    while api.get_total_cost() < budget:
        parent = max((random.choice(list(population)) for _ in range(3)), key=lambda member: member[1])
        child = mutate(parent[0])
        population.append((child, api.query_by_key(**child, epoch=12)[0]))
        population.popleft()
    return api.get_results(epoch="both")

report = {}
for name, algorithm in (("random", random_search), ("evolution", evolution)):
    finals = []
    start = time.perf_counter()
    for seed in range(runs):
        random.seed(seed)
        api.reset_logdata()
        finals.append(algorithm()["final_accs"][0])
    report[name] = {"seconds": time.perf_counter() - start, "mean": sum(finals) / len(finals)}
print(json.dumps(report))
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=500)
    parser.add_argument("--budget", type=float, default=20000)
    args = parser.parse_args()
    binaries = build()
    native, folder = dataset(binaries)
    python = reference_python()
    theirs = run_json([python, "-c", PYTHON_BASELINES, folder, str(args.runs), str(args.budget)])
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
