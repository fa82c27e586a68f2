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

    /// Creates a builder for a store of the given shape.
    init(recordCount: Int, curveNames: [String], epochCount: Int, scalarNames: [String]) {
      self.recordCount = recordCount
      self.curveNames = curveNames
      self.epochCount = epochCount
      self.scalarNames = scalarNames
      curveBuffer = DoubleBuffer(count: recordCount * curveNames.count * epochCount, repeating: .nan)
      scalarBuffer = DoubleBuffer(count: recordCount * scalarNames.count, repeating: .nan)
    }

    /// Sets one curve value.
    func setValue(_ value: Double, record: Int, curve: Int, epoch: Int) {
      precondition(record >= 0 && record < recordCount && curve >= 0 && curve < curveNames.count)
      precondition(epoch >= 0 && epoch < epochCount)
      DoubleBuffer.Writer(buffer: curveBuffer).set((record * curveNames.count + curve) * epochCount + epoch, to: value)
    }

    /// Sets one scalar value.
    func setScalar(_ value: Double, record: Int, column: Int) {
      precondition(record >= 0 && record < recordCount && column >= 0 && column < scalarNames.count)
      DoubleBuffer.Writer(buffer: scalarBuffer).set(record * scalarNames.count + column, to: value)
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
  /// Write access to one record, holding no references: cheap to pass around and to use from
  /// several threads at once (one record each). Valid while its builder is alive.
  struct RecordWriter {
    fileprivate let curves: UnsafeMutablePointer<Double>
    fileprivate let scalars: UnsafeMutablePointer<Double>
    fileprivate let curveCount: Int
    fileprivate let epochCount: Int
    fileprivate let scalarCount: Int

    /// Sets one curve value of the record.
    func setValue(_ value: Double, curve: Int, epoch: Int) {
      precondition(curve >= 0 && curve < curveCount && epoch >= 0 && epoch < epochCount)
      curves[curve * epochCount + epoch] = value
    }

    /// Sets one scalar of the record.
    func setScalar(_ value: Double, column: Int) {
      precondition(column >= 0 && column < scalarCount)
      scalars[column] = value
    }
  }

  /// Write access to every record, holding no references; valid while its builder is alive.
  struct ColumnWriter {
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
  }

  /// A writer for every record.
  func columnWriter() -> ColumnWriter {
    ColumnWriter(
      curves: curveBuffer.base, scalars: scalarBuffer.base, recordCount: recordCount, curveCount: curveNames.count,
      epochCount: epochCount, scalarCount: scalarNames.count)
  }

  /// A writer for one record.
  func recordWriter(record: Int) -> RecordWriter {
    precondition(record >= 0 && record < recordCount, "record \(record) outside 0..<\(recordCount)")
    return RecordWriter(
      curves: curveBuffer.base + record * curveNames.count * epochCount,
      scalars: scalarBuffer.base + record * scalarNames.count, curveCount: curveNames.count,
      epochCount: epochCount, scalarCount: scalarNames.count)
  }
}
