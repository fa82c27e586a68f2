import TabularNAS

/// How each run of an experiment is driven.
public enum SearchDriver: Hashable, Sendable {
  /// One worker, while the total cost is below the budget (``SequentialDriver``).
  case sequential(budget: Double)
  /// Simulated workers on a clock (``SimulatedWorkers``).
  case simulated(SimulatedWorkers)

  /// Runs one search to its end.
  ///
  /// - Throws: The search's and the benchmark's errors.
  public func run<Search: AskTellSearch>(_ search: inout Search, on benchmark: Search.Benchmark) throws
    -> SearchRunResults<Search.Benchmark.Configuration>
  {
    switch self {
    case .sequential(let budget): SearchRunResults(results: try SequentialDriver(budget: budget).run(&search, on: benchmark).results())
    case .simulated(let workers): try workers.run(&search, on: benchmark).results()
    }
  }
}
