#!/usr/bin/env python3
"""The drop-in against the reference: the same bench_algos-style scripts (bench_algos.py),
changing only the import, must give identical get_results for every seed.

Sets up (once, under .build/) the reference API in a virtual environment, a release build and
full-size files in the original schema, then runs Tools/python/bench_algos.py with
`--api reference` and `--api tabularnas` and compares every result dict exactly.

    python3 Tools/python/conformance.py [--seeds 0:20] [--configuration release|debug]
"""
import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "Tools", "nashpobench2"))
from common import build, dataset, reference_python  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", default="0:20")
    parser.add_argument("--budget", default="20000")
    parser.add_argument("--configuration", default="release")
    args = parser.parse_args()
    binaries = build(args.configuration)
    _, folder = dataset(binaries)
    python = reference_python()
    environment = dict(os.environ, PYTHONPATH=HERE, TABNAS_BINARY=os.path.join(binaries, "tabnas"))
    reports = {}
    for api in ("reference", "tabularnas"):
        output = subprocess.run([python, os.path.join(HERE, "bench_algos.py"), "--api", api, "--data", folder,
                                 "--seeds", args.seeds, "--budget", args.budget],
                                check=True, capture_output=True, text=True, env=environment).stdout
        reports[api] = json.loads(output)
    failures = 0
    for name in ("random", "evolution"):
        theirs, ours = reports["reference"][name], reports["tabularnas"][name]
        for index, (a, b) in enumerate(zip(theirs, ours)):
            if a != b:
                failures += 1
                field = next((key for key in a if a[key] != b.get(key)), "?")
                print(f"{name} seed {index}: get_results differ in {field}", file=sys.stderr)
        if len(theirs) != len(ours):
            failures += 1
        print(f"{name}: {len(ours)} seeds, {sum(len(r['acc_trans']) for r in ours)} queries, "
              f"{'identical' if failures == 0 else 'DIFFERENT'} get_results; "
              f"{reports['reference'][name + '_seconds']:.2f} s reference, {reports['tabularnas'][name + '_seconds']:.2f} s drop-in")
    print(f"open: {reports['reference']['open_seconds']:.2f} s reference, {reports['tabularnas']['open_seconds']:.3f} s drop-in")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
