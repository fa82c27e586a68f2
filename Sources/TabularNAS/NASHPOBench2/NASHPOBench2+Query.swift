extension NASHPOBench2 {
  /// Returns the accuracy and cost of a configuration, like the reference `query_by_key`.
  ///
  /// Semantics follow `nashpobench2api`: epoch 12 reads the `mode` accuracy after `iepoch`
  /// epochs (default 12); the cost is the left-to-right sum of the per-epoch times of the modes
  /// involved (train; train + valid; train + valid + test), and at `iepoch` 12 the recorded
  /// totals (`total_train_time`, `total_trainval_time`, `total_trainval_time + total_test_time`).
  /// Epoch 200 returns the surrogate test accuracy, whatever the mode, and a cost only under
  /// ``SurrogateCostRule/extrapolated``. Unlike the reference, the seed applies to this query
  /// only, and seed 0 is an error rather than silently ignored.
  ///
  /// - Parameters:
  ///   - cellcode: A cell code `A|BC|DEF`.
  ///   - lr: One of ``NASHPOSearchSpace/learningRates``.
  ///   - batchSize: One of ``NASHPOSearchSpace/batchSizes``.
  ///   - epoch: 12 (measured) or 200 (surrogate).
  ///   - mode: Which accuracy to read and which times to charge.
  ///   - iepoch: For epoch 12, read after this many epochs (1…12).
  ///   - seed: The training seed, 222, 555 or 888.
  ///   - surrogateCost: How to charge epoch-200 queries.
  /// - Returns: The accuracy in percent and the cost in seconds.
  /// - Throws: ``NASHPOBench2Error`` naming any invalid argument and the allowed values.
  /// - Complexity: O(`iepoch`); no hashing after the cell code is parsed.
  public func queryByKey(
    cellcode: String, lr: Double, batchSize: Int, epoch: Int = 12, mode: QueryMode = .valid,
    iepoch: Int? = nil, seed: Int = NASHPOSearchSpace.defaultSeed,
    surrogateCost: SurrogateCostRule = .unavailable
  ) throws -> QueryResult {
    try query(
      NASHPOKey(cellcode: cellcode, lr: lr, batchSize: batchSize), epoch: epoch, mode: mode,
      iepoch: iepoch, seed: seed, surrogateCost: surrogateCost)
  }

  /// Returns the accuracy and cost of the key at component positions, like `query_by_index`.
  ///
  /// - Throws: ``NASHPOBench2Error/componentIndexOutOfRange(component:index:count:)`` or any
  ///   error of ``query(_:epoch:mode:iepoch:seed:surrogateCost:)``.
  public func queryByIndex(
    cellIndex: Int, lrIndex: Int, batchSizeIndex: Int, epoch: Int = 12, mode: QueryMode = .valid,
    iepoch: Int? = nil, seed: Int = NASHPOSearchSpace.defaultSeed,
    surrogateCost: SurrogateCostRule = .unavailable
  ) throws -> QueryResult {
    let key = try NASHPOKey(validatingCellIndex: cellIndex, lrIndex: lrIndex, batchSizeIndex: batchSizeIndex)
    return try query(key, epoch: epoch, mode: mode, iepoch: iepoch, seed: seed, surrogateCost: surrogateCost)
  }

  /// Returns the accuracy and cost of the key at a flat index, like the reference `api[index]`.
  ///
  /// - Throws: ``NASHPOBench2Error/indexOutOfRange(_:count:)`` or any error of
  ///   ``query(_:epoch:mode:iepoch:seed:surrogateCost:)``.
  public func query(
    at index: Int, epoch: Int = 12, mode: QueryMode = .valid, iepoch: Int? = nil,
    seed: Int = NASHPOSearchSpace.defaultSeed, surrogateCost: SurrogateCostRule = .unavailable
  ) throws -> QueryResult {
    try query(key(at: index), epoch: epoch, mode: mode, iepoch: iepoch, seed: seed, surrogateCost: surrogateCost)
  }

  /// Returns the accuracy and cost of a key; the typed form of
  /// ``queryByKey(cellcode:lr:batchSize:epoch:mode:iepoch:seed:surrogateCost:)``.
  public func query(
    _ key: NASHPOKey, epoch: Int = 12, mode: QueryMode = .valid, iepoch: Int? = nil,
    seed: Int = NASHPOSearchSpace.defaultSeed, surrogateCost: SurrogateCostRule = .unavailable
  ) throws -> QueryResult {
    let fidelity = try NASHPOFidelity(epoch: epoch, iepoch: iepoch)
    let seedIndex = try NASHPOSearchSpace.seedIndex(of: seed)
    return answer(key, fidelity: fidelity, mode: mode, seedIndex: seedIndex, surrogateCost: surrogateCost)
  }

  /// Answers a validated query.
  @inline(__always)
  func answer(
    _ key: NASHPOKey, fidelity: NASHPOFidelity, mode: QueryMode, seedIndex: Int,
    surrogateCost: SurrogateCostRule
  ) -> QueryResult {
    let record = table.record(of: key, seedIndex: seedIndex)
    switch fidelity {
    case .trained(let epochs):
      let accuracy = table.runs.value(
        record: record, curve: NASHPOTable.Curve.accuracy(for: mode).rawValue, epoch: epochs - 1)
      return QueryResult(accuracy: accuracy, cost: trainedCost(record: record, mode: mode, epochs: epochs))
    case .surrogate:
      let cost: Double? =
        switch surrogateCost {
        case .unavailable: nil
        case .extrapolated:
          trainedCost(record: record, mode: mode, epochs: NASHPOSearchSpace.trainedEpochs) * 200 / 12
        }
      return QueryResult(accuracy: table.surrogateAccuracy(of: key), cost: cost)
    }
  }

  /// The reference cost rule: recorded totals at 12 epochs, else sums of per-epoch times.
  @inline(__always)
  private func trainedCost(record: Int, mode: QueryMode, epochs: Int) -> Double {
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

extension NASHPOKey {
  /// Validates component positions as the reference `query_by_index` receives them.
  init(validatingCellIndex cellIndex: Int, lrIndex: Int, batchSizeIndex: Int) throws {
    let checks = [
      ("cell", cellIndex, CellCode.count), ("lr", lrIndex, NASHPOSearchSpace.learningRates.count),
      ("batch size", batchSizeIndex, NASHPOSearchSpace.batchSizes.count),
    ]
    for (component, index, count) in checks where !(0..<count).contains(index) {
      throw NASHPOBench2Error.componentIndexOutOfRange(component: component, index: index, count: count)
    }
    self.init(cell: CellCode(index: cellIndex), learningRateIndex: lrIndex, batchSizeIndex: batchSizeIndex)
  }
}
