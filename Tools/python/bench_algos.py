#!/usr/bin/env python3
"""Random search and regularized evolution in the style of the reference `bench_algos`,
written against the NASHPOBench2API interface; `--api` picks the import, nothing else changes:

    --api reference   from nashpobench2api import NASHPOBench2API
    --api tabularnas  from tabularnas.nashpobench2api import NASHPOBench2API

For each seed: random.seed(seed), reset_logdata(), search until the budget, get_results().
Prints one JSON object: {algorithm: [get_results per seed]}, and the seconds each took.

    python3 Tools/python/bench_algos.py --api tabularnas --data DIR [--seeds 0:10] [--budget 20000]
"""
import collections
import random
import time

from bench_setup import parse, report


def main():
    args, NASHPOBench2API, get_ith_op, set_ith_op = parse(__doc__.split("\n")[0], "random,evolution")
    start = time.perf_counter()
    api = NASHPOBench2API(args.data, verbose=False)
    opened = time.perf_counter() - start

    def mutate(key):
        element = random.choice([f"edge-{i}" for i in range(6)] + ["lr", "batch_size"])
        key = dict(key)
        if element.startswith("edge"):
            i = int(element[-1])
            old = get_ith_op(key["cellcode"], i)
            key["cellcode"] = set_ith_op(key["cellcode"], i, random.choice([op for op in range(4) if op != old]))
        elif element == "lr":
            key["lr"] = random.choice([lr for lr in api.lrs if lr != key["lr"]])
        else:
            key["batch_size"] = random.choice([b for b in api.batch_sizes if b != key["batch_size"]])
        return key

    def random_search():
        while api.get_total_cost() < args.budget:
            api.query_by_key(**api.get_random_key(), epoch=12)
        return api.get_results(epoch="both")

    def evolution():
        population = collections.deque()
        while len(population) < 10:
            key = api.get_random_key()
            population.append((key, api.query_by_key(**key, epoch=12)[0]))
        while api.get_total_cost() < args.budget:
            parent = max((random.choice(list(population)) for _ in range(3)), key=lambda member: member[1])
            child = mutate(parent[0])
            population.append((child, api.query_by_key(**child, epoch=12)[0]))
            population.popleft()
        return api.get_results(epoch="both")

    def seeded(algorithm):
        def run(seed):
            random.seed(seed)
            return algorithm()
        return run

    report(api, args, {"random": seeded(random_search), "evolution": seeded(evolution)}, {"open_seconds": opened})

if __name__ == "__main__":
    main()
