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
      address(record: record, curve: curve, epoch: epoch).pointee = value
    }

    /// Sets one scalar.
    @inline(__always)
    func setScalar(_ value: Double, record: Int, column: Int) {
      address(record: record, column: column).pointee = value
    }

    /// Where one curve value is stored.
    @inline(__always)
    func address(record: Int, curve: Int, epoch: Int) -> UnsafeMutablePointer<Double> {
      column(curve: curve, epoch: epoch).address(record: record)
    }

    /// Where one scalar is stored.
    @inline(__always)
    func address(record: Int, column: Int) -> UnsafeMutablePointer<Double> {
      self.column(scalar: column).address(record: record)
    }

    /// The column of one curve's values at one epoch.
    @inline(__always)
    func column(curve: Int, epoch: Int) -> Column {
      precondition(curve >= 0 && curve < curveCount && epoch >= 0 && epoch < epochCount)
      return Column(base: curves + (curve &* epochCount &+ epoch), stride: curveCount &* epochCount, recordCount: recordCount)
    }

    /// The column of one scalar.
    @inline(__always)
    func column(scalar: Int) -> Column {
      precondition(scalar >= 0 && scalar < scalarCount)
      return Column(base: scalars + scalar, stride: scalarCount, recordCount: recordCount)
    }

    /// Sets one value per memory page to NaN, so that every page is mapped now: a store's first
    /// touch of its pages is costly, and a loader can have it done ahead on another thread. Every
    /// value must still be written (or the record cleared) afterwards.
    func touchEveryPage() {
      let stride = 4096 / MemoryLayout<Double>.stride
      for (base, count) in [(curves, recordCount * curveCount * epochCount), (scalars, recordCount * scalarCount)] {
        for offset in Swift.stride(from: 0, to: count, by: stride) { base[offset] = .nan }
      }
    }

    /// Sets every value of a record to NaN (a run the source does not hold).
    func clear(record: Int) {
      precondition(record >= 0 && record < recordCount)
      (curves + record * curveCount * epochCount).update(repeating: .nan, count: curveCount * epochCount)
      (scalars + record * scalarCount).update(repeating: .nan, count: scalarCount)
    }
  }

  /// One value per record, `stride` values apart: where a column of the store is written.
  struct Column: Equatable, @unchecked Sendable {
    fileprivate let base: UnsafeMutablePointer<Double>
    fileprivate let stride: Int
    fileprivate let recordCount: Int

    /// Where the value of `record` is stored.
    @inline(__always)
    func address(record: Int) -> UnsafeMutablePointer<Double> {
      precondition(UInt(bitPattern: record) < UInt(recordCount))
      return base + record &* stride
    }
  }

  /// A writer for every record.
  func columnWriter() -> ColumnWriter {
    ColumnWriter(
      curves: curveBuffer.base, scalars: scalarBuffer.base, recordCount: recordCount, curveCount: curveNames.count,
      epochCount: epochCount, scalarCount: scalarNames.count)
  }
}
