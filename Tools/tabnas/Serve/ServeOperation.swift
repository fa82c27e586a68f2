/// The operations of the `tabnas serve` protocol, version ``protocolVersion``.
enum ServeOperation: String, CaseIterable {
  /// The protocol version, the server and the dataset.
  case hello
  /// The dataset: configurations, request fields, epochs, metric, direction, cost unit.
  case describe
  /// Configurations by position (`index` or `indices`), as JSON keys.
  case configuration
  /// Unlogged queries: `query` (one object) or `queries` (a list).
  case query
  /// Starts a run with its own log (`ranking`: `validation` or `every`).
  case runStart = "run.start"
  /// Logged queries in a run.
  case runQuery = "run.query"
  /// A run's log so far: trajectories, total cost and the best entry (no final values).
  case runLog = "run.log"
  /// A run's results (`get_results`), with the dataset's result options.
  case runResults = "run.results"
  /// Forgets a run's queries.
  case runReset = "run.reset"
  /// Closes a run.
  case runClose = "run.close"
  /// Starts simulated workers (`workers`, optional `budget` {cost|time|trials: amount}).
  case workersStart = "workers.start"
  /// Starts a trial on the lowest free worker.
  case workersSubmit = "workers.submit"
  /// Advances the clock to the next completion and returns it.
  case workersNext = "workers.next"
  /// The workers' clock, free workers, running and started trials.
  case workersStatus = "workers.status"
  /// The session's results with its timeline.
  case workersResults = "workers.results"
  /// Closes a worker session.
  case workersClose = "workers.close"

  /// The protocol version this server speaks.
  static let protocolVersion = 1
}
