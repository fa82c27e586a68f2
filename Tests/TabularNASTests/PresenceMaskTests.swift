import Testing
@testable import TabularNAS

@Suite("Presence masks")
struct PresenceMaskTests {
  @Test("marking positions in a batch, in any order and across words, marks exactly those one by one would")
  func batchMarksAsSingleMarks() {
    let positions: [Int32] = [0, 1, 2, 63, 64, 65, 200, 3, 129, 128, 127, 64, 250, 199]
    let batch = PresenceMask(count: 400), single = PresenceMask(count: 400)
    positions.withUnsafeBufferPointer { batch.mark($0, offset: 100) }
    for position in positions { single.mark(100 + Int(position)) }
    #expect((0..<400).filter(batch.isMarked) == (0..<400).filter(single.isMarked))
    #expect((0..<400).filter(batch.isMarked).count == Set(positions).count)
    #expect(batch.missing(in: 0..<100)?.count == 100 && batch.missing(in: 100..<104) == nil)
    // An empty batch marks nothing.
    let empty = PresenceMask(count: 64)
    [Int32]().withUnsafeBufferPointer { empty.mark($0, offset: 0) }
    #expect(empty.missing(in: 0..<64)?.count == 64)
  }
}
