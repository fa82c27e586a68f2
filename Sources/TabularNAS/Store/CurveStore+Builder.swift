extension CurveStore {
  /// Fills a ``CurveStore`` once, then freezes it; every cell starts as NaN so gaps are visible.
  ///
  /// Threads may fill disjoint records concurrently (hence `@unchecked Sendable`).
  struct Builder: @unchecked Sendable {
    /// The number of records being built.
    let recordCount: Int
    /// The curve names.
    let curveNames: [String]
    /// Values per curve.
    let epochCount: Int
    /// The scalar column names.
    let scalarNames: [String]

    fileprivate let curveBuffer: DoubleBuffer
    fileprivate let scalarBuffer: DoubleBuffer

    /// Creates a builder for a store of the given shape. With `prefillNaN` false the values
    /// start unset: only for loaders that check every value was written (``PresenceMask``).
    init(recordCount: Int, curveNames: [String], epochCount: Int, scalarNames: [String], prefillNaN: Bool = true) {
      self.recordCount = recordCount
      self.curveNames = curveNames
      self.epochCount = epochCount
      self.scalarNames = scalarNames
      let curves = recordCount * curveNames.count * epochCount, scalars = recordCount * scalarNames.count
      curveBuffer = prefillNaN ? DoubleBuffer(count: curves, repeating: .nan) : DoubleBuffer(uninitializedCount: curves)
      scalarBuffer = prefillNaN ? DoubleBuffer(count: scalars, repeating: .nan) : DoubleBuffer(uninitializedCount: scalars)
    }

    /// Freezes the values into a store. Use the builder no more afterwards.
    func build() -> CurveStore {
      CurveStore(
        recordCount: recordCount, curveNames: curveNames, epochCount: epochCount,
        scalarNames: scalarNames, curveValues: curveBuffer, scalarValues: scalarBuffer)
    }
  }
}

extension CurveStore.Builder {
  /// Write access to every record, holding no references: cheap to pass around and usable from
  /// several threads at once (disjoint records). Valid while its builder is alive.
  struct ColumnWriter: @unchecked Sendable {
    fileprivate let curves: UnsafeMutablePointer<Double>
    fileprivate let scalars: UnsafeMutablePointer<Double>
    fileprivate let recordCount: Int
    fileprivate let curveCount: Int
    fileprivate let epochCount: Int
    fileprivate let scalarCount: Int

    /// Sets one curve value.
    @inline(__always)
    func setValue(_ value: Double, record: Int, curve: Int, epoch: Int) {
      precondition(record >= 0 && record < recordCount && curve >= 0 && curve < curveCount && epoch >= 0 && epoch < epochCount)
      curves[(record &* curveCount &+ curve) &* epochCount &+ epoch] = value
    }

    /// Sets one scalar.
    @inline(__always)
    func setScalar(_ value: Double, record: Int, column: Int) {
      precondition(record >= 0 && record < recordCount && column >= 0 && column < scalarCount)
      scalars[record &* scalarCount &+ column] = value
    }

    /// Sets every value of a record to NaN (a run the source does not hold).
    func clear(record: Int) {
      precondition(record >= 0 && record < recordCount)
      (curves + record * curveCount * epochCount).update(repeating: .nan, count: curveCount * epochCount)
      (scalars + record * scalarCount).update(repeating: .nan, count: scalarCount)
    }
  }

  /// A writer for every record.
  func columnWriter() -> ColumnWriter {
    ColumnWriter(
      curves: curveBuffer.base, scalars: scalarBuffer.base, recordCount: recordCount, curveCount: curveNames.count,
      epochCount: epochCount, scalarCount: scalarNames.count)
  }
}
