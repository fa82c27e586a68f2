import Foundation
import Testing
@testable import TabularNAS

@Suite("Native format")
struct NativeFormatTests {
  private func temporaryPath() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("tabnas-\(UUID().uuidString).tabnas").path
  }

  /// A native file of the synthetic table, written once per test.
  private func nativeFile() throws -> String {
    let path = temporaryPath()
    try NASHPOBench2.synthetic().writeNativeFile(to: path)
    return path
  }

  @Test("a native file reopens with every value and the synthetic label")
  func roundTrip() throws {
    let path = try nativeFile()
    defer { try? FileManager.default.removeItem(atPath: path) }
    let original = NASHPOBench2.synthetic()
    let reopened = try NASHPOBench2(contentsOf: path)
    #expect(reopened.source == .synthetic(seed: 0))
    #expect(reopened.name.contains("synthetic"))
    #expect(reopened.table.classHashes == original.table.classHashes)
    #expect(reopened.table.cellClasses == original.table.cellClasses)
    #expect(reopened.table.runs.curveValues.array == original.table.runs.curveValues.array)
    #expect(reopened.table.runs.scalarValues.array == original.table.runs.scalarValues.array)
    #expect(reopened.table.surrogateAccuracies.array == original.table.surrogateAccuracies.array)
  }

  @Test("a converted file keeps its origin in the label")
  func filesOrigin() throws {
    let files = try SmallNASHPOFiles(classes: 1)
    defer { files.remove() }
    let path = temporaryPath()
    defer { try? FileManager.default.removeItem(atPath: path) }
    try NASHPOBench2(contentsOf: files.folder).writeNativeFile(to: path)
    let reopened = try NASHPOBench2(contentsOf: path)
    #expect(reopened.source == .nativeFile(path: path, origin: "files at \(files.folder)"))
    #expect(throws: ExportError.fileExists(path: path)) { try reopened.writeNativeFile(to: path) }
  }

  /// Rewrites the file with `edit` applied to its bytes, then expects `expected` on opening it.
  private func expectError(_ edit: (inout Data) -> Void, _ matches: (DatasetFileError) -> Bool) throws {
    let path = try nativeFile()
    defer { try? FileManager.default.removeItem(atPath: path) }
    var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    edit(&bytes)
    try bytes.write(to: URL(fileURLWithPath: path))
    #expect {
      try NASHPOBench2(contentsOf: path)
    } throws: { error in
      (error as? DatasetFileError).map(matches) ?? false
    }
  }

  @Test("wrong magic, version, checksum and size are each named")
  func corruptions() throws {
    try expectError({ $0[0] = 0x50 }) { if case .notNativeFormat = $0 { true } else { false } }
    try expectError({ $0[8] = 4 }) { if case .unsupportedVersion(_, 4, 2...3) = $0 { true } else { false } }
    try expectError({ $0[8] = 1 }) { if case .schema(_, let reason) = $0 { reason.contains("version 1") } else { false } }
    try expectError({ $0[$0.count - 100] ^= 0x01 }) { if case .checksumMismatch = $0 { true } else { false } }
    try expectError({ $0 = $0.prefix($0.count - 8) }) { if case .truncated = $0 { true } else { false } }
    try expectError({ $0 = $0.prefix(10) }) { if case .notNativeFormat = $0 { true } else { false } }
    try expectError({ $0[12] = 9 }) { if case .schema = $0 { true } else { false } }
    // A label length that is not padded to a word (found by the fuzzer): refused, not a crash.
    try expectError({ bytes in
      bytes[64 + 28] = 1
      Self.reseal(&bytes)
    }) { if case .schema(_, let reason) = $0 { reason.contains("do not describe") } else { false } }
  }

  /// Recomputes a file's checksum after an edit, as a forger would.
  private static func reseal(_ bytes: inout Data) {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("tabnas-reseal-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    try? bytes.write(to: URL(fileURLWithPath: path))
    guard let header = try? NativeFileHeader(reading: MappedFile(path: path)) else { return }
    let checksum = header.fileChecksum(payloadChecksum: bytes[64...].withUnsafeBytes(Checksum64.checksum))
    withUnsafeBytes(of: checksum.littleEndian) { bytes.replaceSubrange(32..<40, with: $0) }
  }

  @Test("the checksum covers every header byte: a flipped synthetic flag or seed is corruption; extra bytes are refused")
  func headerIntegrity() throws {
    try expectError({ $0[40] ^= 0x01 }) { if case .checksumMismatch = $0 { true } else { false } }
    try expectError({ $0[48] ^= 0x01 }) { if case .checksumMismatch = $0 { true } else { false } }
    try expectError({ $0[44] = 1 }) { if case .schema(_, let reason) = $0 { reason.contains("reserved") } else { false } }
    try expectError({ $0.append(0) }) { if case .schema(_, let reason) = $0 { reason.contains("1 bytes follow the payload") } else { false } }
  }

  @Test("flipping any bit of any header byte is refused with a typed error, never opened")
  func everyHeaderByte() throws {
    let path = try nativeFile()
    defer { try? FileManager.default.removeItem(atPath: path) }
    let original = try Data(contentsOf: URL(fileURLWithPath: path))
    let copy = path + ".flipped"
    defer { try? FileManager.default.removeItem(atPath: copy) }
    for position in 0..<NativeFileHeader.size {
      for bit in position < 32 ? [0, 7] : [0] {
        var bytes = original
        bytes[position] ^= UInt8(1 << bit)
        try? FileManager.default.removeItem(atPath: copy)
        try bytes.write(to: URL(fileURLWithPath: copy))
        #expect(throws: DatasetFileError.self, "byte \(position), bit \(bit)") { try NASHPOBench2(contentsOf: copy) }
      }
    }
  }

  @Test("the checksum is the same whether computed at once, in parts or through file reads")
  func checksumParts() throws {
    let words = (0..<10_001).map { UInt64($0) &* 0x9E37_79B9 }
    let whole = words.withUnsafeBytes(Checksum64.checksum)
    // Σᵢ mix(wᵢ ⊕ i·K) computed independently (Python integers masked to 64 bits).
    #expect(whole == 0x2C30_3ED5_9091_9A93)
    let split = words.withUnsafeBytes { bytes in
      Checksum64.partialSum(UnsafeRawBufferPointer(rebasing: bytes[..<8000]), firstWord: 0)
        &+ Checksum64.partialSum(UnsafeRawBufferPointer(rebasing: bytes[8000...]), firstWord: 1000)
    }
    #expect(whole == split)
    var swapped = words
    swapped.swapAt(3, 4)
    #expect(swapped.withUnsafeBytes(Checksum64.checksum) != whole)
    let path = temporaryPath()
    defer { try? FileManager.default.removeItem(atPath: path) }
    try writeNewFile(words.withUnsafeBytes { Array($0) }, to: path)
    #expect(Checksum64.checksum(of: try MappedFile(path: path), range: 0..<(words.count * 8)) == whole)
  }

  @Test("a file's chunks cover a range in order, and its bytes read the same after their pages are given back")
  func mappedChunks() throws {
    let bytes = (0..<30_000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 8) }
    let path = temporaryPath()
    defer { try? FileManager.default.removeItem(atPath: path) }
    try writeNewFile(bytes, to: path)
    let file = try MappedFile(path: path)
    var seen: [UInt8] = [], sizes: [Int] = []
    file.forEachChunk(in: 100..<29_990, chunkSize: 8192) { chunk in
      seen += chunk
      sizes.append(chunk.count)
    }
    #expect(seen == Array(bytes[100..<29_990]))
    #expect(sizes == [8192, 8192, 8192, 5314])
    #expect(Array(file.bytes) == bytes)
  }
}
