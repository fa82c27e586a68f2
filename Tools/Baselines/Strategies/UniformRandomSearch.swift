import TabularNAS

/// Random search (Bergstra & Bengio 2012), as the reference baseline: uniformly random
/// configurations, each trained fully, until the budget is spent. Asynchronous by nature: every
/// free worker gets a new configuration.
public struct UniformRandomSearch<Benchmark: TabularBenchmark>: SearchStrategy {
  /// `random`.
  public var name: String { "random" }

  /// Creates the strategy.
  public init() {}

  /// Starts a run.
  public func start(on benchmark: Benchmark, seed: UInt64) -> Search {
    Search(benchmark: benchmark, generator: SplitMix64(seed: seed))
  }

  /// One run: a new random configuration per ask.
  public struct Search: AskTellSearch {
    let benchmark: Benchmark
    var generator: SplitMix64
    var started = 0

    /// A random configuration, trained fully.
    public mutating func ask() -> TrialRequest<Benchmark.Configuration> {
      defer { started += 1 }
      return .train(
        Trial(id: started, configuration: benchmark.randomConfiguration(using: &generator), epochs: benchmark.epochRange.upperBound))
    }

    /// Random search learns nothing.
    public mutating func tell(_ result: TrialResult<Benchmark.Configuration>) {}
  }
}
