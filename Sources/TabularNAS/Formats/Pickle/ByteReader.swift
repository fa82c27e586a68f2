import Foundation

/// A bounds-checked cursor over raw bytes; every read that would pass the end throws.
///
/// The decoder's only contact with raw memory. The buffer must outlive the reader.
struct ByteReader {
  private let bytes: UnsafeRawBufferPointer
  /// The offset of the next unread byte.
  private(set) var offset = 0

  init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

  /// Whether every byte has been read.
  var isAtEnd: Bool { offset >= bytes.count }

  /// The number of unread bytes.
  var remaining: Int { bytes.count - offset }

  @inline(__always)
  private mutating func advance(by count: Int) throws(PickleError) -> Int {
    guard count >= 0, count <= remaining else {
      throw PickleError.truncated(offset: offset, needed: count < 0 ? Int.max : count - remaining)
    }
    let start = offset
    offset += count
    return start
  }

  /// Moves back to an offset read before, to re-read from there.
  mutating func rewind(to earlier: Int) {
    precondition(earlier >= 0 && earlier <= offset, "can only rewind to an offset already read")
    offset = earlier
  }

  /// Reads one byte.
  @inline(__always)
  mutating func byte() throws(PickleError) -> UInt8 {
    bytes[try advance(by: 1)]
  }

  /// Reads a little-endian unsigned integer of `width` bytes (1…8).
  @inline(__always)
  mutating func unsignedLittleEndian(width: Int) throws(PickleError) -> UInt64 {
    let start = try advance(by: width)
    switch width {
    case 4: return UInt64(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: start, as: UInt32.self)))
    case 8: return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: start, as: UInt64.self))
    default: break
    }
    var value: UInt64 = 0
    for index in stride(from: width - 1, through: 0, by: -1) {
      value = value << 8 | UInt64(bytes[start + index])
    }
    return value
  }

  /// Reads a big-endian IEEE 754 double (the pickle `BINFLOAT` layout).
  @inline(__always)
  mutating func bigEndianDouble() throws(PickleError) -> Double {
    let start = try advance(by: 8)
    return Double(bitPattern: UInt64(bigEndian: bytes.loadUnaligned(fromByteOffset: start, as: UInt64.self)))
  }

  /// Reads past `expected` when the next bytes equal it (one `memcmp`); otherwise reads nothing.
  @inline(__always)
  mutating func skip(ifNextBytesEqual expected: [UInt8]) -> Bool {
    guard !expected.isEmpty, expected.count <= remaining, let base = bytes.baseAddress else { return false }
    let equal = expected.withUnsafeBytes { memcmp($0.baseAddress!, base + offset, expected.count) == 0 }
    if equal { offset += expected.count }
    return equal
  }

  /// The bytes not read yet, for a tight loop over items; ``skip(_:)`` then passes what it read.
  var unreadBytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: bytes[offset...]) }

  /// Passes `count` unread bytes.
  mutating func skip(_ count: Int) {
    precondition(count >= 0 && count <= remaining, "can only skip unread bytes")
    offset += count
  }

  /// The bytes read since an earlier offset.
  func bytesRead(since start: Int) -> UnsafeRawBufferPointer {
    precondition(start >= 0 && start <= offset, "can only view bytes already read")
    return UnsafeRawBufferPointer(rebasing: bytes[start..<offset])
  }

  /// Reads `count` bytes as a view into the buffer.
  @inline(__always)
  mutating func view(count: Int) throws(PickleError) -> UnsafeRawBufferPointer {
    let start = try advance(by: count)
    return UnsafeRawBufferPointer(rebasing: bytes[start..<start + count])
  }
}

extension UnsafeRawBufferPointer {
  /// Whether two buffers hold the same bytes (one `memcmp`).
  @inline(__always)
  func hasSameBytes(as other: UnsafeRawBufferPointer) -> Bool {
    guard count == other.count else { return false }
    guard count > 0, let base = baseAddress, let otherBase = other.baseAddress else { return true }
    return memcmp(base, otherBase, count) == 0
  }

  /// Whether the buffer holds `pattern` somewhere: `memchr` for its first byte, then `memcmp`
  /// (a generic search of a file's first 64 KiB took milliseconds).
  func contains(bytes pattern: [UInt8]) -> Bool {
    guard let first = pattern.first else { return true }
    guard let base = baseAddress, pattern.count <= count else { return false }
    let last = count - pattern.count  // the last offset the pattern may start at
    var offset = 0
    while offset <= last {
      guard let hit: UnsafeMutableRawPointer = memchr(base + offset, Int32(first), last + 1 - offset) else { return false }
      let found = UnsafeRawPointer(hit) - base
      if memcmp(hit, pattern, pattern.count) == 0 { return true }
      offset = found + 1
    }
    return false
  }
}
