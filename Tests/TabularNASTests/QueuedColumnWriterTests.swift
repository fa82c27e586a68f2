import Testing
@testable import TabularNAS

@Suite("Queued column writes")
struct QueuedColumnWriterTests {
  @Test("queued writes land where a direct writer puts them, over many hand-overs, in order, once flushed")
  func matchesDirectWrites() {
    let shape = (records: 50, curves: 3, epochs: 4, scalars: 2)
    func builder() -> CurveStore.Builder {
      CurveStore.Builder(recordCount: shape.records, curveNames: ["a", "b", "c"], epochCount: shape.epochs, scalarNames: ["s", "t"])
    }
    let direct = builder(), queued = builder()
    let writer = QueuedColumnWriter(queued.columnWriter(), capacity: 7)
    // Column by column as a loader writes, each cell twice: the later value must win.
    for pass in 0..<2 {
      for curve in 0..<shape.curves {
        for epoch in 0..<shape.epochs {
          for record in 0..<shape.records {
            let value = Double(pass * 10_000 + record * 100 + curve * 10 + epoch)
            direct.columnWriter().setValue(value, record: record, curve: curve, epoch: epoch)
            writer.setValue(value, record: record, curve: curve, epoch: epoch)
          }
        }
      }
      for column in 0..<shape.scalars {
        for record in 0..<shape.records {
          direct.columnWriter().setScalar(Double(pass - record), record: record, column: column)
          writer.setScalar(Double(pass - record), record: record, column: column)
        }
      }
    }
    writer.flush()
    let expected = direct.build(), actual = queued.build()
    for record in 0..<shape.records {
      for curve in 0..<shape.curves {
        #expect(actual.curve(record: record, curve: curve) == expected.curve(record: record, curve: curve))
      }
      for column in 0..<shape.scalars {
        #expect(actual.scalar(record: record, column: column) == expected.scalar(record: record, column: column))
      }
    }
    #expect(actual.value(record: 49, curve: 2, epoch: 3) == 14_923)
  }

  @Test("bulk writes mixed with single ones, across many hand-overs, land where a direct writer puts them")
  func bulkWritesMatchDirectWrites() {
    func builder() -> CurveStore.Builder {
      CurveStore.Builder(recordCount: 40, curveNames: ["a", "b"], epochCount: 3, scalarNames: ["s"])
    }
    let direct = builder(), queued = builder()
    let writer = QueuedColumnWriter(queued.columnWriter(), capacity: 5)
    // Records in a shuffled order, as a column's keys come; each (curve, epoch) column half in
    // bulk (runs of 1 to 9 values), half one by one, with a scalar between them.
    let records = (0..<40).map { Int32(($0 * 17) % 40) }
    for curve in 0..<2 {
      for epoch in 0..<3 {
        var index = 0, run = 1
        while index < records.count {
          let end = min(index + run, records.count)
          let values = records[index..<end].map { Double($0) * 10 + Double(curve * 3 + epoch) }
          if run.isMultiple(of: 2) {
            for (record, value) in zip(records[index..<end], values) {
              writer.setValue(value, record: Int(record), curve: curve, epoch: epoch)
            }
          } else {
            values.withUnsafeBufferPointer { values in
              Array(records[index..<end]).withUnsafeBufferPointer { writer.setValues(values, records: $0, curve: curve, epoch: epoch) }
            }
          }
          for (record, value) in zip(records[index..<end], values) {
            direct.columnWriter().setValue(value, record: Int(record), curve: curve, epoch: epoch)
          }
          writer.setScalar(Double(index), record: Int(records[index]), column: 0)
          direct.columnWriter().setScalar(Double(index), record: Int(records[index]), column: 0)
          index = end
          run = run % 9 + 1
        }
      }
    }
    writer.flush()
    let expected = direct.build(), actual = queued.build()
    for record in 0..<40 {
      for curve in 0..<2 { #expect(actual.curve(record: record, curve: curve) == expected.curve(record: record, curve: curve)) }
      // Bit patterns: a record no scalar went to holds NaN in both.
      #expect(actual.scalar(record: record, column: 0).bitPattern == expected.scalar(record: record, column: 0).bitPattern)
    }
    #expect(actual.value(record: 17, curve: 1, epoch: 2) == 175)
  }

  @Test("writes are queued until flushed, and a writer can be flushed and used again")
  func queuesUntilFlushed() {
    let builder = CurveStore.Builder(recordCount: 1, curveNames: ["a"], epochCount: 2, scalarNames: [])
    let writer = QueuedColumnWriter(builder.columnWriter(), capacity: 4)
    writer.setValue(1, record: 0, curve: 0, epoch: 0)
    writer.setValue(7, record: 0, curve: 0, epoch: 1)
    #expect(builder.build().value(record: 0, curve: 0, epoch: 1).isNaN)
    writer.flush()
    #expect(builder.build().value(record: 0, curve: 0, epoch: 0) == 1)
    writer.setValue(2, record: 0, curve: 0, epoch: 1)
    writer.flush()
    #expect(builder.build().curve(record: 0, curve: 0) == [1, 2])
  }

  @Test("writes queued before the worker has touched the store's pages still land (the touch goes first)")
  func touchGoesFirst() {
    // A store of many pages, so that touching them takes a while; the first value of each page is
    // one the touch sets to NaN.
    let records = 20_000, builder = CurveStore.Builder(recordCount: records, curveNames: ["a"], epochCount: 8, scalarNames: [])
    let writer = QueuedColumnWriter(builder.columnWriter(), capacity: 1 << 20)
    for record in 0..<records { writer.setValue(Double(record), record: record, curve: 0, epoch: 0) }
    writer.flush()
    let store = builder.build()
    #expect((0..<records).allSatisfy { store.value(record: $0, curve: 0, epoch: 0) == Double($0) })
  }
}
