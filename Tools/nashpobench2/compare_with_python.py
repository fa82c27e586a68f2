#!/usr/bin/env python3
"""Benchmarks TabularNAS against the Python nashpobench2api on the same full-size files.

Sets up everything it needs (a virtual environment with nashpobench2api, a release build,
full-size files in the original schema written by write_original_files.py), then measures
each figure in a fresh process and prints ratios measured side by side in this one run:
opening the original pickles (directly, and through a fresh cache folder: the first open writes
the entry, the later ones map it), opening the native file, resident memory after opening and
at the peak, and a logged query. Goals: pickles >= 5x faster (issue 3), native < 20 ms,
memory <= 1/10, queries >= 30x faster; a cached open < 25 ms (issue 16).

With --variants NAME,… it then measures opening each pickle variant (see common.VARIANTS: Python
floats or NumPy float64/float32/int64 scalars, protocols 2–5, memoised or not), directly and
through the cache, against the Python API (the two interleaved, process by process), with the
peak resident memory of each.

Usage: python3 Tools/nashpobench2/compare_with_python.py [--queries N] [--repeats R] [--variants all|NAME,…]
"""
import argparse
import os
import shutil
import statistics
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from common import VARIANTS, build, dataset, reference_python, run_json  # noqa: E402

PYTHON_OPEN = r"""
import json, sys, time
from nashpobench2api import NASHPOBench2API as API
start = time.perf_counter()
api = API(sys.argv[1], verbose=False)
seconds = time.perf_counter() - start
with open('/proc/self/statm') as f:
    resident = int(f.read().split()[1]) * 4096
with open('/proc/self/status') as f:
    peak = next(int(line.split()[1]) for line in f if line.startswith('VmHWM')) * 1024
print(json.dumps({"seconds": seconds, "resident_bytes": resident, "peak_resident_bytes": peak}))
"""

PYTHON_QUERIES = r"""
import json, random, sys, time
from nashpobench2api import NASHPOBench2API as API
api = API(sys.argv[1], verbose=False)
rng = random.Random(1)
keys = [{"cellcode": rng.choice(api.cellcodes), "lr": rng.choice(api.lrs),
         "batch_size": rng.choice(api.batch_sizes)} for _ in range(int(sys.argv[2]))]
best = float("inf")
for _ in range(3):
    api.reset_logdata()
    start = time.perf_counter()
    for key in keys:
        api.query_by_key(**key)
    best = min(best, time.perf_counter() - start)
print(json.dumps({"nanoseconds_per_query": best / len(keys) * 1e9}))
"""


def median_of(command, field, repeats):
    values = [run_json(command)[field] for _ in range(repeats)]
    return statistics.median(values), values


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--queries", type=int, default=200_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--variants", help="also open these pickle variants (all, or names from common.VARIANTS)")
    args = parser.parse_args()

    python = reference_python()
    binaries = build("release")
    native, folder = dataset(binaries)
    bench = os.path.join(binaries, "TabNASBenchmarks")

    py_open = [run_json([python, "-c", PYTHON_OPEN, folder]) for _ in range(args.repeats)]
    swift_pickles = [run_json([bench, "open", folder]) for _ in range(args.repeats)]
    swift_native = [run_json([bench, "open", native]) for _ in range(args.repeats)]
    cache = tempfile.mkdtemp(prefix="tabnas-benchmark-cache-")
    swift_first = run_json([bench, "open", folder, cache])
    swift_cached = [run_json([bench, "open", folder, cache]) for _ in range(args.repeats)]
    shutil.rmtree(cache, ignore_errors=True)
    assert swift_first["cache"] == "created" and all(row["cache"] == "hit" for row in swift_cached), "the cache did not work"
    py_query = run_json([python, "-c", PYTHON_QUERIES, folder, str(args.queries)])
    swift_query = run_json([bench, "logged-queries", native, str(args.queries)])

    def med(rows, field):
        return statistics.median(row[field] for row in rows)

    py_seconds, py_resident = med(py_open, "seconds"), med(py_open, "resident_bytes")
    rows = [
        ("open original pickles (s)", py_seconds, med(swift_pickles, "seconds"), "goal >= 5x"),
        ("open native file (s)", py_seconds, med(swift_native, "seconds"), "goal < 0.020 s"),
        ("first open through the cache, writes it (s)", py_seconds, swift_first["seconds"], ""),
        ("cached open of the pickles (s)", py_seconds, med(swift_cached, "seconds"), "goal < 0.025 s"),
        ("peak resident while opening pickles (MiB)", py_resident / 2**20,
         med(swift_pickles, "peak_resident_bytes") / 2**20, "goal <= 1.5x the store"),
        ("resident memory after a cached open (MiB)", py_resident / 2**20,
         med(swift_cached, "resident_bytes") / 2**20, ""),
        ("resident memory after opening pickles (MiB)", py_resident / 2**20,
         med(swift_pickles, "resident_bytes") / 2**20, ""),
        ("resident memory after opening native (MiB)", py_resident / 2**20,
         med(swift_native, "resident_bytes") / 2**20, "goal >= 10x"),
        ("  … after reading every value (MiB)", py_resident / 2**20,
         med(swift_native, "resident_bytes_all_touched") / 2**20, ""),
        ("logged query_by_key (ns)", py_query["nanoseconds_per_query"],
         swift_query["nanoseconds_per_query"], "goal >= 30x"),
    ]
    print(f"\nNAS-HPO-Bench-II, full size ({folder}); median of {args.repeats} fresh processes each")
    print(f"{'measure':46} {'Python API':>12} {'TabularNAS':>12} {'ratio':>8}  goal")
    for name, theirs, ours, goal in rows:
        print(f"{name:46} {theirs:12.4g} {ours:12.4g} {theirs / ours:7.1f}x  {goal}")
    if args.variants:
        compare_variants(args, python, binaries, bench, native)


def compare_variants(args, python, binaries, bench, native):
    """Opening each pickle variant: the Python API against TabularNAS, directly and cached."""
    names = list(VARIANTS) if args.variants == "all" else args.variants.split(",")
    unknown = [name for name in names if name not in VARIANTS]
    if unknown:
        sys.exit(f"unknown variants {', '.join(unknown)}; choose all or from {', '.join(VARIANTS)}")
    store = os.path.getsize(native) / 2**20
    print(f"\npickle variants, full size; median of {args.repeats} fresh processes; the store is {store:.0f} MiB")
    print(f"{'variant':22} {'Python s':>9} {'ours s':>8} {'ratio':>7} {'cached s':>9} {'Python peak':>12} "
          f"{'our peak':>9} {'÷ store':>8} {'opening adds':>13} {'÷ store':>8}   goals: >= 10x, peak <= 1.5x the store, "
          "cached < 0.025 s")
    for name in names:
        _, folder = dataset(binaries, **VARIANTS[name])
        # Interleaved, so that both sides see the same moments of a noisy machine.
        theirs, ours = [], []
        for _ in range(args.repeats):
            theirs.append(run_json([python, "-c", PYTHON_OPEN, folder]))
            ours.append(run_json([bench, "open", folder]))
        cache = tempfile.mkdtemp(prefix="tabnas-benchmark-cache-")
        run_json([bench, "open", folder, cache])
        cached = [run_json([bench, "open", folder, cache]) for _ in range(args.repeats)]
        shutil.rmtree(cache, ignore_errors=True)

        def med(rows, field):
            return statistics.median(row[field] for row in rows)

        py_seconds, our_seconds = med(theirs, "seconds"), med(ours, "seconds")
        our_peak = med(ours, "peak_resident_bytes") / 2**20
        # What opening adds: the peak less what the process held before (the Swift runtime).
        added = statistics.median(row["peak_resident_bytes"] - row["resident_bytes_before"] for row in ours) / 2**20
        print(f"{name:22} {py_seconds:9.2f} {our_seconds:8.3f} {py_seconds / our_seconds:6.1f}x {med(cached, 'seconds'):9.4f} "
              f"{med(theirs, 'peak_resident_bytes') / 2**20:10.0f} MiB {our_peak:5.0f} MiB {our_peak / store:7.2f}x "
              f"{added:9.0f} MiB {added / store:7.2f}x", flush=True)


if __name__ == "__main__":
    main()
