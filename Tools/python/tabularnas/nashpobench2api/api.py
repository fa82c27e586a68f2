"""NASHPOBench2API with the reference's constructor, methods, attributes, return types and
behaviour (sticky seeds, every logged query competing for the best, epoch-200 queries unlogged,
its log lines), every query answered by the Swift library through `tabnas serve`."""
import logging
import os
import random
from typing import Optional, Union

from ..binding import InProcessNASHPO, find_library
from ..server import Server

FILES = ["bench12.pkl", "cellinfo.pkl", "avgaccs200.pkl"]
LRS = (0.003125, 0.00625, 0.0125, 0.025, 0.05, 0.1, 0.2, 0.4)
BATCH_SIZES = (16, 32, 64, 128, 256, 512)
SEEDS = (222, 555, 888)


class _ServerBackend:
    """The table and one run in a `tabnas serve` process."""

    def __init__(self, data, binary):
        self._server = Server("nashpobench2", data, binary=binary)
        self._run = self._server.request("run.start", ranking="every")["run"]
        self._total_cost = 0.0

    def query(self, cellcode, lr, batch_size, epoch, mode, iepoch, seed, log):
        query = {"cellcode": cellcode, "lr": lr, "batch_size": batch_size, "epoch": epoch, "mode": mode, "seed": seed,
                 "iepoch": iepoch}
        if not log:
            answer = self._server.request("query", query=query)["result"]
            return answer["accuracy"], answer["cost"]
        response = self._server.request("run.query", run=self._run, query=query)
        self._total_cost = response["total_cost"]
        return response["result"]["accuracy"], response["result"]["cost"]

    def log(self):
        return self._server.request("run.log", run=self._run)

    def space(self):
        information = self._server.request("describe")["information"]
        return information.get("search_space")

    def query_batch(self, keys, positions, epoch, mode, iepoch, seed):
        indices = positions
        columns = self._server.request("query", columns={"cellcode": [key[0] for key in keys],
                                                         "lr": [key[1] for key in keys],
                                                         "batch_size": [key[2] for key in keys],
                                                         "epoch": [epoch] * len(indices),
                                                         "mode": [mode] * len(indices), "iepoch": [iepoch] * len(indices),
                                                         "seed": [seed] * len(indices)})["columns"]
        return list(zip(columns.get("accuracy", []), columns.get("cost", [])))

    def results(self, epochs, mode, seed):
        return self._server.request("run.results", run=self._run, options={"final_epochs": epochs, "mode": mode, "seed": seed})[
            "results"]

    def total_cost(self):
        return self._total_cost

    def reset(self):
        self._server.request("run.reset", run=self._run)
        self._total_cost = 0.0

    def close(self):
        self._server.close()


def _cell_codes():
    digits = "0123"
    return sorted(f"{a}|{b}{c}|{d}{e}{f}" for a in digits for b in digits for c in digits
                  for d in digits for e in digits for f in digits)


class NASHPOBench2API:
    """The NAS-HPO-Bench-II API. `data_dir` is the folder of the three original pickles, as for
    the reference, or a TabularNAS native file; `None` opens the built-in synthetic table.

    `transport` (not in the reference): 'in-process' calls the Swift library through its
    shared library (libTabNASBinding.so beside the tabnas binary, or $TABNAS_LIBRARY),
    'process' through a `tabnas serve` process, 'auto' (the default) the first when found."""

    def __init__(self, data_dir: Optional[str] = "data", seed: Optional[int] = None,
                 logger: Optional[logging.Logger] = None, verbose: bool = True, binary: Optional[str] = None,
                 transport: str = "auto"):
        self.data_dir = data_dir
        self.logger = logger
        self.verbose = verbose
        if logger is None:
            self.logger = logging.getLogger(__name__)
            handler = logging.StreamHandler()
            self.logger.addHandler(handler)
            self.logger.propagate = False
        if data_dir is not None and not os.path.isfile(data_dir):
            for name in FILES:
                path = os.path.join(data_dir, name)
                if not os.path.exists(path):
                    self.logger.error('HINT: Download the API data from Google Drive, and set the path like '
                                      'NASHPOBench2API("path/to/data")')
                    raise FileNotFoundError(2, "No such file or directory", path)
        if transport not in ("auto", "in-process", "process"):
            raise ValueError(f"choose transport from ['auto', 'in-process', 'process'].")
        library = find_library() if transport != "process" else None
        if transport == "in-process" and library is None:
            raise FileNotFoundError("no libTabNASBinding.so beside the tabnas binary or at $TABNAS_LIBRARY; build it with "
                                    "'swift build -c release --product TabNASBinding'")
        self._backend = InProcessNASHPO(data_dir, library) if library else _ServerBackend(data_dir, binary)
        self.transport = "in-process" if library else "process"
        # set search space: what the files hold, as the reference derives it (all 4096 cell
        # codes, 8 learning rates, 6 batch sizes and 3 seeds unless they hold a subset)
        space = self._backend.space()
        if space is None or not space["partial"]:
            space = {"cellcodes": _cell_codes(), "lrs": list(LRS), "batch_sizes": list(BATCH_SIZES), "seeds": list(SEEDS)}
        self.cellcodes = list(space["cellcodes"])
        self._cellcode_set = set(self.cellcodes)
        self._cell_index = {code: index for index, code in enumerate(self.cellcodes)}
        self.lrs = list(space["lrs"])
        self.batch_sizes = list(space["batch_sizes"])
        self.seeds = list(space["seeds"])
        self._lr_index = {lr: index for index, lr in enumerate(self.lrs)}
        self._batch_index = {size: index for index, size in enumerate(self.batch_sizes)}
        self.epochs = [12, 200]
        self._init_logdata()
        if seed:
            self.set_seed(seed)
        else:
            self.seed = self.seeds[0]

    def _init_logdata(self):
        self._count = 0
        if self.verbose:
            self.logger.setLevel(logging.DEBUG)
        else:
            self.logger.setLevel(logging.INFO)

    # The log is kept by the Swift library; these read it.
    def _log(self):
        return self._backend.log()

    @property
    def total_cost(self):
        return self._backend.total_cost()

    acc_trans = property(lambda self: self._log()["acc_trans"])
    key_trans = property(lambda self: self._log()["key_trans"])
    best_acc_trans = property(lambda self: self._log()["best_acc_trans"])
    best_key_trans = property(lambda self: self._log()["best_key_trans"])
    total_cost_trans = property(lambda self: self._log()["total_cost_trans"])

    @property
    def best_acc(self):
        best = self._log()["best"]
        return -1 if best is None else best["value"]

    @property
    def best_cost(self):
        best = self._log()["best"]
        return None if best is None else best["cost"]

    @property
    def best_key(self):
        best = self._log()["best"]
        return None if best is None else best["key"]

    def __len__(self):
        return len(self.cellcodes) * len(self.lrs) * len(self.batch_sizes)

    def __str__(self):
        return "NAS-HPO-Bench-II"

    def get_key_from_idx(self, idx: int):
        return {
            "cellcode": self.cellcodes[int(idx / (len(self.lrs) * len(self.batch_sizes)))],
            "lr": self.lrs[int(idx / len(self.batch_sizes)) % len(self.lrs)],
            "batch_size": self.batch_sizes[idx % len(self.batch_sizes)],
        }

    def get_idx_from_key(self, key: dict):
        cellidx = self.cellcodes.index(key["cellcode"])
        lridx = self.lrs.index(key["lr"])
        batchidx = self.batch_sizes.index(key["batch_size"])
        return cellidx * len(self.lrs) * len(self.batch_sizes) + lridx * len(self.batch_sizes) + batchidx

    def __getitem__(self, idx: int):
        return self.query_by_key(**self.get_key_from_idx(idx))

    def query_by_index(self, cell_idx: int, lr_idx: int, batch_size_idx: int, epoch: Union[int, str] = 12,
                       iepoch: Optional[int] = None, seed: Optional[int] = None):
        cellcode = self.cellcodes[cell_idx]
        lr = self.lrs[lr_idx]
        batch_size = self.batch_sizes[batch_size_idx]
        if seed:
            self.set_seed(seed)
        return self.query_by_key(cellcode, lr, batch_size, epoch=epoch, iepoch=iepoch)

    def query_by_key(self, cellcode: str, lr: float, batch_size: int, epoch: Union[int, str] = 12, mode: str = "valid",
                     iepoch: Optional[int] = None, seed: Optional[int] = None, enable_log: bool = True):
        self._check_key(cellcode, lr, batch_size, epoch)
        assert mode in ["train", "valid", "test"], ValueError(f"mode {mode} should be train, valid, or test")
        if epoch != 12:
            assert iepoch is None, ValueError(f"iepoch is not available in epoch {epoch}")
        if iepoch is None:
            iepoch = epoch
        assert iepoch <= epoch, ValueError(f"iepoch {iepoch} is graeter than epoch {epoch}")
        if seed:
            self.set_seed(seed)
        if epoch == 12:
            acc, cost = self._backend.query(cellcode, lr, batch_size, 12, mode, iepoch, self.seed, enable_log)
            if enable_log:
                self._write_log(acc, cost, {"cellcode": cellcode, "lr": lr, "batch_size": batch_size})
            return acc, cost
        elif epoch == 200:
            return self._backend.query(cellcode, lr, batch_size, 200, mode, None, self.seed, False)[0], None

    def query_batch(self, keys, epoch=12, mode="valid", iepoch=None):
        """Unlogged (accuracy, cost) of many keys in one call (not in the reference): the fast
        way to read a table. Keys are dicts with cellcode, lr and batch_size."""
        settings, sizes = len(self.lrs) * len(self.batch_sizes), len(self.batch_sizes)
        try:
            keys = [(k["cellcode"], k["lr"], k["batch_size"]) for k in keys]
            positions = [self._cell_index[c] * settings + self._lr_index[lr] * sizes + self._batch_index[b] for c, lr, b in keys]
        except (KeyError, TypeError) as error:
            raise ValueError(f"a key is not in the search space: {error}") from None
        return self._backend.query_batch(keys, positions, epoch, mode, iepoch if epoch == 12 else None, self.seed)

    def _write_log(self, acc, cost, key):
        """The reference's log lines (the log itself is the server's)."""
        if self._count == 0:
            self.logger.debug(f'   {"valid acc":<8}   {"cost":<8}    {"cellcode"} {"lr":<7} {"batch_size":<3}')
        self._count += 1
        self.logger.debug(f'{acc:>8.2f} %   {cost:>8.2f} sec  {key["cellcode"]} {key["lr"]:<7.5f} {key["batch_size"]:<3}')

    def get_total_cost(self):
        return self._backend.total_cost()

    def get_results(self, epoch: Union[int, str] = "both", mode: str = "test"):
        log = self._log()
        best = log["best"]
        self.logger.info("-" * 23 + " finished " + "-" * 23)
        self.logger.info("The best setting is")
        self.logger.info(f'   {"valid acc":<8}   {"cost":<8}    {"cellcode"} {"lr":<7} {"batch_size":<3}')
        if best is None:  # the reference fails here too, on its empty best key
            raise TypeError("'NoneType' object is not subscriptable: no query has been logged")
        key = best["key"]
        self.logger.info(f'{best["value"]:>8.2f} %   {best["cost"]:>8.2f} sec  {key["cellcode"]} {key["lr"]:<7.5f} '
                         f'{key["batch_size"]:<3}')
        self.logger.info(f' in {len(log["key_trans"])} trials ({log["total_cost"]:.2f} sec)')
        epochs = [12, 200] if epoch == "both" else [epoch]
        self.logger.info("-" * 56)
        results = self._backend.results(epochs, mode, self.seed)
        self.final_accs = results["final_accs"]
        for e, final_acc in zip(epochs, self.final_accs):
            self.logger.info(f"{e}-epoch {mode} accuracy is {final_acc:.2f}%")
        self.logger.info("-" * 56)
        names = ["acc_trans", "key_trans", "best_acc_trans", "best_key_trans", "total_cost_trans", "final_accs"]
        return {name: results[name] for name in names}

    def reset_logdata(self, logger: Optional[logging.Logger] = None, verbose: Optional[bool] = None):
        if logger is not None:
            self.logger = logger
        if verbose is not None:
            self.verbose = verbose
        self._backend.reset()
        self._init_logdata()

    def get_random_key(self):
        cellcode = random.choice(self.cellcodes)
        lr = random.choice(self.lrs)
        batch_size = random.choice(self.batch_sizes)
        return {"cellcode": cellcode, "lr": lr, "batch_size": batch_size}

    def _check_key(self, cellcode: str, lr: float, batch_size: int, epoch: int):
        try:
            known = cellcode in self._cellcode_set  # the reference's list test, by a set
        except TypeError:
            known = cellcode in self.cellcodes
        if not known:
            raise ValueError(f"choose a cellcode {cellcode} from search space.")
        if lr not in self.lrs:
            raise ValueError(f"choose lr from {self.lrs}.")
        if batch_size not in self.batch_sizes:
            raise ValueError(f"choose batch size from {self.batch_sizes}.")
        if epoch not in self.epochs:
            raise ValueError(f"choose epoch from {self.epochs}.")

    def get_search_space(self):
        return self.cellcodes, self.lrs, self.batch_sizes

    def set_seed(self, seed: int):
        if seed in self.seeds:
            self.seed = seed
        else:
            raise ValueError(f"choose a seed value from {self.seeds}.")

    def close(self):
        """Releases the table (not in the reference)."""
        self._backend.close()
