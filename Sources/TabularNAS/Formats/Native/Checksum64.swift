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
    var index = 0
    // Four independent accumulators keep the multiplier busy.
    while index + 4 <= words {
      sums.0 &+= term(base.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self), firstWord + index)
      sums.1 &+= term(base.loadUnaligned(fromByteOffset: index * 8 + 8, as: UInt64.self), firstWord + index + 1)
      sums.2 &+= term(base.loadUnaligned(fromByteOffset: index * 8 + 16, as: UInt64.self), firstWord + index + 2)
      sums.3 &+= term(base.loadUnaligned(fromByteOffset: index * 8 + 24, as: UInt64.self), firstWord + index + 3)
      index += 4
    }
    while index < words {
      sums.0 &+= term(base.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self), firstWord + index)
      index += 1
    }
    return sums.0 &+ sums.1 &+ sums.2 &+ sums.3
  }

  @inline(__always)
  private static func term(_ word: UInt64, _ index: Int) -> UInt64 {
    let mixed = (UInt64(littleEndian: word) ^ (UInt64(index) &* positionKey)) &* multiplier
    return mixed ^ (mixed >> 32)
  }
}

extension Checksum64 {
  /// Checksums a byte range of a file through reads (not its map), one part per core.
  ///
  /// - Precondition: the range starts and ends on word boundaries relative to its start.
  static func checksum(of file: MappedFile, range: Range<Int>) throws -> UInt64 {
    precondition(range.count % 8 == 0, "checksummed data must be whole 64-bit words")
    let parts = max(1, min(ProcessInfo.processInfo.activeProcessorCount, range.count / (1 << 22)))
    let wordsPerPart = (range.count / 8 + parts - 1) / parts
    let results = ChecksumParts(count: parts)
    DispatchQueue.concurrentPerform(iterations: parts) { part in
      let firstWord = part * wordsPerPart
      let start = range.lowerBound + firstWord * 8
      let end = min(range.upperBound, start + wordsPerPart * 8)
      guard start < end else { return results.set(part, .success(0)) }
      var sum: UInt64 = 0
      var word = firstWord
      results.set(part, Result {
        try file.forEachChunk(in: start..<end) { chunk in
          sum &+= partialSum(chunk, firstWord: word)
          word += chunk.count / 8
        }
        return sum
      })
    }
    return try results.total()
  }
}

/// The per-part results of a parallel checksum; each part writes only its own slot.
private final class ChecksumParts: @unchecked Sendable {
  private let lock = NSLock()
  private var results: [Result<UInt64, any Error>]

  init(count: Int) { results = Array(repeating: .success(0), count: count) }

  func set(_ part: Int, _ result: Result<UInt64, any Error>) {
    lock.withLock { results[part] = result }
  }

  func total() throws -> UInt64 {
    try lock.withLock { try results.reduce(0) { $0 &+ (try $1.get()) } }
  }
}
