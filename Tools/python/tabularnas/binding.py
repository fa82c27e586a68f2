"""The in-process transport: NAS-HPO-Bench-II through the TabNASBinding shared library (ctypes),
the same Swift library calls `tabnas serve` makes, without a process in between."""
import array
import ctypes
import json
import math
import os

from .server import TabNASError, find_binary

LIBRARY_VARIABLE = "TABNAS_LIBRARY"
LIBRARY_NAME = "libTabNASBinding.so"
MODES = {"train": 0, "valid": 1, "test": 2}


def find_library():
    """$TABNAS_LIBRARY, else libTabNASBinding.so beside the tabnas binary; None when absent."""
    named = os.environ.get(LIBRARY_VARIABLE)
    if named:
        return named if os.path.isfile(named) else None
    try:
        beside = os.path.join(os.path.dirname(os.path.realpath(find_binary())), LIBRARY_NAME)
    except FileNotFoundError:
        return None
    return beside if os.path.isfile(beside) else None


class InProcessNASHPO:
    """One NAS-HPO-Bench-II table and one run, in this process."""

    def __init__(self, data, library_path, every_query=True):
        library = ctypes.CDLL(library_path)
        void_p, c_double, c_int32, c_int64, c_char_p = (ctypes.c_void_p, ctypes.c_double, ctypes.c_int32, ctypes.c_int64,
                                                        ctypes.c_char_p)
        library.tabnas_nashpo_open.argtypes = [c_char_p, ctypes.POINTER(void_p), c_char_p, c_int32]
        library.tabnas_nashpo_run_start.argtypes = [void_p, c_int32]
        library.tabnas_nashpo_run_start.restype = void_p
        library.tabnas_nashpo_query.argtypes = [void_p, void_p, c_char_p, c_double, c_int64, c_int64, c_int32, c_int64, c_int64,
                                                ctypes.POINTER(c_double), ctypes.POINTER(c_double), c_char_p, c_int32]
        for name in ("tabnas_nashpo_run_log", "tabnas_nashpo_space"):
            getattr(library, name).argtypes = [void_p]
            getattr(library, name).restype = void_p
        library.tabnas_nashpo_query_batch.argtypes = [void_p, ctypes.POINTER(c_int64), c_int64, c_int64, c_int32, c_int64, c_int64,
                                                      ctypes.POINTER(c_double), ctypes.POINTER(c_double), c_char_p, c_int32]
        library.tabnas_nashpo_run_results.argtypes = [void_p, ctypes.POINTER(c_int64), c_int32, c_int32, c_int64, c_char_p, c_int32]
        library.tabnas_nashpo_run_results.restype = void_p
        library.tabnas_nashpo_run_total_cost.argtypes = [void_p]
        library.tabnas_nashpo_run_total_cost.restype = c_double
        for name in ("tabnas_nashpo_run_reset", "tabnas_nashpo_run_close", "tabnas_nashpo_close", "tabnas_free"):
            getattr(library, name).argtypes = [void_p]
        self._library = library
        self._message = ctypes.create_string_buffer(1024)
        self._accuracy, self._cost = c_double(), c_double()
        handle = void_p()
        if library.tabnas_nashpo_open(None if data is None else os.fsencode(data), ctypes.byref(handle), self._message, 1024):
            raise TabNASError("query", self._message.value.decode())
        self._benchmark = handle.value
        self._run = library.tabnas_nashpo_run_start(self._benchmark, 1 if every_query else 0)
        self._query = library.tabnas_nashpo_query
        self._pointers = (ctypes.byref(self._accuracy), ctypes.byref(self._cost))

    def query(self, cellcode, lr, batch_size, epoch, mode, iepoch, seed, log):
        if self._query(self._benchmark, self._run if log else None, cellcode.encode(), lr, int(batch_size), epoch,
                       MODES.get(mode, -1), iepoch or 0, seed, *self._pointers, self._message, 1024):
            raise TabNASError("query", self._message.value.decode())
        cost = self._cost.value
        return self._accuracy.value, (None if math.isnan(cost) else cost)

    def space(self):
        return self._text(self._library.tabnas_nashpo_space(self._benchmark))

    def query_batch(self, keys, indices, epoch, mode, iepoch, seed):
        # array.array buffers: filled and read back in C, without a ctypes object per value.
        count = len(indices)
        keys = array.array("q", indices or [0])
        accuracies, costs = array.array("d", bytes(8 * max(count, 1))), array.array("d", bytes(8 * max(count, 1)))
        pointers = [(kind * len(values)).from_buffer(values)
                    for kind, values in ((ctypes.c_int64, keys), (ctypes.c_double, accuracies), (ctypes.c_double, costs))]
        if self._library.tabnas_nashpo_query_batch(self._benchmark, pointers[0], count, epoch, MODES.get(mode, -1), iepoch or 0,
                                                   seed, pointers[1], pointers[2], self._message, 1024):
            raise TabNASError("query", self._message.value.decode())
        costs = costs.tolist()[:count]
        if math.isnan(sum(costs)):                       # NaN marks a cost the table does not have
            costs = [None if math.isnan(cost) else cost for cost in costs]
        return list(zip(accuracies.tolist()[:count], costs))

    def _text(self, pointer):
        if not pointer:
            raise TabNASError("results", self._message.value.decode())
        try:
            return json.loads(ctypes.string_at(pointer).decode())
        finally:
            self._library.tabnas_free(pointer)

    def log(self):
        return self._text(self._library.tabnas_nashpo_run_log(self._run))

    def results(self, epochs, mode, seed):
        array = (ctypes.c_int64 * len(epochs))(*epochs)
        return self._text(self._library.tabnas_nashpo_run_results(self._run, array, len(epochs), MODES.get(mode, -1), seed,
                                                                  self._message, 1024))

    def total_cost(self):
        return self._library.tabnas_nashpo_run_total_cost(self._run)

    def reset(self):
        self._library.tabnas_nashpo_run_reset(self._run)

    def close(self):
        if self._run:
            self._library.tabnas_nashpo_run_close(self._run)
            self._library.tabnas_nashpo_close(self._benchmark)
            self._run = self._benchmark = None
