/// One search run on any ``TabularBenchmark``: the shared, read-only dataset plus this run's
/// own trajectory log.
///
/// Replaces the reference API's global logging state: create one run per search (from any
/// thread), query through it, and read ``results()`` at the end.
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

  /// Starts an empty run; `ranking` says which queries compete for the best-so-far.
  public init(benchmark: Benchmark, ranking: TrajectoryLog<Benchmark.Configuration>.Ranking = .validationQueries) {
    self.benchmark = benchmark
    log = TrajectoryLog(direction: benchmark.direction, ranking: ranking)
  }

  /// The cumulative cost so far (`get_total_cost`).
  public var totalCost: Double { log.totalCost }

  /// Queries and logs a configuration's validation value after some epochs (full training by
  /// default).
  ///
  /// - Throws: The dataset's error for an epoch outside its range; nothing is logged then.
  @discardableResult
  public mutating func query(_ configuration: Benchmark.Configuration, epochs: Int? = nil) throws -> QueryResult {
    let epochs = epochs ?? benchmark.epochRange.upperBound
    let result = try benchmark.query(configuration, epochs: epochs)
    record(configuration, result: result, epochs: epochs, split: .valid, seed: benchmark.evaluationSeed)
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
    let result = try benchmark.query(configuration, epochs: epochs)
    let paid =
      trainedEpochs < benchmark.epochRange.lowerBound ? 0 : (try benchmark.query(configuration, epochs: trainedEpochs).cost ?? 0)
    let resumed = QueryResult(value: result.value, cost: (result.cost ?? 0) - paid)
    record(configuration, result: resumed, epochs: epochs, split: .valid, seed: benchmark.evaluationSeed)
    return resumed
  }

  /// Appends an answered query to the log (a missing cost counts as 0).
  mutating func record(_ configuration: Benchmark.Configuration, result: QueryResult, epochs: Int, split: DataSplit, seed: Int?) {
    log.record(key: configuration, value: result.value, cost: result.cost ?? 0, epochs: epochs, split: split, seed: seed)
  }

  /// Forgets every query (`reset_logdata`).
  public mutating func reset() { log.reset() }

  /// The run's results, shaped like the reference `get_results`: the trajectories and the
  /// best configuration's ``TabularBenchmark/finalValues(of:)``.
  ///
  /// - Throws: ``BenchmarkError/noValidationQuery(loggedQueries:)`` before the first
  ///   validation query.
  public func results() throws -> TrajectoryResults<Benchmark.Configuration> {
    try results(finalValues: benchmark.finalValues(of:), finalEpochs: benchmark.finalEpochs)
  }

  /// The run's results with the best configuration's final values read by `finalValues`.
  func results(
    finalValues: (Benchmark.Configuration) throws -> [Double], finalEpochs: [Int]
  ) throws -> TrajectoryResults<Benchmark.Configuration> {
    guard let best = log.best else { throw BenchmarkError.noValidationQuery(loggedQueries: log.count) }
    return TrajectoryResults(log: log, finalValues: try finalValues(best.key), finalEpochs: finalEpochs, dataset: benchmark.label)
  }
}
