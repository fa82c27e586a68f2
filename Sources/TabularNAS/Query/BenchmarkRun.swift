/// One search run on any ``TabularBenchmark``: the shared, read-only dataset plus this run's
/// own trajectory log.
///
/// ```swift
/// var run = BenchmarkRun(benchmark: try LearningCurveDataset(named: "naap440", dataFolder: folder))
/// var rng = SplitMix64(seed: 1)
/// while run.totalCost < 500 {
///   try run.query(run.benchmark.randomConfiguration(using: &rng))
/// }
/// print(try run.results().json.text)
/// ```
public struct BenchmarkRun<Benchmark: TabularBenchmark>: Sendable {
  /// The shared dataset.
  public let benchmark: Benchmark
  /// Every query of this run; best-so-far follows the metric's direction.
  public private(set) var log: TrajectoryLog<Benchmark.Configuration>

  /// Starts an empty run.
  public init(benchmark: Benchmark) {
    self.benchmark = benchmark
    log = TrajectoryLog(direction: benchmark.direction)
  }

  /// The cumulative cost so far.
  public var totalCost: Double { log.totalCost }

  /// Evaluates and logs a configuration after some epochs (full training by default).
  ///
  /// - Throws: The dataset's error for an epoch outside its range; nothing is logged then.
  @discardableResult
  public mutating func query(_ configuration: Benchmark.Configuration, epochs: Int? = nil) throws -> QueryResult {
    let epochs = epochs ?? benchmark.epochRange.upperBound
    let result = try benchmark.evaluate(configuration, epochs: epochs)
    log.record(key: configuration, value: result.accuracy, cost: result.cost ?? 0, epochs: epochs)
    return result
  }

  /// Continues training a configuration from `trainedEpochs` to `epochs`, paying only the
  /// difference (as a search that keeps a partially trained network does), and logs the value.
  ///
  /// - Throws: The dataset's error for an epoch outside its range; nothing is logged then.
  @discardableResult
  public mutating func resume(_ configuration: Benchmark.Configuration, from trainedEpochs: Int, to epochs: Int) throws
    -> QueryResult
  {
    precondition(epochs > trainedEpochs, "training must move forward")
    let result = try benchmark.evaluate(configuration, epochs: epochs)
    let paid = trainedEpochs < benchmark.epochRange.lowerBound ? 0 : (try benchmark.evaluate(configuration, epochs: trainedEpochs).cost ?? 0)
    let cost = (result.cost ?? 0) - paid
    log.record(key: configuration, value: result.value, cost: cost, epochs: epochs)
    return QueryResult(accuracy: result.value, cost: cost)
  }

  /// Forgets every query.
  public mutating func reset() { log.reset() }

  /// The run's results, shaped like the reference `get_results`.
  ///
  /// - Throws: ``BenchmarkRunError/noQuery`` before the first query.
  public func results() throws -> TrajectoryResults<Benchmark.Configuration> {
    guard let best = log.best else { throw BenchmarkRunError.noQuery }
    return TrajectoryResults(
      log: log, finalValues: try benchmark.finalValues(of: best.key), finalEpochs: benchmark.finalEpochs,
      dataset: benchmark.label)
  }
}

/// A run that cannot report results.
public enum BenchmarkRunError: Error, Equatable, Sendable, CustomStringConvertible {
  /// Nothing was queried, so there is no best configuration.
  case noQuery

  /// A one-line explanation.
  public var description: String { "the run has no queries yet, so it has no best configuration to report" }
}
