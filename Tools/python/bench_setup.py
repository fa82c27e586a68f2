"""What the bench_algos-style scripts share: their options, the API their `--api` picks, and the
loop that runs each algorithm once per seed and prints the report."""
import argparse
import json
import sys
import time


def parse(description, algorithms):
    """The scripts' options; returns them with the chosen API's class and its utils' get_ith_op and
    set_ith_op."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--api", choices=["reference", "tabularnas"], required=True)
    parser.add_argument("--data", required=True)
    parser.add_argument("--seeds", default="0:10", help="FIRST:END")
    parser.add_argument("--budget", type=float, default=20000)
    parser.add_argument("--algorithms", default=algorithms)
    args = parser.parse_args()
    if args.api == "reference":
        from nashpobench2api import NASHPOBench2API
        from nashpobench2api.utils import get_ith_op, set_ith_op
    else:
        from tabularnas.nashpobench2api import NASHPOBench2API
        from tabularnas.nashpobench2api.utils import get_ith_op, set_ith_op
    return args, NASHPOBench2API, get_ith_op, set_ith_op


def report(api, args, algorithms, report=None):
    """Runs each chosen algorithm (name → function of the seed) on every seed after
    reset_logdata(), and prints {name: [get_results per seed], name_seconds: …} as JSON."""
    report = dict(report or {})
    first, end = (int(part) for part in args.seeds.split(":"))
    for name in args.algorithms.split(","):
        results = []
        start = time.perf_counter()
        for seed in range(first, end):
            api.reset_logdata()
            results.append(algorithms[name](seed))
        report[name] = results
        report[name + "_seconds"] = time.perf_counter() - start
    json.dump(report, sys.stdout)
    print()
