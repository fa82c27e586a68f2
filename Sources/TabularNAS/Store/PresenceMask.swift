/// Which positions of a column a loader has filled: one byte per position, so that a loader
/// can report exactly what is missing after streaming millions of values in any order.
///
/// A small hot-path helper: marking is a bounds-checked pointer store (no copy-on-write check).
final class PresenceMask {
  private let flags: UnsafeMutablePointer<Bool>
  /// The number of positions.
  let count: Int

  /// Creates a mask with every position missing.
  init(count: Int) {
    precondition(count >= 0)
    self.count = count
    flags = .allocate(capacity: max(count, 1))
    flags.initialize(repeating: false, count: count)
  }

  deinit {
    flags.deinitialize(count: count)
    flags.deallocate()
  }

  /// Marks a position as filled.
  @inline(__always)
  func mark(_ position: Int) {
    precondition(position >= 0 && position < count, "position \(position) outside 0..<\(count)")
    flags[position] = true
  }

  /// Whether a position is filled.
  @inline(__always)
  func isMarked(_ position: Int) -> Bool {
    precondition(position >= 0 && position < count, "position \(position) outside 0..<\(count)")
    return flags[position]
  }

  /// The first missing position in a range and how many are missing there, or `nil` if none.
  func missing(in range: Range<Int>) -> (first: Int, count: Int)? {
    precondition(range.lowerBound >= 0 && range.upperBound <= count)
    let buffer = UnsafeBufferPointer(start: flags + range.lowerBound, count: range.count)
    guard let first = buffer.firstIndex(of: false) else { return nil }
    return (range.lowerBound + first, buffer.count { !$0 })
  }
}
