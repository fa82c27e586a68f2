#!/usr/bin/env python3
"""The drop-in against the reference API, side by side in one run, on the same full-size files.

Measures, each in fresh processes (medians of --repeats): opening the API; resident memory
after opening (the drop-in: its Python process plus its tabnas server); one logged
`query_by_key` round trip (median over 2,000); 10,000 queries (the drop-in: one batch through
the generic client; the reference: a loop); 500 random-search runs to 20,000 s (bench_algos.py);
and 8 processes each holding the dataset: total resident memory.

    python3 Tools/python/compare_with_reference.py [--repeats 3] [--native | --no-cache]

--native gives the drop-in the native file (`tabnas convert`) instead of the pickles; --transport
picks the drop-in's in-process library (default) or its `tabnas serve` process. With the
pickles, the drop-in opens through a fresh cache folder: the first open (which writes the
cache entry) is reported on its own line, the repeats then hit the entry; --no-cache reads the
pickles every time.
"""
import argparse
import json
import os
import statistics
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "Tools", "nashpobench2"))
from common import build, dataset, reference_python  # noqa: E402

PROBE = r"""
import json, os, random, sys, time
api_name, data, task, transport = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
if api_name == "reference":
    from nashpobench2api import NASHPOBench2API
else:
    from tabularnas.nashpobench2api import NASHPOBench2API

def rss(pid):
    with open(f"/proc/{pid}/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmRSS")) / 1024

start = time.perf_counter()
api = NASHPOBench2API(data, verbose=False) if api_name == "reference" else NASHPOBench2API(data, verbose=False, transport=transport)
opened = time.perf_counter() - start
server = getattr(getattr(api, "_backend", None), "_server", None)
memory = rss(os.getpid()) + (rss(server._process.pid) if server else 0)
out = {"open": opened, "memory": memory}
random.seed(0)
keys = [api.get_random_key() for _ in range(10000)]
if task == "query":
    times = []
    for key in keys[:2000]:
        t = time.perf_counter(); api.query_by_key(**key); times.append(time.perf_counter() - t)
    times.sort()
    out["query"] = times[len(times) // 2]
    start = time.perf_counter()
    if api_name == "reference":
        for key in keys:
            api.query_by_key(**key, enable_log=False)
    else:
        api.query_batch(keys)
    out["batch"] = time.perf_counter() - start
if task == "hold":
    print(json.dumps(out), flush=True)
    sys.stdin.read()
print(json.dumps(out), flush=True)
"""


def probe(python, api, data, task, environment, transport):
    output = subprocess.run([python, "-c", PROBE, api, data, task, transport], check=True, capture_output=True, text=True,
                            env=environment).stdout
    return json.loads(output.strip().splitlines()[-1])


def held_memory(python, api, data, environment, transport, count=8):
    processes = [subprocess.Popen([python, "-c", PROBE, api, data, "hold", transport], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  text=True, env=environment) for _ in range(count)]
    total = sum(json.loads(p.stdout.readline())["memory"] for p in processes)
    for p in processes:
        p.stdin.close()
        p.wait()
    return total


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--native", action="store_true")
    parser.add_argument("--no-cache", action="store_true", help="the drop-in reads the pickles every time")
    parser.add_argument("--transport", choices=["in-process", "process"], default="in-process")
    args = parser.parse_args()
    binaries = build("release")
    native, folder = dataset(binaries)
    python = reference_python()
    cache = tempfile.mkdtemp(prefix="tabnas-benchmark-cache-")
    environment = dict(os.environ, PYTHONPATH=HERE, TABNAS_BINARY=os.path.join(binaries, "tabnas"), TABNAS_CACHE_DIR=cache)
    if args.no_cache:
        environment["TABNAS_NO_CACHE"] = "1"
    ours_data = native if args.native else folder
    rows = {}
    first = None
    if not args.native and not args.no_cache:
        first = probe(python, "tabularnas", folder, "open", environment, args.transport)
    for api, data in (("reference", folder), ("tabularnas", ours_data)):
        runs = [probe(python, api, data, "query", environment, args.transport) for _ in range(args.repeats)]
        rows[api] = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
        searching = dict(environment, TABNAS_LIBRARY=os.path.join(HERE, "none.so")) if args.transport == "process" else environment
        searches = subprocess.run([python, os.path.join(HERE, "bench_algos.py"), "--api", api, "--data", data, "--seeds", "0:500",
                                   "--algorithms", "random"], check=True, capture_output=True, text=True, env=searching).stdout
        rows[api]["search"] = json.loads(searches)["random_seconds"]
        rows[api]["held"] = held_memory(python, api, data, environment, args.transport)
    shutil.rmtree(cache, ignore_errors=True)
    ref, ours = rows["reference"], rows["tabularnas"]
    source = "native file for the drop-in" if args.native else "the same pickles, " + (
        "no cache" if args.no_cache else "the drop-in's cache written by a first open")
    print(f"full-size files ({source}), drop-in {args.transport}, medians of {args.repeats} fresh processes")
    if first:
        print(f"  first open (cache write) {ref['open']:8.2f} s   {first['open']:8.3f} s   {ref['open'] / first['open']:6.1f}× faster, "
              f"{first['memory']:.0f} MiB after")
    print(f"  open                     {ref['open']:8.2f} s   {ours['open']:8.3f} s   {ref['open'] / ours['open']:6.1f}× faster")
    print(f"  resident memory          {ref['memory']:8.0f} MiB {ours['memory']:8.0f} MiB {ours['memory'] / ref['memory']:6.3f} of it")
    print(f"  one logged query         {ref['query'] * 1e6:8.1f} µs  {ours['query'] * 1e6:8.1f} µs  {ref['query'] / ours['query']:6.2f}× as fast")
    print(f"  10,000 queries           {ref['batch']:8.3f} s   {ours['batch']:8.4f} s   {ref['batch'] / ours['batch']:6.1f}× faster (drop-in: query_batch)")
    print(f"  500 random-search runs   {ref['search']:8.2f} s   {ours['search']:8.2f} s   {ref['search'] / ours['search']:6.2f}× as fast")
    print(f"  8 processes, resident    {ref['held']:8.0f} MiB {ours['held']:8.0f} MiB {ours['held'] / ref['held']:6.3f} of it")


if __name__ == "__main__":
    main()
