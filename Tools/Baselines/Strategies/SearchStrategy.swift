import TabularNAS

/// A search algorithm that runs on any ``TabularBenchmark`` through the shared query/log
/// interface: it queries while the run's total cost is below the budget, so the budget is
/// overshot by at most one query.
public protocol SearchStrategy: Sendable {
  /// The dataset type the strategy searches.
  associatedtype Benchmark: TabularBenchmark

  /// A short name for outputs, e.g. `random` or `evolution`.
  var name: String { get }

  /// Runs one search from a seed.
  ///
  /// - Parameter budget: The total cost to stay below, in the benchmark's cost unit.
  /// - Throws: The benchmark's query errors.
  func run(on benchmark: Benchmark, budget: Double, seed: UInt64) throws -> BenchmarkRun<Benchmark>
}
