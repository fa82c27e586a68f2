"""A client for every dataset: configurations, queries, runs and simulated workers."""
from .server import Server


class Dataset:
    """One dataset served by `tabnas serve`.

        with Dataset("baker:metaqnn_cifar10") as data:
            print(data.configuration_count, data.metric, data.direction)
            run = data.start_run()
            print(run.query({"config": 0, "epoch": 5}))
    """

    def __init__(self, dataset="nashpobench2", data=None, options=(), binary=None, server=None):
        self.server = server or Server(dataset, data, options, binary)
        description = self.server.request("describe")
        self.description = description
        self.name = description["name"]
        self.label = description["label"]
        self.configuration_count = description["configurations"]
        self.configuration_fields = description["configuration_fields"]
        self.request_fields = description["request_fields"]
        self.epochs = tuple(description["epochs"])
        self.final_epochs = description["final_epochs"]
        self.metric = description["metric"]
        self.direction = description["direction"]
        self.cost_unit = description["cost_unit"]
        self.information = description["information"]

    def configuration(self, index):
        """The configuration at a position, as a key object."""
        return self.server.request("configuration", index=index)["configuration"]

    def configurations(self, indices):
        """Configurations at positions, as key objects."""
        return self.server.request("configuration", indices=list(indices))["configurations"]

    def query(self, request):
        """An unlogged query: a dict of the dataset's request fields -> {'value'|'accuracy', 'cost'}."""
        return self.server.request("query", query=request)["result"]

    def query_batch(self, requests):
        """Unlogged queries, answered in one round trip."""
        return self.server.request("query", queries=list(requests))["results"]

    def query_columns(self, columns):
        """Unlogged queries given as columns ({field: [values]}), answered as columns
        ({'accuracy'|'value': [...], 'cost': [...]}): the fastest way to ask many."""
        return self.server.request("query", columns=columns)["columns"]

    def start_run(self, ranking="validation"):
        """A run with its own log ('every': every query competes for the best, as the reference)."""
        return Run(self.server, self.server.request("run.start", ranking=ranking)["run"])

    def start_workers(self, workers, budget=None):
        """Simulated workers; budget like {'time': 20000}, {'cost': 1e5} or {'trials': 100}."""
        response = self.server.request("workers.start", workers=workers, budget=budget)
        return Workers(self.server, response["session"], workers)

    def close(self):
        self.server.close()

    def __enter__(self):
        return self

    def __exit__(self, *exception):
        self.close()


class Run:
    """A run with its own log, kept by the server."""

    def __init__(self, server, run_id):
        self.server = server
        self.id = run_id
        self.total_cost = 0.0

    def _logged(self, answer, **batch):
        response = self.server.request("run.query", run=self.id, **batch)
        self.total_cost = response["total_cost"]
        return response[answer]

    def query(self, request):
        """A logged query -> its answer; the run's total cost is updated."""
        return self._logged("result", query=request)

    def query_batch(self, requests):
        """Logged queries in one round trip (all or nothing)."""
        return self._logged("results", queries=list(requests))

    def query_columns(self, columns):
        """Logged queries given as columns, answered as columns (all or nothing)."""
        return self._logged("columns", columns=columns)

    def log(self):
        """The trajectories so far, the total cost and the best entry."""
        return self.server.request("run.log", run=self.id)

    def results(self, **options):
        """`get_results`: the trajectories and the best configuration's final values."""
        return self.server.request("run.results", run=self.id, options=options)["results"]

    def reset(self):
        self.server.request("run.reset", run=self.id)
        self.total_cost = 0.0

    def close(self):
        self.server.request("run.close", run=self.id)


class Workers:
    """Simulated workers on a clock, driven by your algorithm: submit trials while a worker is
    free, then wait for the next completion (in simulated time)."""

    def __init__(self, server, session, workers):
        self.server = server
        self.session = session
        self.workers = workers

    def submit(self, trial, index=None, configuration=None, epochs=None, decision_time=0.0):
        """Starts trial `trial` (an id of yours; submitting it again resumes it, paying only new
        epochs) on the lowest free worker; returns the worker."""
        parameters = {"session": self.session, "trial": trial, "epochs": epochs, "decision_time": decision_time}
        if index is not None:
            parameters["index"] = index
        else:
            parameters["configuration"] = configuration
        return self.server.request("workers.submit", **parameters)["worker"]

    def next(self):
        """The next completion (trial, worker, configuration, epochs, trained_epochs, value,
        cost, start, end), or None when nothing runs or the time budget has passed."""
        return self.server.request("workers.next", session=self.session)["completion"]

    def status(self):
        """The clock, the first free worker (or None), running and started trials, committed cost."""
        return self.server.request("workers.status", session=self.session)

    def results(self, **options):
        """`get_results` with the timeline of every trial."""
        return self.server.request("workers.results", session=self.session, options=options)["results"]

    def close(self):
        self.server.request("workers.close", session=self.session)
