#!/usr/bin/env python3
"""The drop-in against the reference: the same bench_algos-style scripts (bench_algos.py),
changing only the import, must give identical get_results for every seed.

Sets up (once, under .build/) the reference API in a virtual environment, a release build and
full-size files in the original schema, then runs Tools/python/bench_algos.py with
`--api reference` and `--api tabularnas` and compares every result dict exactly.

    python3 Tools/python/conformance.py [--seeds 0:20] [--configuration release|debug] [--cells N]

--cells N writes files listing N cell codes (a subset; the reference and the drop-in derive the
search space from them). Evolution mutates cells outside such a subset, which the reference
refuses, so on a subset only random search runs.
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
    parser.add_argument("--cells", type=int, default=0, help="files listing N cell codes (a subset)")
    args = parser.parse_args()
    binaries = build(args.configuration)
    if args.cells:
        _, folder = dataset(binaries, name=f"full-p4-cells{args.cells}", subset=["--cells", str(args.cells)])
    else:
        _, folder = dataset(binaries)
    algorithms = ["random"] if args.cells else ["random", "evolution"]
    python = reference_python()
    environment = dict(os.environ, PYTHONPATH=HERE, TABNAS_BINARY=os.path.join(binaries, "tabnas"))
    reports = {}
    # The drop-in in-process (the shared library beside the binary) and through `tabnas serve`
    # (no library at $TABNAS_LIBRARY, so it falls back to the server).
    for label, api, extra in (("reference", "reference", {}), ("in-process", "tabularnas", {}),
                              ("process", "tabularnas", {"TABNAS_LIBRARY": os.path.join(HERE, "no-such-library.so")})):
        output = subprocess.run([python, os.path.join(HERE, "bench_algos.py"), "--api", api, "--data", folder,
                                 "--seeds", args.seeds, "--budget", args.budget, "--algorithms", ",".join(algorithms)],
                                check=True, capture_output=True, text=True, env=dict(environment, **extra)).stdout
        reports[label] = json.loads(output)
    failures = 0
    for transport, name in [(t, n) for t in ("in-process", "process") for n in algorithms]:
        theirs, ours = reports["reference"][name], reports[transport][name]
        for index, (a, b) in enumerate(zip(theirs, ours)):
            if a != b:
                failures += 1
                field = next((key for key in a if a[key] != b.get(key)), "?")
                print(f"{name} seed {index}: get_results differ in {field}", file=sys.stderr)
        if len(theirs) != len(ours):
            failures += 1
        print(f"{name}, drop-in {transport}: {len(ours)} seeds, {sum(len(r['acc_trans']) for r in ours)} queries, "
              f"{'identical' if failures == 0 else 'DIFFERENT'} get_results; "
              f"{reports['reference'][name + '_seconds']:.2f} s reference, {reports[transport][name + '_seconds']:.2f} s drop-in")
    print(f"open: {reports['reference']['open_seconds']:.2f} s reference, {reports['in-process']['open_seconds']:.3f} s "
          f"drop-in in-process, {reports['process']['open_seconds']:.3f} s through the server")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
