/// Which positions of a column a loader has filled: one bit per position, so that a loader can
/// report exactly what is missing after streaming millions of values in any order, in an eighth
/// of the memory a flag per position would take.
///
/// A small hot-path helper: marking is a bounds-checked word update (no copy-on-write check);
/// one thread marks a mask at a time.
final class PresenceMask {
  private let words: UnsafeMutablePointer<UInt64>
  private let wordCount: Int
  /// The number of positions.
  let count: Int

  /// Creates a mask with every position missing.
  init(count: Int) {
    precondition(count >= 0)
    self.count = count
    wordCount = max((count + 63) / 64, 1)
    words = .allocate(capacity: wordCount)
    words.initialize(repeating: 0, count: wordCount)
  }

  deinit {
    words.deallocate()
  }

  /// Marks a position as filled.
  @inline(__always)
  func mark(_ position: Int) {
    precondition(position >= 0 && position < count, "position \(position) outside 0..<\(count)")
    words[position &>> 6] |= 1 &<< UInt64(position & 63)
  }

  /// Marks `offset + position` filled for each position.
  func mark(_ positions: UnsafeBufferPointer<Int32>, offset: Int) {
    let (words, count) = (self.words, self.count)  // held, not reloaded after each store
    // Consecutive positions mostly share a word: its bits gather in a register, stored once.
    var (word, bits) = (-1, UInt64(0))
    for position in positions {
      let position = offset &+ Int(position)
      precondition(position >= 0 && position < count, "position \(position) outside 0..<\(count)")
      if position &>> 6 != word {
        if word >= 0 { words[word] |= bits }
        (word, bits) = (position &>> 6, 0)
      }
      bits |= 1 &<< UInt64(position & 63)
    }
    if word >= 0 { words[word] |= bits }
  }

  /// Whether a position is filled.
  @inline(__always)
  func isMarked(_ position: Int) -> Bool {
    precondition(position >= 0 && position < count, "position \(position) outside 0..<\(count)")
    return words[position &>> 6] & (1 &<< UInt64(position & 63)) != 0
  }

  /// The first missing position in a range and how many are missing there, or `nil` if none.
  func missing(in range: Range<Int>) -> (first: Int, count: Int)? {
    precondition(range.lowerBound >= 0 && range.upperBound <= count)
    var first: Int?, missing = 0
    var position = range.lowerBound
    while position < range.upperBound {
      // Whole words at once where the range covers them.
      if position & 63 == 0, position + 64 <= range.upperBound {
        let word = words[position >> 6]
        if word != .max {
          if first == nil { first = position + (~word).trailingZeroBitCount }
          missing += 64 - word.nonzeroBitCount
        }
        position += 64
      } else {
        if !isMarked(position) {
          if first == nil { first = position }
          missing += 1
        }
        position += 1
      }
    }
    return first.map { ($0, missing) }
  }
}
