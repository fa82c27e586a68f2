/// An immutable columnar table of learning curves.
///
/// Each record (one training run) has several curves of equal length — one value per epoch —
/// and several scalar columns. Curves are laid out record by record, curve by curve, so one
/// run's curves are contiguous: `[record][curve][epoch]`. The store is `Sendable` and never
/// changes after it is built, so any number of searches can read it from any thread.
public struct CurveStore: Sendable {
  /// The number of records (rows).
  public let recordCount: Int
  /// The names of the curves, e.g. `valid_acc`.
  public let curveNames: [String]
  /// The number of values in each curve.
  public let epochCount: Int
  /// The names of the scalar columns, e.g. `total_train_time`.
  public let scalarNames: [String]

  let curveValues: DoubleBuffer
  let scalarValues: DoubleBuffer

  init(
    recordCount: Int, curveNames: [String], epochCount: Int, scalarNames: [String],
    curveValues: DoubleBuffer, scalarValues: DoubleBuffer
  ) {
    precondition(curveValues.count == recordCount * curveNames.count * epochCount)
    precondition(scalarValues.count == recordCount * scalarNames.count)
    self.recordCount = recordCount
    self.curveNames = curveNames
    self.epochCount = epochCount
    self.scalarNames = scalarNames
    self.curveValues = curveValues
    self.scalarValues = scalarValues
  }

  /// The position of a curve name, or `nil` when the store has no such curve.
  public func curveIndex(named name: String) -> Int? { curveNames.firstIndex(of: name) }

  /// The position of a scalar column name, or `nil` when the store has no such column.
  public func scalarIndex(named name: String) -> Int? { scalarNames.firstIndex(of: name) }

  /// The value of one curve at one epoch position (0-based).
  ///
  /// - Precondition: every position is in range.
  @inline(__always)
  public func value(record: Int, curve: Int, epoch: Int) -> Double {
    precondition(record >= 0 && record < recordCount && curve >= 0 && curve < curveNames.count)
    precondition(epoch >= 0 && epoch < epochCount)
    return curveValues[curveOffset(record: record, curve: curve) + epoch]
  }

  /// One whole curve of one record.
  public func curve(record: Int, curve: Int) -> [Double] {
    precondition(record >= 0 && record < recordCount && curve >= 0 && curve < curveNames.count)
    return curveValues.withValues(from: curveOffset(record: record, curve: curve), count: epochCount) {
      Array($0)
    }
  }

  /// The value of a scalar column for one record.
  @inline(__always)
  public func scalar(record: Int, column: Int) -> Double {
    precondition(record >= 0 && record < recordCount && column >= 0 && column < scalarNames.count)
    return scalarValues[record * scalarNames.count + column]
  }

  /// Sums the first `count` values of a curve left to right, as Python's `sum` did before 3.12.
  @inline(__always)
  func sumPrefix(record: Int, curve: Int, count: Int, startingAt initial: Double) -> Double {
    let offset = curveOffset(record: record, curve: curve)
    var total = initial
    for epoch in 0..<count { total += curveValues[offset + epoch] }
    return total
  }

  @inline(__always)
  func curveOffset(record: Int, curve: Int) -> Int {
    (record * curveNames.count + curve) * epochCount
  }

  /// The memory the values occupy, in bytes.
  public var byteCount: Int {
    (curveValues.count + scalarValues.count) * MemoryLayout<Double>.stride
  }
}
