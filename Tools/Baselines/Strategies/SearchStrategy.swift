import TabularNAS

/// A search algorithm with its settings: it starts an ``AskTellSearch`` per run, which a
/// driver steps — the sequential loop (``run(on:budget:seed:)``) or ``SimulatedWorkers``.
public protocol SearchStrategy: Sendable {
  /// The dataset type the strategy searches.
  associatedtype Benchmark: TabularBenchmark
  /// The state machine of one run.
  associatedtype Search: AskTellSearch where Search.Benchmark == Benchmark

  /// A short name for outputs, e.g. `random` or `evolution`.
  var name: String { get }

  /// Starts one run from a seed.
  ///
  /// - Throws: Settings the dataset cannot honour.
  func start(on benchmark: Benchmark, seed: UInt64) throws -> Search
}

extension SearchStrategy {
  /// Runs one search from a seed on one worker: it asks while the run's total cost is below the
  /// budget, so the budget is overshot by at most one trial.
  ///
  /// - Parameter budget: The total cost to stay below, in the benchmark's cost unit.
  /// - Throws: The search's errors and the benchmark's query errors.
  public func run(on benchmark: Benchmark, budget: Double, seed: UInt64) throws -> BenchmarkRun<Benchmark> {
    var search = try start(on: benchmark, seed: seed)
    return try SequentialDriver(budget: budget).run(&search, on: benchmark)
  }
}
