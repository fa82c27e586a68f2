extension BenchmarkRun where Benchmark == NASHPOBench2 {
  /// Starts an empty run whose 200-epoch queries are charged by `surrogateCost`.
  public init(benchmark: NASHPOBench2, surrogateCost: SurrogateCostRule) {
    self.init(benchmark: benchmark.withSurrogateCost(surrogateCost))
  }

  /// How 200-epoch queries are charged; ``SurrogateCostRule/unavailable`` refuses to log them.
  public var surrogateCost: SurrogateCostRule { benchmark.surrogateCost }

  /// Queries and logs a key's validation accuracy after some epochs (12 by default), exactly as
  /// the generic ``BenchmarkRun/query(_:epochs:)``; this concrete form keeps the hot path
  /// specialised for callers outside the library (about 4× faster per query than the generic
  /// code, `TabNASBenchmarks query`).
  ///
  /// - Throws: ``NASHPOBench2Error/iepochOutOfRange(_:allowed:)``; nothing is logged then.
  @discardableResult
  public mutating func query(_ key: NASHPOKey, epochs: Int? = nil) throws -> QueryResult {
    try query(key, epoch: NASHPOSearchSpace.trainedEpochs, mode: .valid, iepoch: epochs ?? NASHPOSearchSpace.trainedEpochs)
  }

  /// Queries and logs a key with every option of the reference `query_by_key`.
  ///
  /// - Throws: ``NASHPOBench2Error`` for invalid arguments (see
  ///   ``NASHPOBench2/query(_:epoch:mode:iepoch:seed:surrogateCost:)``), and
  ///   ``NASHPOBench2Error/surrogateCostUnavailable`` for a 200-epoch query unless the run
  ///   charges them; nothing is logged then.
  /// - Complexity: O(`iepoch`) and amortised O(1) logging.
  @discardableResult
  public mutating func query(
    _ key: NASHPOKey, epoch: Int = 12, mode: DataSplit = .valid, iepoch: Int? = nil,
    seed: Int? = nil
  ) throws -> QueryResult {
    let fidelity = try NASHPOFidelity(epoch: epoch, iepoch: iepoch)
    let seed = seed ?? benchmark.defaultSeed
    let seedIndex = try NASHPOSearchSpace.seedIndex(of: seed)
    if fidelity == .surrogate && surrogateCost == .unavailable {
      throw NASHPOBench2Error.surrogateCostUnavailable
    }
    try benchmark.checkHeld(key, seedIndex: seedIndex, fidelity: fidelity, surrogateCost: surrogateCost)
    let result = benchmark.answer(key, fidelity: fidelity, mode: mode, seedIndex: seedIndex, surrogateCost: surrogateCost)
    record(key, result: result, epochs: fidelity.epochs, split: mode, seed: seed)
    return result
  }

  /// The run's results, like the reference `get_results`, with the final accuracies read at
  /// other epochs, split or seed than ``results()``'s `[12, 200]`, test, the default seed.
  ///
  /// - Parameters:
  ///   - epochs: The epochs of the final accuracies: `[12, 200]` is the reference's `'both'`.
  ///   - mode: The split of the final accuracies (the reference reads `test`).
  ///   - seed: The seed of the 12-epoch final accuracy (default ``NASHPOBench2/defaultSeed``).
  /// - Throws: ``BenchmarkError/noValidationQuery(loggedQueries:)`` when no validation query
  ///   chose a best key; argument errors as in
  ///   ``NASHPOBench2/query(_:epoch:mode:iepoch:seed:surrogateCost:)``.
  public func results(epochs: [Int], mode: DataSplit = .test, seed: Int? = nil) throws
    -> TrajectoryResults<NASHPOKey>
  {
    try results(
      finalValues: { key in try epochs.map { try benchmark.query(key, epoch: $0, mode: mode, seed: seed).value } },
      finalEpochs: epochs)
  }
}
