"""Shared set-up for the scripts that time TabularNAS's predictors against scikit-learn."""
import os
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
WORK = os.path.join(ROOT, ".build", "prediction-work")
sys.path.insert(0, os.path.join(ROOT, "Tools", "nashpobench2"))
from common import run, run_json, venv_python  # noqa: E402,F401


def prepare():
    """A virtual environment with scikit-learn and the release benchmarks, built; returns the
    environment's python and the benchmarks' path (WORK exists afterwards)."""
    python = venv_python(os.path.join(WORK, "venv"), ["scikit-learn"], "import sklearn")
    run(["swift", "build", "-c", "release", "--package-path", ROOT, "--product", "TabNASBenchmarks"])
    os.makedirs(WORK, exist_ok=True)
    return python, os.path.join(ROOT, ".build", "release", "TabNASBenchmarks")
