/// The 64-byte header of a TabularNAS native file (all integers little-endian).
///
/// | offset | size | field |
/// |---|---|---|
/// | 0 | 8 | magic `89 54 4E 41 53 0D 0A 1A` ("\x89TNAS\r\n\x1a") |
/// | 8 | 4 | format version (3; 2 is read too, as a table holding everything; 1 did not checksum its header and is refused by name) |
/// | 12 | 4 | dataset kind (1 = NAS-HPO-Bench-II) |
/// | 16 | 8 | payload offset (64) |
/// | 24 | 8 | payload length in bytes (a multiple of 8) |
/// | 32 | 8 | checksum: ``Checksum64`` of the payload, mixed with that of every other header byte |
/// | 40 | 4 | flags (bit 0: synthetic data) |
/// | 44 | 4 | reserved (0) |
/// | 48 | 8 | synthetic table seed (0 unless synthetic) |
/// | 56 | 8 | reserved (0) |
struct NativeFileHeader: Equatable {
  static let magic: [UInt8] = [0x89, 0x54, 0x4E, 0x41, 0x53, 0x0D, 0x0A, 0x1A]
  static let size = 64
  static let currentVersion = 3
  /// The versions this build reads: 2 lacks the coverage section, so holds the whole benchmark.
  static let readableVersions = 2...3

  /// The kinds of dataset a native file can hold.
  enum DatasetKind: UInt32 {
    case nasHPOBench2 = 1
  }

  var version: Int
  var datasetKind: UInt32
  var payloadLength: Int
  var checksum: UInt64
  var isSynthetic: Bool
  var syntheticSeed: UInt64

  /// The header as written, with its checksum field holding `checksum`.
  var encoded: [UInt8] { encoded(checksum: checksum) }

  /// The checksum a file stores: the payload's, mixed with that of the header's other bytes,
  /// so that no meaningful byte (the synthetic flag, the seed, the lengths) can change unseen.
  func fileChecksum(payloadChecksum: UInt64) -> UInt64 {
    let headerChecksum = encoded(checksum: 0).withUnsafeBytes(Checksum64.checksum)
    return SplitMix64.mix(payloadChecksum ^ SplitMix64.mix(headerChecksum))
  }

  private func encoded(checksum: UInt64) -> [UInt8] {
    var writer = LittleEndianWriter()
    writer.bytes += Self.magic
    writer.append(UInt32(version))
    writer.append(datasetKind)
    writer.append(UInt64(Self.size))
    writer.append(UInt64(payloadLength))
    writer.append(checksum)
    writer.append(UInt32(isSynthetic ? 1 : 0))
    writer.append(UInt32(0))
    writer.append(syntheticSeed)
    writer.append(UInt64(0))
    return writer.bytes
  }

  /// Reads and validates a header: magic, version, and that the file holds exactly the
  /// payload (no byte missing or extra). The checksum is verified by the reader, which reads the
  /// payload anyway.
  init(reading file: MappedFile) throws {
    let bytes = file.bytes
    guard bytes.count >= Self.size, Array(bytes[0..<8]) == Self.magic else {
      throw DatasetFileError.notNativeFormat(path: file.path)
    }
    func integer<T: FixedWidthInteger>(at offset: Int, as type: T.Type) -> T {
      T(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: T.self))
    }
    version = Int(integer(at: 8, as: UInt32.self))
    if version == 1 {
      throw DatasetFileError.schema(
        path: file.path, reason: "native format version 1 did not checksum its header; convert the source again with 'tabnas convert'")
    }
    guard Self.readableVersions.contains(version) else {
      throw DatasetFileError.unsupportedVersion(path: file.path, found: version, supported: Self.readableVersions)
    }
    datasetKind = integer(at: 12, as: UInt32.self)
    let payloadOffset = integer(at: 16, as: UInt64.self)
    let length = integer(at: 24, as: UInt64.self)
    guard payloadOffset == UInt64(Self.size), length % 8 == 0, length <= UInt64(Int.max - Self.size) else {
      throw DatasetFileError.schema(path: file.path, reason: "inconsistent header (payload offset \(payloadOffset), length \(length))")
    }
    payloadLength = Int(length)
    guard bytes.count >= Self.size + payloadLength else {
      throw DatasetFileError.truncated(path: file.path, expectedBytes: Self.size + payloadLength, actualBytes: bytes.count)
    }
    guard bytes.count == Self.size + payloadLength else {
      throw DatasetFileError.schema(
        path: file.path, reason: "\(bytes.count - Self.size - payloadLength) bytes follow the payload; a native file ends with it")
    }
    checksum = integer(at: 32, as: UInt64.self)
    let flags = integer(at: 40, as: UInt32.self)
    guard flags <= 1, integer(at: 44, as: UInt32.self) == 0, integer(at: 56, as: UInt64.self) == 0 else {
      throw DatasetFileError.schema(path: file.path, reason: "unknown header flags or non-zero reserved bytes")
    }
    isSynthetic = flags == 1
    syntheticSeed = integer(at: 48, as: UInt64.self)
  }

  init(datasetKind: DatasetKind, payloadLength: Int, checksum: UInt64, source: DatasetSource) {
    version = Self.currentVersion
    self.datasetKind = datasetKind.rawValue
    self.payloadLength = payloadLength
    self.checksum = checksum
    if case .synthetic(let seed) = source {
      isSynthetic = true
      syntheticSeed = seed
    } else {
      isSynthetic = false
      syntheticSeed = 0
    }
  }
}

/// Appends little-endian integers, doubles and padded text to a byte array.
struct LittleEndianWriter {
  var bytes: [UInt8] = []

  mutating func append<T: FixedWidthInteger>(_ value: T) {
    withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
  }

  mutating func append(_ values: UnsafeBufferPointer<Double>) {
    if UInt64(1).littleEndian == 1 {
      bytes.append(contentsOf: UnsafeRawBufferPointer(values))
      return
    }
    values.withMemoryRebound(to: UInt64.self) { words in
      for word in words { append(word) }
    }
  }

  /// Appends zero bytes until the length is a multiple of 8.
  mutating func padToWord() {
    bytes += [UInt8](repeating: 0, count: (8 - bytes.count % 8) % 8)
  }
}
