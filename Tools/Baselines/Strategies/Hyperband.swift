import TabularNAS

/// Hyperband (Li et al. 2018): brackets of successive halving over random configurations.
///
/// With R the full training length in epochs and η the halving rate, bracket s (from
/// s_max = ⌊log_η R⌋ down to 0) starts n = ⌈(s_max + 1) η^s / (s + 1)⌉ configurations at
/// r = R η^(−s) epochs, and each round keeps the best ⌊nᵢ/η⌋ and trains them η times longer,
/// paying only for the new epochs. Passes over all brackets repeat until the budget is spent
/// or `iterations` passes are done.
public struct Hyperband<Benchmark: TabularBenchmark>: SearchStrategy {
  /// The halving rate η (default 3).
  public var eta: Double
  /// R, the full training length in epochs (default: the dataset's last epoch).
  public var maximumEpochs: Int?
  /// Passes over all brackets to run at most (`nil`: until the budget is spent).
  public var iterations: Int?

  /// Creates the strategy.
  public init(eta: Double = 3, maximumEpochs: Int? = nil, iterations: Int? = nil) {
    precondition(eta > 1, "η must exceed 1")
    self.eta = eta
    self.maximumEpochs = maximumEpochs
    self.iterations = iterations
  }

  /// `hyperband`.
  public var name: String { "hyperband" }

  /// Runs brackets while the total cost is below the budget and passes remain.
  ///
  /// - Throws: ``SearchError/maximumEpochsOutOfRange(_:allowed:)`` for an R outside the
  ///   dataset's epochs; query errors.
  public func run(on benchmark: Benchmark, budget: Double, seed: UInt64) throws -> BenchmarkRun<Benchmark> {
    try HyperbandSchedule<Benchmark>(eta: eta, maximumEpochs: maximumEpochs, iterations: iterations).run(on: benchmark, budget: budget, seed: seed) {
      run, round, configuration, trained in
      try run.train(configuration, from: trained, to: round.epochs)
    }
  }
}
