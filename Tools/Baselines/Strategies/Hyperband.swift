import TabularNAS

/// Hyperband (Li et al. 2018): brackets of successive halving over random configurations.
///
/// With R the full training length in epochs and η the halving rate, bracket s (from
/// s_max = ⌊log_η R⌋ down to 0) starts n = ⌈(s_max + 1) η^s / (s + 1)⌉ configurations at
/// r = R η^(−s) epochs, and each round keeps the best ⌊nᵢ/η⌋ and trains them η times longer,
/// paying only for the new epochs. Passes over all brackets repeat until the budget is spent
/// or `iterations` passes are done. Synchronous: on several workers, a round's survivors are
/// chosen once the whole round has finished, and free workers wait meanwhile.
public struct Hyperband<Benchmark: TabularBenchmark>: SearchStrategy {
  /// The halving rate η (default 3).
  public var eta: Double
  /// R, the full training length in epochs (default: the dataset's last epoch).
  public var maximumEpochs: Int?
  /// Passes over all brackets to run at most (`nil`: until the budget is spent).
  public var iterations: Int?
  /// The brackets of a pass, from the most aggressive (`nil`: all; 1: successive halving,
  /// Jamieson & Talwalkar 2016, from R η^(−s_max) epochs).
  public var brackets: Int?

  /// Creates the strategy.
  public init(eta: Double = 3, maximumEpochs: Int? = nil, iterations: Int? = nil, brackets: Int? = nil) {
    precondition(eta > 1, "η must exceed 1")
    precondition(brackets.map { $0 >= 1 } ?? true, "at least one bracket")
    self.eta = eta
    self.maximumEpochs = maximumEpochs
    self.iterations = iterations
    self.brackets = brackets
  }

  /// `hyperband`, or `successive-halving` with one bracket.
  public var name: String { brackets == 1 ? "successive-halving" : "hyperband" }

  /// Starts a run.
  ///
  /// - Throws: ``SearchError/maximumEpochsOutOfRange(_:allowed:)`` for an R outside the
  ///   dataset's epochs, ``SearchError/noTrainedEpochs(algorithm:epochs:)``.
  public func start(on benchmark: Benchmark, seed: UInt64) throws -> Search {
    Search(
      schedule: try HyperbandSchedule(
        benchmark: benchmark, eta: eta, maximumEpochs: maximumEpochs, iterations: iterations, brackets: brackets,
        seed: seed, training: FullRoundTraining()))
  }

  /// One run of Hyperband.
  public struct Search: AskTellSearch {
    var schedule: HyperbandSchedule<FullRoundTraining<Benchmark>>

    /// The next survivor to train, `wait` while a round finishes, or `finished` after the last pass.
    public mutating func ask() throws -> TrialRequest<Benchmark.Configuration> { try schedule.ask() }
    /// Scores a survivor.
    public mutating func tell(_ result: TrialResult<Benchmark.Configuration>) throws { try schedule.tell(result) }
  }
}
