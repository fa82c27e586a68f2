"""The Python client against a real `tabnas serve` (TABNAS_BINARY or the repository's build):
python3 -m unittest discover -s Tools/python/tests"""
import os
import random
import shutil
import subprocess
import sys
import tempfile
import unittest
import warnings

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from tabularnas import Dataset, Server, TabNASError  # noqa: E402
from tabularnas.nashpobench2api import NASHPOBench2API  # noqa: E402
from tabularnas.nashpobench2api.utils import get_ith_op, set_ith_op  # noqa: E402


class DropInTests(unittest.TestCase):
    transport = "in-process"

    @classmethod
    def setUpClass(cls):
        cls.api = NASHPOBench2API(None, verbose=False, transport=cls.transport)

    @classmethod
    def tearDownClass(cls):
        cls.api.close()

    def test_transport(self):
        self.assertEqual(self.api.transport, self.transport)

    def setUp(self):
        self.api.reset_logdata()
        self.api.set_seed(222)

    def test_search_space_and_indices(self):
        api = self.api
        self.assertEqual(len(api), 4096 * 8 * 6)
        self.assertEqual(str(api), "NAS-HPO-Bench-II")
        self.assertEqual(api.seeds, [222, 555, 888])
        key = api.get_key_from_idx(12345)
        self.assertEqual(api.get_idx_from_key(key), 12345)
        self.assertEqual(api.get_search_space()[1], api.lrs)

    def test_reference_quirks(self):
        api = self.api
        with self.assertRaises(ValueError):
            api.query_by_key("9|99|999", 0.1, 256)
        with self.assertRaises(AssertionError):
            api.query_by_key("0|10|210", 0.1, 256, mode="validation")
        with self.assertRaises(ValueError):
            api.set_seed(1)
        accuracy, cost = api.query_by_key("0|10|210", 0.1, 256, epoch=200)
        self.assertIsNone(cost)
        self.assertEqual(api.acc_trans, [])  # epoch-200 queries are not logged
        api.query_by_key("0|10|210", 0.1, 256, seed=555)
        self.assertEqual(api.seed, 555)  # seeds are sticky
        test, _ = api.query_by_key("0|10|210", 0.1, 256, mode="test")
        self.assertEqual(len(api.acc_trans), 2)
        self.assertEqual(api.best_acc, max(api.acc_trans))  # test queries compete, as in the reference

    def test_results_and_reset(self):
        api = self.api
        random.seed(3)
        while api.get_total_cost() < 5000:
            api.query_by_key(**api.get_random_key())
        results = api.get_results()
        self.assertEqual(sorted(results), sorted(["acc_trans", "key_trans", "best_acc_trans", "best_key_trans",
                                                  "total_cost_trans", "final_accs"]))
        self.assertEqual(len(results["final_accs"]), 2)
        self.assertAlmostEqual(results["total_cost_trans"][-1], api.get_total_cost())
        api.reset_logdata()
        self.assertEqual(api.get_total_cost(), 0.0)
        self.assertEqual(api.key_trans, [])

    def test_query_batch(self):
        api = self.api
        keys = [api.get_key_from_idx(index) for index in (0, 777, 196607)]
        self.assertEqual(api.query_batch(keys, iepoch=5), [api.query_by_key(**k, iepoch=5, enable_log=False) for k in keys])
        self.assertEqual(api.query_batch(keys, epoch=200), [api.query_by_key(**k, epoch=200) for k in keys])
        with self.assertRaises(ValueError):
            api.query_batch([{"cellcode": "9|99|999", "lr": 0.1, "batch_size": 256}])

    def test_utils(self):
        self.assertEqual(get_ith_op("0|12|345", 4), 4)
        self.assertEqual(set_ith_op("0|12|345", 0, 3), "3|12|345")

    def test_missing_data_folder(self):
        with self.assertRaises(FileNotFoundError):
            NASHPOBench2API("/nonexistent/folder", verbose=False)


class DropInThroughServerTests(DropInTests):
    transport = "process"


class GenericClientTests(unittest.TestCase):
    def test_dataset_runs_and_errors(self):
        with Dataset() as data:
            self.assertEqual(data.configuration_count, 196608)
            self.assertEqual(data.direction, "higherIsBetter")
            key = data.configuration(0)
            first, second = data.start_run(), data.start_run()
            first.query(dict(key, epoch=12))
            second.query_batch([dict(key, iepoch=3), dict(key, iepoch=6)])
            self.assertEqual(len(first.log()["acc_trans"]), 1)
            self.assertEqual(len(second.log()["acc_trans"]), 2)
            keys = data.configurations(range(5))
            columns = data.query_columns({name: [k[name] for k in keys] for name in ("cellcode", "lr", "batch_size")})
            self.assertEqual(columns["accuracy"], [data.query(k)["accuracy"] for k in keys])
            with self.assertRaises(TabNASError) as refused:
                first.query({"cellcode": "0|10|210"})
            self.assertEqual(refused.exception.kind, "bad_request")
            self.assertEqual(len(first.log()["acc_trans"]), 1)

    def test_asynchronous_workers(self):
        """A minimal asynchronous random search on 4 simulated workers."""
        with Dataset() as data:
            workers = data.start_workers(4, budget={"time": 5000})
            rng = random.Random(0)
            trial = 0
            while True:
                while workers.status()["free_worker"] is not None:
                    try:
                        workers.submit(trial, index=rng.randrange(data.configuration_count))
                    except TabNASError as error:
                        self.assertEqual(error.kind, "budget")
                        break
                    trial += 1
                if workers.next() is None:
                    break
            timeline = workers.results()["timeline"]
            self.assertEqual(timeline["workers"], 4)
            self.assertTrue(all(end <= 5000 for end in timeline["end"]))

    def test_binary_and_transport_errors(self):
        from tabularnas import ServerNotFound
        saved = os.environ.get("TABNAS_BINARY")
        os.environ["TABNAS_BINARY"] = "/no/such/tabnas"
        try:
            with self.assertRaises(ServerNotFound) as missing:
                Server()
            self.assertIn("/no/such/tabnas", str(missing.exception))
        finally:
            if saved is None:
                del os.environ["TABNAS_BINARY"]
            else:
                os.environ["TABNAS_BINARY"] = saved
        with self.assertRaises(ValueError):
            NASHPOBench2API(None, verbose=False, transport="carrier pigeon")

    def test_server_errors_are_typed(self):
        server = Server()
        with self.assertRaises(TabNASError) as unknown:
            server.request("fly")
        self.assertEqual(unknown.exception.kind, "unknown_op")
        self.assertEqual(server.request("hello")["protocol"], 1)
        server.close()
        with self.assertRaises(TabNASError):
            Server("baker:no_such_file")


class ExampleTests(unittest.TestCase):
    """The README's examples run as they are."""

    def run_example(self, name):
        import subprocess
        folder = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
        environment = dict(os.environ, PYTHONPATH=folder)
        return subprocess.run([sys.executable, os.path.join(folder, "examples", name)], check=True, capture_output=True,
                              text=True, env=environment).stdout

    def test_asynchronous(self):
        best, _, utilisation = self.run_example("asynchronous.py").rsplit(" ", 2)
        self.assertGreater(float(best.split()[0]), 50)
        self.assertGreater(float(utilisation), 0.9)

    def test_any_dataset(self):
        shared = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..", "shared", "data")
        if not (os.environ.get("TABNAS_DATA") or os.path.isdir(shared)):
            self.skipTest("no learning-curve data (set TABNAS_DATA)")
        self.assertIn("1000 (1, 20)", self.run_example("any_dataset.py"))


class CacheTests(unittest.TestCase):
    """Pickle folders open through the cache in both transports; an unwritable cache warns."""

    @classmethod
    def setUpClass(cls):
        cls.scratch, cls.pickles = _write_pickles("tabnas-python-cache-", "--classes", "2")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.scratch, ignore_errors=True)

    def setUp(self):
        self.saved = {name: os.environ.get(name) for name in ("TABNAS_CACHE_DIR", "TABNAS_NO_CACHE")}
        os.environ.pop("TABNAS_NO_CACHE", None)

    def tearDown(self):
        for name, value in self.saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value

    def test_first_open_writes_an_entry_that_later_opens_use(self):
        cache = os.environ["TABNAS_CACHE_DIR"] = os.path.join(self.scratch, "cache")
        answers = []
        for transport in ("in-process", "process", "in-process"):
            api = NASHPOBench2API(self.pickles, verbose=False, transport=transport)
            answers.append(api.query_by_key("0|10|210", 0.1, 256, iepoch=6))
            api.close()
        self.assertEqual(len(set(answers)), 1)
        entries = [name for name in os.listdir(cache) if not name.startswith(".")]
        self.assertEqual(len(entries), 1)
        self.assertTrue(entries[0].startswith("nashpobench2-") and entries[0].endswith(".tabnas"))

    def test_an_unwritable_cache_warns_once_and_still_answers(self):
        blocker = os.path.join(self.scratch, "blocker")
        with open(blocker, "w") as file:
            file.write("a file where the cache folder should be")
        os.environ["TABNAS_CACHE_DIR"] = os.path.join(blocker, "cache")
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            with Server("nashpobench2", self.pickles) as server:
                answer = server.request("query", query={"cellcode": "0|10|210", "lr": 0.1, "batch_size": 256})["result"]
        cache_warnings = [w for w in caught if "cache unavailable" in str(w.message)]
        self.assertEqual(len(cache_warnings), 1)
        self.assertIn("accuracy", answer)


class SubsetTests(unittest.TestCase):
    """Files holding a subset: the drop-in's search space is what they hold, as the reference's."""

    @classmethod
    def setUpClass(cls):
        cls.scratch, cls.pickles = _write_pickles("tabnas-python-subset-", "--classes", "2", "--cells", "64",
                                                  "--lrs", "0.2,0.1", "--seeds", "888,555")
        import pickle
        with open(os.path.join(cls.pickles, "cellinfo.pkl"), "rb") as file:
            cls.codes = sorted(pickle.load(file)["hash"])

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.scratch, ignore_errors=True)

    def test_both_transports_hold_the_files_search_space(self):
        for transport in ("in-process", "process"):
            with self.subTest(transport=transport):
                api = NASHPOBench2API(self.pickles, verbose=False, transport=transport)
                self.assertEqual(api.cellcodes, self.codes)
                self.assertEqual((api.lrs, api.batch_sizes, api.seeds), ([0.1, 0.2], [16, 32, 64, 128, 256, 512], [555, 888]))
                self.assertEqual(api.seed, 555)
                self.assertEqual(len(api), 64 * 2 * 6)
                key = api.get_key_from_idx(77)
                self.assertEqual(key, {"cellcode": self.codes[6], "lr": 0.1, "batch_size": 512})
                self.assertEqual(api.get_idx_from_key(key), 77)
                outside = next(code for code in sorted(set(_all_codes()) - set(self.codes)))
                with self.assertRaisesRegex(ValueError, "from search space"):
                    api.query_by_key(outside, 0.1, 64)
                with self.assertRaisesRegex(ValueError, "choose a seed value from \\[555, 888\\]"):
                    api.set_seed(222)
                random.seed(1)
                keys = [api.get_random_key() for _ in range(50)]
                one_by_one = [api.query_by_key(**k, enable_log=False) for k in keys]
                self.assertEqual(api.query_batch(keys), one_by_one)
                while api.get_total_cost() < 5000:
                    api.query_by_key(**api.get_random_key())
                results = api.get_results()
                self.assertTrue(all(k["cellcode"] in self.codes and k["lr"] in api.lrs for k in results["key_trans"]))
                api.close()


def _write_pickles(prefix, *options):
    """A scratch folder and original-schema pickles written in it from the synthetic table by
    write_original_files.py with `options`."""
    from tabularnas.server import find_binary
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
    scratch = tempfile.mkdtemp(prefix=prefix)
    native = os.path.join(scratch, "synthetic.tabnas")
    subprocess.run([find_binary(), "convert", "--output", native], check=True, capture_output=True)
    pickles = os.path.join(scratch, "pickles")
    subprocess.run([sys.executable, os.path.join(root, "Tools", "nashpobench2", "write_original_files.py"),
                    "--native", native, "--output", pickles, *options], check=True, capture_output=True)
    return scratch, pickles


def _all_codes():
    digits = "0123"
    return [f"{a}|{b}{c}|{d}{e}{f}" for a in digits for b in digits for c in digits for d in digits for e in digits for f in digits]


if __name__ == "__main__":
    unittest.main()
