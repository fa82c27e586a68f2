"""Shared set-up for the NAS-HPO-Bench-II scripts: a virtual environment with the reference
API, the tabnas build, and full-size (or small) files in the original schema."""
import json
import os
import subprocess
import sys
import venv

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
WORK = os.environ.get("TABNAS_WORK", os.path.join(ROOT, ".build", "nashpobench2-work"))


def run(command, **kwargs):
    print("+ " + " ".join(command), file=sys.stderr, flush=True)
    return subprocess.run(command, check=True, **kwargs)


def venv_python(folder, packages, probe):
    """A virtual environment in `folder` where `probe` (Python code) runs, installing
    `packages` if it does not; returns its python."""
    python = os.path.join(folder, "bin", "python")
    if not os.path.exists(python):
        venv.create(folder, with_pip=True)
    if subprocess.run([python, "-c", probe], capture_output=True).returncode != 0:
        run([python, "-m", "pip", "install", "--quiet"] + packages)
    return python


def reference_python():
    """A virtual environment with nashpobench2api (and NumPy) installed; returns its python."""
    return venv_python(os.path.join(WORK, "venv"), ["nashpobench2api", "numpy"], "import nashpobench2api, numpy")


def build(configuration="release"):
    """Builds tabnas and the benchmarks; returns the folder of the binaries."""
    run(["swift", "build", "-c", configuration, "--package-path", ROOT])
    return os.path.join(ROOT, ".build", configuration)


def dataset(binaries, name="full", classes=0, numpy=False, protocol=4, dtype="float64", unmemoised=False, subset=()):
    """Writes (once) a native file of the synthetic table and original-schema pickles from it;
    `subset` holds write_original_files.py's subset options (e.g. ["--cells", "64"])."""
    os.makedirs(WORK, exist_ok=True)
    native = os.path.join(WORK, "synthetic.tabnas")
    if not os.path.exists(native):
        run([os.path.join(binaries, "tabnas"), "convert", "--output", native])
    folder = os.path.join(WORK, name)
    if not os.path.exists(os.path.join(folder, "bench12.pkl")):
        command = [sys.executable, os.path.join(ROOT, "Tools", "nashpobench2", "write_original_files.py"),
                   "--native", native, "--output", folder, "--protocol", str(protocol)]
        if classes:
            command += ["--classes", str(classes)]
        if unmemoised:
            command += ["--unmemoised"]
        command += list(subset)
        if numpy:
            command = [reference_python()] + command[1:] + ["--numpy", "--dtype", dtype]
        run(command)
    return native, folder


# The pickle variants a user may hold, by name: how write_original_files.py writes each (folders
# named as conformance.py names them, so the two share files).
VARIANTS = {
    "floats-p4": dict(name="full-p4"),
    "floats-p2": dict(name="full-p2", protocol=2),
    "numpy-p2": dict(name="full-p2-numpy", numpy=True, protocol=2),
    "numpy-p4": dict(name="full-p4-numpy", numpy=True, protocol=4),
    "numpy-f32-p5": dict(name="full-p5-numpy-f32", numpy=True, protocol=5, dtype="float32"),
    "floats-p4-unmemoised": dict(name="full-p4-unmemoised", unmemoised=True),
    "numpy-p2-unmemoised": dict(name="full-p2-numpy-unmemoised", numpy=True, protocol=2, unmemoised=True),
}


def run_json(command):
    """Runs a command that prints one JSON object; returns it."""
    output = run(command, capture_output=True, text=True).stdout
    return json.loads(output.strip().splitlines()[-1])
