/// An immutable set of positions `0..<count`, one bit each: which records of a partial table
/// hold values.
public struct PresenceBits: Sendable, Equatable {
  /// The bits, position `i` at bit `i % 64` of word `i / 64`.
  let words: [UInt64]
  /// The number of positions.
  public let count: Int

  /// The set of the positions a closure accepts.
  init(count: Int, where isPresent: (Int) -> Bool) {
    var words = [UInt64](repeating: 0, count: (count + 63) / 64)
    for position in 0..<count where isPresent(position) { words[position >> 6] |= 1 << UInt64(position & 63) }
    self.words = words
    self.count = count
  }

  /// Bits read back from a file; `nil` when the words do not fit `count`.
  init?(count: Int, words: [UInt64]) {
    guard count >= 0, words.count == (count + 63) / 64 else { return nil }
    if count % 64 != 0, let last = words.last, last >> UInt64(count % 64) != 0 { return nil }
    self.words = words
    self.count = count
  }

  /// Whether a position is in the set (`false` outside `0..<count`).
  @inline(__always)
  public func contains(_ position: Int) -> Bool {
    position >= 0 && position < count && words[position >> 6] & (1 << UInt64(position & 63)) != 0
  }

  /// The number of positions in the set.
  public var presentCount: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

  /// Whether every position is in the set.
  public var isFull: Bool { presentCount == count }
}
