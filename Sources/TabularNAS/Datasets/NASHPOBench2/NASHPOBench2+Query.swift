extension NASHPOBench2 {
  /// Returns the accuracy and cost of a key, like the reference `query_by_key`.
  ///
  /// Semantics follow `nashpobench2api`: epoch 12 reads the `mode` accuracy after `iepoch`
  /// epochs (default 12); the cost is the left-to-right sum of the per-epoch times of the modes
  /// involved (train; train + valid; train + valid + test), and at `iepoch` 12 the recorded
  /// totals (`total_train_time`, `total_trainval_time`, `total_trainval_time + total_test_time`).
  /// Epoch 200 returns the surrogate test accuracy, whatever the mode, and a cost only under
  /// ``SurrogateCostRule/extrapolated``. Unlike the reference, the seed applies to this query
  /// only, and seed 0 is an error rather than silently ignored. On files holding a subset, a
  /// key, seed or run outside it is an error naming what the files hold.
  ///
  /// - Parameters:
  ///   - key: A key of the search space.
  ///   - epoch: 12 (measured) or 200 (surrogate).
  ///   - mode: Which accuracy to read and which times to charge.
  ///   - iepoch: For epoch 12, read after this many epochs (1…12).
  ///   - seed: The training seed, 222, 555 or 888 (default ``defaultSeed``).
  ///   - surrogateCost: How to charge epoch-200 queries (default: the benchmark's rule).
  /// - Returns: The accuracy in percent and the cost in seconds.
  /// - Throws: ``NASHPOBench2Error`` naming any invalid argument and the allowed values.
  /// - Complexity: O(`iepoch`).
  public func query(
    _ key: NASHPOKey, epoch: Int = 12, mode: DataSplit = .valid, iepoch: Int? = nil,
    seed: Int? = nil, surrogateCost: SurrogateCostRule? = nil
  ) throws -> QueryResult {
    let fidelity = try NASHPOFidelity(epoch: epoch, iepoch: iepoch)
    let seedIndex = try NASHPOSearchSpace.seedIndex(of: seed ?? defaultSeed)
    let surrogateCost = surrogateCost ?? self.surrogateCost
    try checkHeld(key, seedIndex: seedIndex, fidelity: fidelity, surrogateCost: surrogateCost)
    return answer(key, fidelity: fidelity, mode: mode, seedIndex: seedIndex, surrogateCost: surrogateCost)
  }

  /// Checks that the table holds what a validated query reads (always, unless it holds a subset).
  @inline(__always)
  func checkHeld(_ key: NASHPOKey, seedIndex: Int, fidelity: NASHPOFidelity, surrogateCost: SurrogateCostRule) throws {
    guard !table.coverage.isComplete else { return }
    try searchSpace.checkContains(key)
    try table.checkHeld(
      key, seedIndex: seedIndex, readsRun: fidelity != .surrogate || surrogateCost == .extrapolated,
      readsSurrogate: fidelity == .surrogate)
  }

  /// Answers a validated query.
  @inline(__always)
  func answer(
    _ key: NASHPOKey, fidelity: NASHPOFidelity, mode: DataSplit, seedIndex: Int,
    surrogateCost: SurrogateCostRule
  ) -> QueryResult {
    let record = table.record(of: key, seedIndex: seedIndex)
    switch fidelity {
    case .trained(let epochs):
      let accuracy = table.runs.value(
        record: record, curve: NASHPOTable.Curve.accuracy(for: mode).rawValue, epoch: epochs - 1)
      return QueryResult(value: accuracy, cost: trainedCost(record: record, mode: mode, epochs: epochs))
    case .surrogate:
      let cost: Double? =
        switch surrogateCost {
        case .unavailable: nil
        case .extrapolated:
          trainedCost(record: record, mode: mode, epochs: NASHPOSearchSpace.trainedEpochs) * 200 / 12
        }
      return QueryResult(value: table.surrogateAccuracy(of: key), cost: cost)
    }
  }

  /// The reference cost rule: recorded totals at 12 epochs, else sums of per-epoch times.
  @inline(__always)
  private func trainedCost(record: Int, mode: DataSplit, epochs: Int) -> Double {
    let runs = table.runs
    if epochs == NASHPOSearchSpace.trainedEpochs {
      switch mode {
      case .train: return runs.scalar(record: record, column: NASHPOTable.Total.train.rawValue)
      case .valid: return runs.scalar(record: record, column: NASHPOTable.Total.trainValid.rawValue)
      case .test:
        return runs.scalar(record: record, column: NASHPOTable.Total.trainValid.rawValue)
          + runs.scalar(record: record, column: NASHPOTable.Total.test.rawValue)
      }
    }
    // Python's sum over [train times…, valid times…, test times…], left to right from 0.
    var cost = runs.sumPrefix(record: record, curve: NASHPOTable.Curve.trainTime.rawValue, count: epochs, startingAt: 0)
    if mode != .train {
      cost = runs.sumPrefix(record: record, curve: NASHPOTable.Curve.validTime.rawValue, count: epochs, startingAt: cost)
    }
    if mode == .test {
      cost = runs.sumPrefix(record: record, curve: NASHPOTable.Curve.testTime.rawValue, count: epochs, startingAt: cost)
    }
    return cost
  }
}
