/// One search run on NAS-HPO-Bench-II: the shared benchmark plus this run's own trajectory log.
///
/// Replaces the reference API's logging state: create one run per search (from any thread),
/// query through it, and read ``results(epochs:mode:seed:)`` at the end.
///
/// ```swift
/// var run = NASHPORun(benchmark: .synthetic())
/// var rng = SplitMix64(seed: 1)
/// while run.totalCost < 20_000 {
///   _ = try run.query(run.benchmark.randomKey(using: &rng))
/// }
/// print(try run.results().json.text)
/// ```
public struct NASHPORun: Sendable {
  /// The shared, read-only benchmark.
  public let benchmark: NASHPOBench2
  /// How 200-epoch queries are charged; ``SurrogateCostRule/unavailable`` refuses to log them.
  public let surrogateCost: SurrogateCostRule
  /// Every query of this run.
  public private(set) var log = TrajectoryLog<NASHPOKey>(direction: .higherIsBetter)

  /// Starts an empty run on a benchmark.
  public init(benchmark: NASHPOBench2, surrogateCost: SurrogateCostRule = .unavailable) {
    self.benchmark = benchmark
    self.surrogateCost = surrogateCost
  }

  /// The cumulative cost so far (`get_total_cost`).
  public var totalCost: Double { log.totalCost }

  /// Queries and logs a configuration given as the reference API's values.
  ///
  /// - Throws: ``NASHPOBench2Error``; see
  ///   ``NASHPOBench2/queryByKey(cellcode:lr:batchSize:epoch:mode:iepoch:seed:surrogateCost:)``.
  ///   A 200-epoch query throws ``NASHPOBench2Error/surrogateCostUnavailable`` unless the run
  ///   was created with ``SurrogateCostRule/extrapolated``.
  @discardableResult
  public mutating func queryByKey(
    cellcode: String, lr: Double, batchSize: Int, epoch: Int = 12, mode: QueryMode = .valid,
    iepoch: Int? = nil, seed: Int = NASHPOSearchSpace.defaultSeed
  ) throws -> QueryResult {
    try query(
      NASHPOKey(cellcode: cellcode, lr: lr, batchSize: batchSize), epoch: epoch, mode: mode,
      iepoch: iepoch, seed: seed)
  }

  /// Queries and logs a key.
  ///
  /// - Throws: As ``queryByKey(cellcode:lr:batchSize:epoch:mode:iepoch:seed:)``.
  /// - Complexity: O(`iepoch`) and amortised O(1) logging.
  @discardableResult
  public mutating func query(
    _ key: NASHPOKey, epoch: Int = 12, mode: QueryMode = .valid, iepoch: Int? = nil,
    seed: Int = NASHPOSearchSpace.defaultSeed
  ) throws -> QueryResult {
    let fidelity = try NASHPOFidelity(epoch: epoch, iepoch: iepoch)
    let seedIndex = try NASHPOSearchSpace.seedIndex(of: seed)
    if fidelity == .surrogate && surrogateCost == .unavailable {
      throw NASHPOBench2Error.surrogateCostUnavailable
    }
    let result = benchmark.answer(
      key, fidelity: fidelity, mode: mode, seedIndex: seedIndex, surrogateCost: surrogateCost)
    log.record(key: key, value: result.accuracy, cost: result.cost ?? 0, epochs: fidelity.epochs, mode: mode, seed: seed)
    return result
  }

  /// Forgets every query (`reset_logdata`).
  public mutating func reset() { log.reset() }

  /// The run's results, like the reference `get_results`.
  ///
  /// - Parameters:
  ///   - epochs: The epochs of the final accuracies: `[12, 200]` is the reference's `'both'`.
  ///   - mode: The split of the final accuracies (the reference reads `test`).
  ///   - seed: The seed of the 12-epoch final accuracy.
  /// - Throws: ``NASHPOBench2Error/noValidationQuery(loggedQueries:)`` when no validation query
  ///   chose a best key; argument errors as in ``NASHPOBench2/query(_:epoch:mode:iepoch:seed:surrogateCost:)``.
  public func results(
    epochs: [Int] = NASHPOSearchSpace.epochs, mode: QueryMode = .test,
    seed: Int = NASHPOSearchSpace.defaultSeed
  ) throws -> TrajectoryResults<NASHPOKey> {
    guard let best = log.best else {
      throw NASHPOBench2Error.noValidationQuery(loggedQueries: log.count)
    }
    let finals = try epochs.map { try benchmark.query(best.key, epoch: $0, mode: mode, seed: seed).accuracy }
    return TrajectoryResults(log: log, finalValues: finals, finalEpochs: epochs, dataset: benchmark.name)
  }
}
