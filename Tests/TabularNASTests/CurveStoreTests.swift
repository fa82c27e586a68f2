import Testing
@testable import TabularNAS

@Suite("CurveStore, the columnar store every dataset shares")
struct CurveStoreTests {
  /// A 3-record store with curves `a` and `b` of 4 epochs and one scalar, every cell distinct.
  private func store() -> CurveStore {
    let builder = CurveStore.Builder(recordCount: 3, curveNames: ["a", "b"], epochCount: 4, scalarNames: ["size"])
    let writer = builder.columnWriter()
    for record in 0..<3 {
      for curve in 0..<2 {
        for epoch in 0..<4 { writer.setValue(Double(record * 100 + curve * 10 + epoch), record: record, curve: curve, epoch: epoch) }
      }
      writer.setScalar(Double(record) + 0.5, record: record, column: 0)
    }
    return builder.build()
  }

  @Test("values, whole curves and scalars are read where they were written ([record][curve][epoch])")
  func layout() {
    let store = store()
    #expect(store.value(record: 2, curve: 1, epoch: 3) == 213)
    #expect(store.value(record: 0, curve: 0, epoch: 0) == 0)
    #expect(store.curve(record: 1, curve: 1) == [110, 111, 112, 113])
    #expect(store.scalar(record: 2, column: 0) == 2.5)
    #expect(store.curveIndex(named: "b") == 1 && store.curveIndex(named: "c") == nil)
    #expect(store.scalarIndex(named: "size") == 0 && store.scalarIndex(named: "a") == nil)
    #expect(store.byteCount == (3 * 2 * 4 + 3) * 8)
  }

  @Test("prefix sums add left to right from the starting value, as Python's sum did")
  func prefixSums() {
    let store = store()
    #expect(store.sumPrefix(record: 1, curve: 0, count: 3, startingAt: 0) == 100 + 101 + 102)
    #expect(store.sumPrefix(record: 1, curve: 0, count: 0, startingAt: 7) == 7)
    // Left-to-right order matters in floating point: 1e16 + 1 + 1 loses both ones.
    let builder = CurveStore.Builder(recordCount: 1, curveNames: ["t"], epochCount: 3, scalarNames: [])
    for (epoch, value) in [1.0, 1.0, 1.0].enumerated() { builder.columnWriter().setValue(value, record: 0, curve: 0, epoch: epoch) }
    #expect(builder.build().sumPrefix(record: 0, curve: 0, count: 2, startingAt: 1e16) == 1e16)
  }

  @Test("unwritten cells of a prefilled builder read as NaN, so gaps are visible")
  func gaps() {
    let builder = CurveStore.Builder(recordCount: 2, curveNames: ["a"], epochCount: 2, scalarNames: ["s"])
    builder.columnWriter().setValue(1, record: 0, curve: 0, epoch: 0)
    let store = builder.build()
    #expect(store.value(record: 0, curve: 0, epoch: 0) == 1)
    #expect(store.value(record: 1, curve: 0, epoch: 1).isNaN && store.scalar(record: 1, column: 0).isNaN)
  }
}
