#!/usr/bin/env python3
"""Writes NAS-HPO-Bench-II files in the exact schema of the published pickles.

The originals (bench12.pkl, cellinfo.pkl, avgaccs200.pkl) cannot be downloaded on this
project's machines, so this script writes files of the same schema from a TabularNAS native
file (`tabnas convert --output FILE`, by default the synthetic table):

- cellinfo.pkl:   {'hash': {cellcode: hash}}
- bench12.pkl:    {column: {(hash, lr, batch_size, seed): value}} for lr, batch_size, seed,
                  {train,valid,test}_{acc,time}_{0..11}, total_train_time,
                  total_trainval_time, total_test_time
- avgaccs200.pkl: {'avg_acc': {(hash, lr, batch_size): value}}

Standard library only; with --numpy the values are NumPy scalars (np.float64 / np.int64), as
files written from NumPy or pandas hold them (--dtype float32 writes np.float32 values instead).
--classes K writes a small but schema-complete set: every cell code maps onto one of the first
K hash classes. --unmemoised pickles without the memo (`Pickler.fast`), so every key and scalar
is written out in full each time.

Subsets, as users cut the originals (the reference API derives its search space from the files):
--cells N lists N cell codes in cellinfo.pkl (a sample drawn with --subset-seed, default 0) and
keeps the runs of their hash classes (--keep-all-runs keeps every class's runs, as a user who
cut only cellinfo.pkl would); --lrs, --batch-sizes and --seeds (comma-separated) keep the runs
and estimates of those values only.

Usage:
  python3 Tools/nashpobench2/write_original_files.py --native syn.tabnas --output DIR
      [--protocol 2|3|4|5] [--numpy [--dtype float64|float32]] [--classes K] [--unmemoised]
      [--cells N [--subset-seed S] [--keep-all-runs]] [--lrs A,B] [--batch-sizes A,B] [--seeds A,B]
"""
import random
import argparse
import array
import os
import pickle
import struct
import sys

MAGIC = bytes([0x89, 0x54, 0x4E, 0x41, 0x53, 0x0D, 0x0A, 0x1A])
LRS = [0.003125, 0.00625, 0.0125, 0.025, 0.05, 0.1, 0.2, 0.4]
BATCH_SIZES = [16, 32, 64, 128, 256, 512]
SEEDS = [222, 555, 888]
CURVES = ["train_acc", "valid_acc", "test_acc", "train_time", "valid_time", "test_time"]
TOTALS = ["total_train_time", "total_trainval_time", "total_test_time"]
EPOCHS = 12


def cell_codes():
    digits = "0123"
    return [f"{a}|{b}{c}|{d}{e}{f}" for a in digits for b in digits for c in digits
            for d in digits for e in digits for f in digits]


def read_native(path):
    """Parses a TabularNAS native file (see NASHPOTable+NativeFormat.swift)."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != MAGIC:
        sys.exit(f"{path}: not a TabularNAS native file")
    version, kind = struct.unpack_from("<II", data, 8)
    if version not in (2, 3) or kind != 1:
        sys.exit(f"{path}: native version {version}, dataset kind {kind}; expected version 2 or 3, kind 1 "
                 "(convert the source again with this build's 'tabnas convert')")
    _, payload_length = struct.unpack_from("<QQ", data, 16)
    payload = memoryview(data)[64:64 + payload_length]
    counts = struct.unpack_from("<8I", payload, 0)
    classes, records, curves, epochs, totals, surrogates, hash_bytes, label_bytes = counts
    offset = 32
    cell_classes = struct.unpack_from(f"<{4096}H", payload, offset)
    if 0xFFFF in cell_classes:
        sys.exit(f"{path} holds a subset of the cells; write files from a whole table")
    offset += 8192
    hashes, cursor = [], offset
    for _ in range(classes):
        (length,) = struct.unpack_from("<I", payload, cursor)
        hashes.append(bytes(payload[cursor + 4:cursor + 4 + length]).decode("utf-8"))
        cursor += 4 + length
    offset += hash_bytes + label_bytes

    def doubles(count):
        nonlocal offset
        values = array.array("d")
        values.frombytes(payload[offset:offset + 8 * count])
        if sys.byteorder == "big":
            values.byteswap()
        offset += 8 * count
        return values

    curve_values = doubles(records * curves * epochs)
    total_values = doubles(records * totals)
    surrogate_values = doubles(surrogates)
    return hashes, cell_classes, curve_values, total_values, surrogate_values


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--native", required=True, help="TabularNAS native file to read")
    parser.add_argument("--output", required=True, help="folder to create the three pickles in")
    parser.add_argument("--protocol", type=int, default=4, choices=[2, 3, 4, 5])
    parser.add_argument("--numpy", action="store_true", help="store values as NumPy scalars")
    parser.add_argument("--classes", type=int, default=0, help="write only K hash classes (small files)")
    parser.add_argument("--dtype", choices=["float64", "float32"], default="float64", help="with --numpy: the float type")
    parser.add_argument("--unmemoised", action="store_true", help="pickle without the memo (Pickler.fast)")
    parser.add_argument("--cells", type=int, default=0, help="list only N cell codes (a subset, as users cut files)")
    parser.add_argument("--subset-seed", type=int, default=0, help="with --cells: the sample's seed")
    parser.add_argument("--keep-all-runs", action="store_true", help="with --cells: keep every class's runs in bench12.pkl")
    parser.add_argument("--lrs", help="keep only these learning rates (comma-separated)")
    parser.add_argument("--batch-sizes", help="keep only these batch sizes (comma-separated)")
    parser.add_argument("--seeds", help="keep only these seeds (comma-separated)")
    args = parser.parse_args()

    hashes, cell_classes, curves, totals, surrogate = read_native(args.native)
    class_count = len(hashes) if args.classes <= 0 else min(args.classes, len(hashes))

    if args.numpy:
        import numpy as np
        as_float, as_int = getattr(np, args.dtype), np.int64
    else:
        as_float, as_int = float, int

    def chosen(text, allowed, kind):
        if not text:
            return list(range(len(allowed)))
        values = [kind(v) for v in text.split(",")]
        unknown = [v for v in values if v not in allowed]
        if unknown:
            sys.exit(f"unknown values {unknown}: choose from {allowed}")
        return sorted(allowed.index(v) for v in set(values))

    lrs, sizes, seeds = chosen(args.lrs, LRS, float), chosen(args.batch_sizes, BATCH_SIZES, int), chosen(args.seeds, SEEDS, int)
    codes = cell_codes()
    if args.cells and not 0 < args.cells <= len(codes):
        sys.exit(f"--cells {args.cells}: choose 1…{len(codes)}")
    kept_cells = sorted(random.Random(args.subset_seed).sample(range(len(codes)), args.cells)) if args.cells else range(len(codes))
    cellinfo = {"hash": {codes[i]: hashes[cell_classes[i] % class_count] for i in kept_cells}}
    run_classes = range(class_count) if args.keep_all_runs or not args.cells else sorted(
        {cell_classes[i] % class_count for i in kept_cells})

    # One key tuple per run, shared by every column (pickle then stores each once); records are
    # numbered ((class × 8 + lr) × 6 + batch size) × 3 + seed, as in the native file.
    runs = [(((c * len(LRS) + l) * len(BATCH_SIZES) + b) * len(SEEDS) + s, (hashes[c], LRS[l], BATCH_SIZES[b], SEEDS[s]))
            for c in run_classes for l in lrs for b in sizes for s in seeds]
    settings = [((c * len(LRS) + l) * len(BATCH_SIZES) + b, (hashes[c], LRS[l], BATCH_SIZES[b]))
                for c in run_classes for l in lrs for b in sizes]
    run_keys = [key for _, key in runs]
    run_count = len(runs)

    bench12 = {
        "lr": {key: as_float(key[1]) for key in run_keys},
        "batch_size": {key: as_int(key[2]) for key in run_keys},
        "seed": {key: as_int(key[3]) for key in run_keys},
    }
    stride = len(CURVES) * EPOCHS
    for c, name in enumerate(CURVES):
        for epoch in range(EPOCHS):
            column = curves[c * EPOCHS + epoch::stride]
            bench12[f"{name}_{epoch}"] = {key: as_float(column[record]) for record, key in runs}
    for t, name in enumerate(TOTALS):
        column = totals[t::len(TOTALS)]
        bench12[name] = {key: as_float(column[record]) for record, key in runs}
    avgaccs200 = {"avg_acc": {key: as_float(surrogate[index]) for index, key in settings}}

    os.makedirs(args.output, exist_ok=True)
    for name, obj in (("cellinfo.pkl", cellinfo), ("bench12.pkl", bench12), ("avgaccs200.pkl", avgaccs200)):
        path = os.path.join(args.output, name)
        if os.path.exists(path):
            sys.exit(f"refusing to overwrite {path}")
        with open(path, "wb") as f:
            pickler = pickle.Pickler(f, protocol=args.protocol)
            pickler.fast = args.unmemoised
            pickler.dump(obj)
    print(f"wrote {args.output}: {len(cellinfo['hash'])} cells, {len(run_classes)} classes, {run_count} runs, protocol {args.protocol}"
          + (f", NumPy {args.dtype} scalars" if args.numpy else "") + (", unmemoised" if args.unmemoised else ""))


if __name__ == "__main__":
    main()
