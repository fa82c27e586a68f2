import Foundation

/// The native format's 64-bit checksum: a position-keyed sum of mixed 64-bit words.
///
/// `Σᵢ mix(wᵢ ⊕ (i · K))` with wrapping arithmetic, where `mix` is a multiply–xorshift. Any change
/// to one word changes the sum, and keying by position catches swapped words. Terms are
/// independent, so it runs at memory speed here and vectorises in NumPy for other readers.
enum Checksum64 {
  static let positionKey: UInt64 = 0x9E37_79B9_7F4A_7C15
  static let multiplier: UInt64 = 0xFF51_AFD7_ED55_8CCD

  /// Checksums bytes whose length is a multiple of 8 (little-endian words).
  static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    partialSum(bytes, firstWord: 0)
  }

  /// The checksum's terms for `bytes`, whose first word is word number `firstWord` of the
  /// whole; sums of consecutive parts add up (wrapping) to the checksum of the whole.
  static func partialSum(_ bytes: UnsafeRawBufferPointer, firstWord: Int) -> UInt64 {
    precondition(bytes.count % 8 == 0, "checksummed data must be whole 64-bit words")
    let words = bytes.count / 8
    guard let base = bytes.baseAddress else { return 0 }
    var sums: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    // Word i's key i · K, stepped by addition; wrapping offsets keep the loop free of checks.
    var key = UInt64(truncatingIfNeeded: firstWord) &* positionKey
    var offset = 0
    let end = words &* 8
    // Four independent accumulators keep the multiplier busy.
    while offset &+ 32 <= end {
      sums.0 &+= term(base.loadUnaligned(fromByteOffset: offset, as: UInt64.self), key)
      sums.1 &+= term(base.loadUnaligned(fromByteOffset: offset &+ 8, as: UInt64.self), key &+ positionKey)
      sums.2 &+= term(base.loadUnaligned(fromByteOffset: offset &+ 16, as: UInt64.self), key &+ 2 &* positionKey)
      sums.3 &+= term(base.loadUnaligned(fromByteOffset: offset &+ 24, as: UInt64.self), key &+ 3 &* positionKey)
      key &+= 4 &* positionKey
      offset &+= 32
    }
    while offset < end {
      sums.0 &+= term(base.loadUnaligned(fromByteOffset: offset, as: UInt64.self), key)
      key &+= positionKey
      offset &+= 8
    }
    return sums.0 &+ sums.1 &+ sums.2 &+ sums.3
  }

  @inline(__always)
  private static func term(_ word: UInt64, _ key: UInt64) -> UInt64 {
    let mixed = (UInt64(littleEndian: word) ^ key) &* multiplier
    return mixed ^ (mixed >> 32)
  }
}

extension Checksum64 {
  /// Checksums a byte range of a mapped file, one part per core, reading the pages in place and
  /// giving them back as it goes (so verifying a file leaves none of it resident).
  ///
  /// - Precondition: the range lies in the file and its length is a multiple of 8.
  static func checksum(of file: MappedFile, range: Range<Int>) -> UInt64 {
    precondition(range.count % 8 == 0, "checksummed data must be whole 64-bit words")
    let parts = max(1, min(ProcessInfo.processInfo.activeProcessorCount, range.count / (1 << 22)))
    let wordsPerPart = (range.count / 8 + parts - 1) / parts
    let sums = ChecksumParts(count: parts)
    DispatchQueue.concurrentPerform(iterations: parts) { part in
      let firstWord = part * wordsPerPart
      let start = range.lowerBound + firstWord * 8
      let end = min(range.upperBound, start + wordsPerPart * 8)
      var sum: UInt64 = 0
      var word = firstWord
      file.forEachChunk(in: start..<max(start, end)) { chunk in
        sum &+= partialSum(chunk, firstWord: word)
        word += chunk.count / 8
      }
      sums.set(part, sum)
    }
    return sums.total
  }
}

/// The per-part sums of a parallel checksum; each part writes only its own slot.
private final class ChecksumParts: @unchecked Sendable {
  private let lock = NSLock()
  private var sums: [UInt64]

  init(count: Int) { sums = Array(repeating: 0, count: count) }

  func set(_ part: Int, _ sum: UInt64) {
    lock.withLock { sums[part] = sum }
  }

  var total: UInt64 { lock.withLock { sums.reduce(0, &+) } }
}
