#!/usr/bin/env python3
"""Writes Tests/TabularNASTests/Fixtures/numpy-order.json: NumPy's argsort, argpartition and
mean on small arrays full of ties, from the NumPy that published scikit-learn results ran on.

NumPy 1.23 sorts with its generic introsort and selects with introselect (NumPy ≥ 1.25 may
dispatch to SIMD sorts whose order of ties depends on the CPU), so the fixture pins it in a
virtual environment of its own under .build/prediction-work. Values are strings of Python's
shortest round-trip repr (JSON number parsers need not round correctly); means are the hex of
their bits, so every case is exact.

    python3 Tools/prediction/make_numpy_order_fixture.py [OUTPUT]
"""
import os
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "Tools", "nashpobench2"))
from common import run, venv_python  # noqa: E402

GENERATE = r"""
import json, struct, sys
import numpy as np
assert np.__version__.startswith("1.23"), np.__version__
bits = lambda x: struct.pack(">d", float(x)).hex()
rng = np.random.default_rng(20220905)
cases = []
for t in range(120):
    n = int(rng.integers(1, 40)) if t % 12 else int(rng.integers(40, 160))
    if t % 4 == 0:
        v = rng.normal(size=n)
    else:
        v = rng.integers(0, int(rng.integers(1, 8)), size=n).astype(float)
    if t % 9 == 0:
        v[rng.integers(0, n, size=max(1, n // 8))] = np.nan
    kth = int(rng.integers(0, n))
    cases.append({"values": ["nan" if np.isnan(x) else ("%d" % x if x == int(x) else repr(float(x))) for x in v], "kth": kth,
                  "argsort": np.argsort(v).tolist(), "argpartition": np.argpartition(v, kth).tolist(),
                  "mean": bits(np.mean(v))})
json.dump({"numpy": np.__version__, "cases": cases}, open(sys.argv[1], "w"), separators=(",", ":"))
"""


def main():
    output = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "Tests", "TabularNASTests", "Fixtures", "numpy-order.json")
    python = venv_python(os.path.join(ROOT, ".build", "prediction-work", "numpy123"), ["numpy==1.23.5"],
                         "import numpy; assert numpy.__version__ == '1.23.5'")
    run([python, "-c", GENERATE, output])
    print(f"wrote {output} ({os.path.getsize(output)} bytes)")


if __name__ == "__main__":
    main()
