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

Usage:
  python3 Tools/nashpobench2/write_original_files.py --native syn.tabnas --output DIR
      [--protocol 2|3|4|5] [--numpy [--dtype float64|float32]] [--classes K] [--unmemoised]
"""
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
    if version != 2 or kind != 1:
        sys.exit(f"{path}: native version {version}, dataset kind {kind}; expected version 2, kind 1 "
                 "(convert the source again with this build's 'tabnas convert')")
    _, payload_length = struct.unpack_from("<QQ", data, 16)
    payload = memoryview(data)[64:64 + payload_length]
    counts = struct.unpack_from("<8I", payload, 0)
    classes, records, curves, epochs, totals, surrogates, hash_bytes, label_bytes = counts
    offset = 32
    cell_classes = struct.unpack_from(f"<{4096}H", payload, offset)
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
    args = parser.parse_args()

    hashes, cell_classes, curves, totals, surrogate = read_native(args.native)
    class_count = len(hashes) if args.classes <= 0 else min(args.classes, len(hashes))
    settings = len(LRS) * len(BATCH_SIZES)
    runs_per_class = settings * len(SEEDS)

    if args.numpy:
        import numpy as np
        as_float, as_int = getattr(np, args.dtype), np.int64
    else:
        as_float, as_int = float, int

    # One key tuple per run, shared by every column (pickle then stores each once).
    run_keys = [(hashes[c], lr, bs, seed) for c in range(class_count) for lr in LRS
                for bs in BATCH_SIZES for seed in SEEDS]
    setting_keys = [(hashes[c], lr, bs) for c in range(class_count) for lr in LRS for bs in BATCH_SIZES]
    run_count = len(run_keys)

    cellinfo = {"hash": {code: hashes[cell_classes[i] % class_count] for i, code in enumerate(cell_codes())}}
    bench12 = {
        "lr": {key: as_float(key[1]) for key in run_keys},
        "batch_size": {key: as_int(key[2]) for key in run_keys},
        "seed": {key: as_int(key[3]) for key in run_keys},
    }
    stride = len(CURVES) * EPOCHS
    for c, name in enumerate(CURVES):
        for epoch in range(EPOCHS):
            column = curves[c * EPOCHS + epoch:run_count * stride:stride]
            bench12[f"{name}_{epoch}"] = {key: as_float(v) for key, v in zip(run_keys, column)}
    for t, name in enumerate(TOTALS):
        column = totals[t:run_count * len(TOTALS):len(TOTALS)]
        bench12[name] = {key: as_float(v) for key, v in zip(run_keys, column)}
    avgaccs200 = {"avg_acc": {key: as_float(v) for key, v in zip(setting_keys, surrogate[:class_count * settings])}}

    os.makedirs(args.output, exist_ok=True)
    for name, obj in (("cellinfo.pkl", cellinfo), ("bench12.pkl", bench12), ("avgaccs200.pkl", avgaccs200)):
        path = os.path.join(args.output, name)
        if os.path.exists(path):
            sys.exit(f"refusing to overwrite {path}")
        with open(path, "wb") as f:
            pickler = pickle.Pickler(f, protocol=args.protocol)
            pickler.fast = args.unmemoised
            pickler.dump(obj)
    print(f"wrote {args.output}: {class_count} classes, {run_count} runs, protocol {args.protocol}"
          + (f", NumPy {args.dtype} scalars" if args.numpy else "") + (", unmemoised" if args.unmemoised else ""))


if __name__ == "__main__":
    main()
