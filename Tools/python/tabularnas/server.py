"""The `tabnas serve` process and its JSON-lines protocol."""
import json
import os
import shutil
import subprocess
import warnings

PROTOCOL_VERSION = 1
ENVIRONMENT_VARIABLE = "TABNAS_BINARY"


class TabNASError(Exception):
    """A request the server refused: `kind` is the protocol's error kind, the message says what
    was wrong and what is allowed."""

    def __init__(self, kind, message):
        super().__init__(message)
        self.kind = kind
        self.message = message


class ServerNotFound(FileNotFoundError):
    """No `tabnas` binary was found in any of the places tried."""


def _source_tree_binaries():
    """The build folders of the repository the package was installed from (recorded at install
    time), or that it sits in (run from the source tree or installed editable)."""
    try:
        from ._source_tree import ROOT as root
    except ImportError:
        here = os.path.dirname(os.path.abspath(__file__))
        root = os.path.dirname(os.path.dirname(os.path.dirname(here)))
    if not os.path.isfile(os.path.join(root, "Package.swift")):
        return []
    return [os.path.join(root, ".build", kind, "tabnas") for kind in ("release", "debug")]


def find_binary():
    """The `tabnas` binary: $TABNAS_BINARY, else `tabnas` on PATH, else the package's own
    repository build folder (.build/release, then .build/debug)."""
    tried = []
    named = os.environ.get(ENVIRONMENT_VARIABLE)
    if named:
        if os.path.isfile(named) and os.access(named, os.X_OK):
            return named
        raise ServerNotFound(f"${ENVIRONMENT_VARIABLE} is {named!r}, which is not an executable file")
    tried.append(f"${ENVIRONMENT_VARIABLE} (not set)")
    on_path = shutil.which("tabnas")
    if on_path:
        return on_path
    tried.append("tabnas on PATH")
    for candidate in _source_tree_binaries():
        if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
        tried.append(candidate)
    raise ServerNotFound("no tabnas binary found; tried " + ", ".join(tried)
                         + ". Build it with 'swift build -c release --product tabnas' and set "
                         + f"${ENVIRONMENT_VARIABLE} to .build/release/tabnas")


class Server:
    """One `tabnas serve` process on one dataset.

    `dataset` is a registry name (`nashpobench2`, `naap440`, `baker:FILE`, `csv:PATH`); `data`
    the data folder or file (None: the built-in synthetic table, or the default lookup for
    learning curves); `options` more `tabnas serve` words (e.g. ['--cost', 'NumMACs*epochs']).
    """

    def __init__(self, dataset="nashpobench2", data=None, options=(), binary=None):
        command = [binary or find_binary(), "serve", "--dataset", dataset]
        if data is not None:
            command += ["--data", os.fspath(data)]
        command += list(options)
        self._process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                         stderr=subprocess.PIPE, text=True, bufsize=1)
        self._next_id = 0
        hello = self.request("hello")
        if hello.get("protocol") != PROTOCOL_VERSION:
            self.close()
            raise TabNASError("protocol", f"the server speaks protocol {hello.get('protocol')}, "
                                          f"this client {PROTOCOL_VERSION}: use matching versions")
        self.dataset = hello["dataset"]
        for warning in hello.get("warnings", []):     # e.g. a cache folder that cannot be written
            warnings.warn(warning, RuntimeWarning, stacklevel=2)

    def request(self, op, **parameters):
        """Sends one request and returns its response; raises TabNASError when refused."""
        process = self._process
        if process is None:
            raise TabNASError("closed", "the server has been closed")
        self._next_id += 1
        parameters["op"] = op
        parameters["id"] = self._next_id
        try:
            process.stdin.write(json.dumps(parameters) + "\n")
            process.stdin.flush()
            line = process.stdout.readline()
        except BrokenPipeError:
            line = ""
        if not line:
            error = process.stderr.read().strip()
            process.wait()
            self._process = None
            raise TabNASError("server", error or f"tabnas serve ended (status {process.returncode})")
        response = json.loads(line)
        if not response.get("ok"):
            error = response.get("error", {})
            raise TabNASError(error.get("kind", "unknown"), error.get("message", line))
        return response

    def close(self):
        """Ends the server (end of input ends it cleanly)."""
        process, self._process = self._process, None
        if process is not None:
            process.stdin.close()
            process.wait()
            process.stdout.close()
            process.stderr.close()

    def __enter__(self):
        return self

    def __exit__(self, *exception):
        self.close()

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass
