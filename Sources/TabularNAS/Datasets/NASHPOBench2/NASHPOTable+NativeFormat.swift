/// NAS-HPO-Bench-II in TabularNAS's native format: one versioned, checksummed file, mapped in
/// place on open.
///
/// Payload (after the ``NativeFileHeader``, little-endian, 8-byte aligned sections):
/// eight `UInt32` counts — classes, runs, curves (6), epochs (12), totals (3), surrogate values,
/// hash-section bytes, source-label bytes; the class of each of the 4,096 cells (`UInt16`); the
/// class hashes (`UInt32` length + UTF-8 each, padded); the source label (UTF-8, padded); then
/// the curves `[run][curve][epoch]`, the totals `[run][total]` and the surrogate accuracies
/// `[class][lr][batch size]` as `Float64`; then (version 3) the ``NASHPOCoverage``: `UInt32`
/// masks of the learning rates, batch sizes and seeds held and a flags word (bit 0: a run bit
/// set follows, bit 1: a surrogate bit set follows), then those bit sets as `UInt64` words.
/// Cells the files do not list have class ``NASHPOTable/absentClass``. Version 2 files have no
/// coverage section and hold the whole benchmark.
extension NASHPOTable {
  /// Encodes the table as a native file whose origin label is `label` (default: the source's
  /// description).
  func nativeFileBytes(source: DatasetSource, label: String? = nil) -> [UInt8] {
    // The header's bytes come first and are filled in last, so the file is built in one array.
    var payload = LittleEndianWriter()
    payload.bytes.reserveCapacity(NativeFileHeader.size + runs.curveValues.count * 8 + runs.scalarValues.count * 8 + 65_536)
    payload.bytes += [UInt8](repeating: 0, count: NativeFileHeader.size)
    let hashBytes = classHashes.map { Array($0.utf8) }
    let hashSectionLength = hashBytes.reduce(0) { $0 + 4 + $1.count }
    let label = Array((label ?? source.description).utf8)
    for count in [
      classCount, runs.recordCount, runs.curveNames.count, runs.epochCount, runs.scalarNames.count,
      surrogateAccuracies.count, (hashSectionLength + 7) / 8 * 8, (label.count + 7) / 8 * 8,
    ] {
      payload.append(UInt32(count))
    }
    for cellClass in cellClasses { payload.append(cellClass) }
    payload.padToWord()
    for hash in hashBytes {
      payload.append(UInt32(hash.count))
      payload.bytes += hash
    }
    payload.padToWord()
    payload.bytes += label
    payload.padToWord()
    for buffer in [runs.curveValues, runs.scalarValues, surrogateAccuracies] {
      buffer.withValues(from: 0, count: buffer.count) { payload.append($0) }
    }
    func mask(_ indices: [Int]) -> UInt32 { indices.reduce(0) { $0 | 1 << UInt32($1) } }
    let bitSets = [coverage.runs, coverage.surrogates]
    let flags: UInt32 = (coverage.runs == nil ? 0 : 1) | (coverage.surrogates == nil ? 0 : 2)
    for word in [mask(coverage.learningRateIndices), mask(coverage.batchSizeIndices), mask(coverage.seedIndices), flags] {
      payload.append(word)
    }
    for case let bits? in bitSets { for word in bits.words { payload.append(word) } }
    let payloadLength = payload.bytes.count - NativeFileHeader.size
    var header = NativeFileHeader(datasetKind: .nasHPOBench2, payloadLength: payloadLength, checksum: 0, source: source)
    header.checksum = header.fileChecksum(
      payloadChecksum: payload.bytes.withUnsafeBytes { Checksum64.checksum(UnsafeRawBufferPointer(rebasing: $0[NativeFileHeader.size...])) })
    payload.bytes.replaceSubrange(0..<NativeFileHeader.size, with: header.encoded)
    return payload.bytes
  }

  /// Opens a native file in place; the values stay in the mapped file.
  ///
  /// - Throws: ``DatasetFileError`` for a wrong magic, version, dataset kind, size or checksum.
  static func openNative(_ file: MappedFile) throws -> (table: NASHPOTable, header: NativeFileHeader, label: String) {
    let header = try NativeFileHeader(reading: file)
    let path = file.path
    guard header.datasetKind == NativeFileHeader.DatasetKind.nasHPOBench2.rawValue else {
      throw DatasetFileError.schema(path: path, reason: "dataset kind \(header.datasetKind) is not NAS-HPO-Bench-II (1)")
    }
    let payload = UnsafeRawBufferPointer(rebasing: file.bytes[NativeFileHeader.size..<NativeFileHeader.size + header.payloadLength])
    // The pass gives the pages back: queries later fault in only the pages they use.
    let computed = header.fileChecksum(
      payloadChecksum: Checksum64.checksum(of: file, range: NativeFileHeader.size..<NativeFileHeader.size + header.payloadLength))
    guard computed == header.checksum else {
      throw DatasetFileError.checksumMismatch(path: path, stored: header.checksum, computed: computed)
    }
    var cursor = NativeCursor(payload: payload, path: path)
    let counts = try (0..<8).map { _ in Int(try cursor.integer(UInt32.self)) }
    let (classCount, recordCount, curveCount, epochCount, totalCount) = (counts[0], counts[1], counts[2], counts[3], counts[4])
    guard classCount > 0, classCount <= CellCode.count, curveCount == Curve.allCases.count,
      epochCount == NASHPOSearchSpace.trainedEpochs, totalCount == Total.allCases.count,
      recordCount == classCount * settingsPerClass * NASHPOSearchSpace.seeds.count,
      counts[5] == classCount * settingsPerClass, counts[6] % 8 == 0, counts[7] % 8 == 0
    else {
      throw DatasetFileError.schema(path: path, reason: "counts \(counts) do not describe NAS-HPO-Bench-II")
    }
    let cellClasses = try (0..<CellCode.count).map { _ in try cursor.integer(UInt16.self) }
    guard cellClasses.allSatisfy({ Int($0) < classCount || $0 == absentClass }), cellClasses.contains(where: { $0 != absentClass })
    else {
      throw DatasetFileError.schema(path: path, reason: "a cell maps to a class outside 0..<\(classCount), or no cell has a class")
    }
    try cursor.alignToWord()
    let hashEnd = cursor.offset + counts[6]
    let hashes = try (0..<classCount).map { _ in try cursor.text(length: Int(try cursor.integer(UInt32.self))) }
    try cursor.skip(to: hashEnd)
    let label = try cursor.text(length: counts[7]).trimmingTrailingZeros
    func column(_ count: Int) throws -> DoubleBuffer {
      let start = try cursor.reserve(bytes: count * 8)
      guard start % 8 == 0 else {
        throw DatasetFileError.schema(path: path, reason: "a value section starts off a word boundary")
      }
      return DoubleBuffer(mapping: file, byteOffset: NativeFileHeader.size + start, count: count)
    }
    let curves = try column(recordCount * curveCount * epochCount)
    let totals = try column(recordCount * totalCount)
    let surrogate = try column(counts[5])
    if header.version == 2, cellClasses.contains(absentClass) {
      throw DatasetFileError.schema(path: path, reason: "a version 2 file has no coverage section, so must list every cell")
    }
    let coverage =
      header.version == 2
      ? NASHPOCoverage.complete
      : try readCoverage(&cursor, cellClasses: cellClasses, recordCount: recordCount, surrogateCount: counts[5])
    guard cursor.offset == payload.count else {
      throw DatasetFileError.schema(path: path, reason: "\(payload.count - cursor.offset) bytes follow the last section")
    }
    let runs = CurveStore(
      recordCount: recordCount, curveNames: Curve.allCases.map(\.columnPrefix), epochCount: epochCount,
      scalarNames: Total.allCases.map(\.columnName), curveValues: curves, scalarValues: totals)
    let table = NASHPOTable(
      classHashes: hashes, cellClasses: cellClasses, runs: runs, surrogateAccuracies: surrogate, coverage: coverage)
    return (table, header, label)
  }

  /// Reads the coverage section, checking every mask and bit set against the table's shape.
  private static func readCoverage(
    _ cursor: inout NativeCursor, cellClasses: [UInt16], recordCount: Int, surrogateCount: Int
  ) throws -> NASHPOCoverage {
    let path = cursor.path
    let masks = try (0..<4).map { _ in try cursor.integer(UInt32.self) }
    func indices(_ mask: UInt32, among count: Int) throws -> [Int] {
      guard mask != 0, mask >> UInt32(count) == 0 else {
        throw DatasetFileError.schema(path: path, reason: "coverage mask \(mask) does not name 1–\(count) values")
      }
      return (0..<count).filter { mask & 1 << UInt32($0) != 0 }
    }
    guard masks[3] <= 3 else { throw DatasetFileError.schema(path: path, reason: "unknown coverage flags \(masks[3])") }
    func bits(_ flag: UInt32, count: Int) throws -> PresenceBits? {
      guard masks[3] & flag != 0 else { return nil }
      let words = try (0..<(count + 63) / 64).map { _ in try cursor.integer(UInt64.self) }
      guard let bits = PresenceBits(count: count, words: words) else {
        throw DatasetFileError.schema(path: path, reason: "a coverage bit set has bits past its \(count) positions")
      }
      return bits
    }
    return NASHPOCoverage(
      cells: cellClasses.indices.filter { cellClasses[$0] != absentClass }.map(CellCode.init(index:)),
      learningRateIndices: try indices(masks[0], among: NASHPOSearchSpace.learningRates.count),
      batchSizeIndices: try indices(masks[1], among: NASHPOSearchSpace.batchSizes.count),
      seedIndices: try indices(masks[2], among: NASHPOSearchSpace.seeds.count),
      runs: try bits(1, count: recordCount), surrogates: try bits(2, count: surrogateCount))
  }
}

/// Reads the native payload front to back, failing with the file's path on any overrun.
private struct NativeCursor {
  let payload: UnsafeRawBufferPointer
  let path: String
  private(set) var offset = 0

  init(payload: UnsafeRawBufferPointer, path: String) {
    self.payload = payload
    self.path = path
  }

  mutating func reserve(bytes count: Int) throws -> Int {
    guard count >= 0, count <= payload.count - offset else {
      throw DatasetFileError.schema(path: path, reason: "a section runs past the end of the payload")
    }
    defer { offset += count }
    return offset
  }

  mutating func integer<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
    let start = try reserve(bytes: MemoryLayout<T>.size)
    return T(littleEndian: payload.loadUnaligned(fromByteOffset: start, as: T.self))
  }

  mutating func text(length: Int) throws -> String {
    let start = try reserve(bytes: length)
    guard let text = String(validating: payload[start..<start + length], as: UTF8.self) else {
      throw DatasetFileError.schema(path: path, reason: "text at payload offset \(start) is not UTF-8")
    }
    return text
  }

  mutating func alignToWord() throws { _ = try reserve(bytes: (8 - offset % 8) % 8) }

  mutating func skip(to target: Int) throws {
    guard target >= offset else { throw DatasetFileError.schema(path: path, reason: "overlapping sections") }
    _ = try reserve(bytes: target - offset)
  }
}

extension String {
  /// The text without the zero bytes that pad it to a word.
  var trimmingTrailingZeros: String {
    var text = self
    while text.last == "\0" { text.removeLast() }
    return text
  }
}
