import TabularNAS

/// Random search (Bergstra & Bengio 2012), as the reference baseline: uniformly random
/// configurations, each trained fully, until the budget is spent.
public struct UniformRandomSearch<Benchmark: TabularBenchmark>: SearchStrategy {
  /// `random`.
  public var name: String { "random" }

  /// Creates the strategy.
  public init() {}

  /// Queries random configurations while the total cost is below the budget.
  public func run(on benchmark: Benchmark, budget: Double, seed: UInt64) throws -> BenchmarkRun<Benchmark> {
    var run = BenchmarkRun(benchmark: benchmark)
    var generator = SplitMix64(seed: seed)
    while run.totalCost < budget {
      try run.query(benchmark.randomConfiguration(using: &generator))
    }
    return run
  }
}
