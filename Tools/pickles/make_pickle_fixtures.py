#!/usr/bin/env python3
"""Writes the small CPython pickle fixtures under Tests/TabularNASTests/Fixtures/pickles.

Each fixture is written by CPython's own pickler, so the Swift decoder is tested against the
real byte layouts of protocols 2, 4 and 5, of Python floats and of NumPy scalars. Hostile
fixtures name globals that a safe decoder must refuse; they are never loaded by Python here.

Usage: python3 Tools/pickles/make_pickle_fixtures.py [OUTPUT_DIR]   (needs NumPy for the
numpy-* files; without it those are skipped with a message).
"""
import os
import pickle
import sys

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    os.path.dirname(__file__), "..", "..", "Tests", "TabularNASTests", "Fixtures", "pickles")


def plain_data():
    """Every kind of value the NAS-HPO-Bench-II files use, plus edge cases."""
    key_a = ("h0", 0.1, 256, 222)
    key_b = ("h1", 0.003125, 16, 555)
    return {
        "column": {key_a: 85.43, key_b: 10.0},
        "shared": [key_a, key_a],
        "ints": [0, 1, -1, 255, 256, 65535, 65536, -2**31, 2**31, 2**40, -2**63, 2**63 - 1],
        "floats": [0.1, -0.0, 1e300, float("inf"), -float("inf")],
        "text": "µ-cell ✓",
        "bytes": b"\x00\x01\xfe\xff",
        "flags": (True, False, None),
        "empty": ((), [], {}),
    }


def numpy_data(np):
    return {
        "f8": np.float64(85.43),
        "f4": np.float32(0.5),
        "i8": np.int64(-3),
        "i4": np.int32(7),
        "u1": np.uint8(200),
        "b1": np.bool_(True),
        "big": np.array([1.25], dtype=">f8")[0],
        "column": {("h0", 0.1, 256, 222): np.float64(1.0 / 3.0)},
    }


def numpy_columns(np):
    """A column dict per scalar type over keys shared by every column (as NAS-HPO-Bench-II's
    files are), and a value that refers back to one of them (a memo read of a scalar)."""
    keys = [(f"h{i % 3}", 0.1 * (i + 1), 16 << (i % 6), 222 + 333 * (i % 3)) for i in range(12)]
    columns = {
        "f8": {key: np.float64(i / 7 - 0.5) for i, key in enumerate(keys)},
        "f4": {key: np.float32(i * 0.25) for i, key in enumerate(keys)},
        "i8": {key: np.int64(i * 1000 - 3) for i, key in enumerate(keys)},
        "byte_values": {key: np.float64(value) for key, value in zip(keys, [0.0, 1.0, -2.0, 1e-310, 255.5, float("inf"),
                                                                               -0.0, 2.0 ** 60, 3.0, 1 / 3, 128.0, 0.5])},
    }
    columns["again"] = [columns["f8"][keys[3]], columns["i8"][keys[5]]]
    return columns


def key_columns(count):
    """Columns of Python floats and ints over `count` keys like NAS-HPO-Bench-II's — (hash, lr,
    batch_size, seed) tuples, and (hash, lr, batch_size) ones — for protocol 4 enough of them
    (over 64 KiB) that frames fall inside items; seeds span BININT1, BININT2 and BININT."""
    keys = [(f"hash-{i % 7:02d}-{'x' * 30}", 0.003125 * (1 + i % 8), 16 << (i % 6), [222, 555, 70000][i % 3] + i)
            for i in range(count)]
    return {
        "valid_acc_0": {key: 50 + i / 29 for i, key in enumerate(keys)},
        "seed": {key: key[3] for key in keys},
        "avg_acc": {key[:3]: 80 - i / 13 for i, key in enumerate(keys[:200])},
    }


def numpy_key_columns(np, count):
    """Columns of NumPy scalars over `count` full keys, enough (over 64 KiB at protocol 4) that
    frames fall inside scalars written out in full."""
    keys = key_columns(count)["seed"]
    return {
        "valid_acc_0": {key: np.float64(50 + i / 29) for i, key in enumerate(keys)},
        "train_time_0": {key: np.float32(i / 4) for i, key in enumerate(keys)},
    }


def read_back_columns(count):
    """Two columns of Python floats over `count` keys: the second reads every key back from the
    memo, as most of NAS-HPO-Bench-II's columns do (over 64 KiB at protocol 4: frames fall
    between its items)."""
    keys = key_columns(count)["seed"]
    return {
        "valid_acc_0": {key: 50 + i / 29 for i, key in enumerate(keys)},
        "valid_acc_1": {key: 60 - i / 31 for i, key in enumerate(keys)},
    }


def numpy_read_back_columns(np, count):
    """numpy_key_columns, then two more columns that read back every key and both dtypes from
    the memo, as most of NAS-HPO-Bench-II's columns of NumPy scalars do."""
    columns = numpy_key_columns(np, count)
    keys = list(columns["valid_acc_0"])
    columns["valid_acc_1"] = {key: np.float64(60 - i / 31) for i, key in enumerate(keys)}
    columns["train_time_1"] = {key: np.float32(i / 8) for i, key in enumerate(keys)}
    return columns


def write_unmemoised(name, obj, protocol):
    """Pickles without the memo (Pickler.fast): every object written out each time."""
    with open(os.path.join(OUT, name), "wb") as f:
        pickler = pickle.Pickler(f, protocol=protocol)
        pickler.fast = True
        pickler.dump(obj)


def write_key_slot_reused(name, np):
    """numpy_columns at protocol 3, then in the last column each scalar's result is stored
    (BINPUT) over the memo slot its own key was just read from — legal, though no pickler writes
    it. The key is the tuple read before the store; the fuzzer found the fast path taking the
    slot's new content instead."""
    import pickletools
    data = bytearray(pickle.dumps(numpy_columns(np), protocol=3))
    ops = list(pickletools.genops(bytes(data)))
    last_column = max(pos for op, arg, pos in ops if op.name == "BINUNICODE" and arg == "byte_values")
    key_slot = None
    for (op, arg, pos), (next_op, _, _) in zip(ops, ops[1:] + [(None, None, None)]):
        if pos < last_column:
            continue
        if op.name == "BINGET" and next_op is not None and next_op.name == "BINGET" and key_slot is None:
            key_slot = arg  # the item's key (the scalar global's BINGET follows it)
        elif op.name == "REDUCE" and key_slot is not None and next_op is not None and next_op.name == "BINPUT":
            data[pos + 2] = key_slot  # BINPUT's one-byte index
            key_slot = None
        elif op.name in ("SETITEMS", "STOP"):
            break
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(bytes(data))


class Hostile:
    """Pickles as a call of `func(*args)`; loading it with pickle.load would run it."""

    def __init__(self, func, args):
        self.func, self.args = func, args

    def __reduce__(self):
        return (self.func, self.args)


def write(name, obj, protocol):
    with open(os.path.join(OUT, name), "wb") as f:
        pickle.dump(obj, f, protocol=protocol)


def main():
    os.makedirs(OUT, exist_ok=True)
    for protocol in (2, 4, 5):
        write(f"plain-p{protocol}.pkl", plain_data(), protocol)
    try:
        import numpy as np
        for protocol in (2, 4, 5):
            write(f"numpy-p{protocol}.pkl", numpy_data(np), protocol)
        for protocol in (2, 4):
            write(f"numpy-columns-p{protocol}.pkl", numpy_columns(np), protocol)
            columns = numpy_columns(np)
            del columns["again"]  # an unmemoised pickle cannot share objects
            write_unmemoised(f"numpy-columns-p{protocol}-unmemoised.pkl", columns, protocol)
        write_unmemoised("numpy-key-columns-p4-unmemoised.pkl", numpy_key_columns(np, 300), 4)
        write("numpy-read-back-columns-p4.pkl", numpy_read_back_columns(np, 700), 4)
        write("numpy-read-back-columns-p2.pkl", numpy_read_back_columns(np, 250), 2)
        write_key_slot_reused("numpy-columns-p3-key-slot-reused.pkl", np)
    except ImportError:
        print("NumPy is not installed: numpy-*.pkl not written", file=sys.stderr)
    for protocol, count in ((2, 250), (4, 1400)):
        write(f"key-columns-p{protocol}.pkl", key_columns(count), protocol)
        write_unmemoised(f"key-columns-p{protocol}-unmemoised.pkl", key_columns(count), protocol)
        write(f"read-back-columns-p{protocol}.pkl", read_back_columns(count), protocol)
    marker = "/tmp/tabularnas-hostile-pickle-ran"
    write("hostile-system.pkl", Hostile(os.system, (f"touch {marker}",)), 2)
    write("hostile-eval.pkl", {"ok": 1, "evil": Hostile(eval, ("__import__('os').system('touch " + marker + "')",))}, 4)
    write("hostile-remove.pkl", [Hostile(os.remove, (marker,))], 5)
    print(f"wrote fixtures to {os.path.normpath(OUT)}")


if __name__ == "__main__":
    main()
