import Foundation
import Testing
@testable import TabularNAS

@Suite("DoubleBuffer, the store's one unsafe type")
struct DoubleBufferTests {
  @Test("owned buffers hold what they were given, for every size including zero")
  func owned() {
    for count in [0, 1, 7, 1000] {
      let values = (0..<count).map { Double($0) * 0.5 - 3 }
      let buffer = DoubleBuffer(values)
      #expect(buffer.count == count)
      #expect(buffer.array == values)
      #expect((0..<count).allSatisfy { buffer[$0] == values[$0] })
      #expect(DoubleBuffer(count: count, repeating: 2.5).array == Array(repeating: 2.5, count: count))
    }
  }

  @Test("a writer sets single values; a range view reads exactly its range")
  func writerAndRanges() {
    let buffer = DoubleBuffer(uninitializedCount: 6)
    let writer = DoubleBuffer.Writer(buffer: buffer)
    for position in 0..<6 { writer.set(position, to: Double(position * position)) }
    #expect(buffer.array == [0, 1, 4, 9, 16, 25])
    #expect(buffer.withValues(from: 2, count: 3) { Array($0) } == [4, 9, 16])
    #expect(buffer.withValues(from: 6, count: 0) { $0.count } == 0)
  }

  @Test("a mapped buffer reads the file's little-endian doubles in place and outlives its map reference")
  func mapped() throws {
    let files = try TemporaryFiles()
    defer { files.remove() }
    let values: [Double] = [1.5, -2, .pi, 1e300, -0.0, .nan]
    var bytes = [UInt8](repeating: 0xAB, count: 8)  // a header the view skips
    for value in values { withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes += $0 } }
    let path = files.folder + "/values.bin"
    try writeNewFile(bytes, to: path)
    let buffer = try DoubleBuffer(mapping: MappedFile(path: path), byteOffset: 8, count: values.count)
    #expect(buffer.count == values.count)
    #expect(zip(buffer.array, values).allSatisfy { $0.bitPattern == $1.bitPattern })
  }

  @Test("a mapped file's pages given back read the same bytes again")
  func discardedPages() throws {
    let files = try TemporaryFiles()
    defer { files.remove() }
    let bytes = (0..<(1 << 22)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
    let path = files.folder + "/pages.bin"
    try writeNewFile(bytes, to: path)
    let file = try MappedFile(path: path)
    let sum = { file.bytes.reduce(0) { $0 &+ UInt64($1) } }
    let before = sum()
    file.discardPages(before: bytes.count - 1000)
    #expect(sum() == before)
    #expect(Array(file.bytes[12_345..<12_355]) == Array(bytes[12_345..<12_355]))
    file.discardPages(before: 0)
    file.discardPages(before: Int.max)
    #expect(sum() == before)
  }

  @Test("many threads read one buffer at once and see the same values")
  func concurrentReads() async {
    let buffer = DoubleBuffer((0..<10_000).map(Double.init))
    let sums = await withTaskGroup(of: Double.self) { group in
      for _ in 0..<8 { group.addTask { (0..<buffer.count).reduce(0) { $0 + buffer[$1] } } }
      return await group.reduce(into: []) { $0.append($1) }
    }
    #expect(sums == Array(repeating: 49_995_000, count: 8))
  }
}
