/// An immutable, contiguous run of `Double`s that many threads may read at once.
///
/// The one place the store touches raw memory: the buffer owns its allocation, is written only
/// through ``DoubleBuffer/Writer`` before it is shared, and reads are bounds-checked in debug
/// builds. Reading through a pointer keeps the query path free of array retains and checks.
final class DoubleBuffer: @unchecked Sendable {
  let base: UnsafeMutablePointer<Double>
  /// The number of values.
  let count: Int

  /// Allocates `count` values, all set to `initialValue`.
  init(count: Int, repeating initialValue: Double) {
    precondition(count >= 0, "a buffer cannot have a negative size")
    self.count = count
    base = .allocate(capacity: max(count, 1))
    base.initialize(repeating: initialValue, count: count)
  }

  /// Copies an array.
  convenience init(_ values: [Double]) {
    self.init(count: values.count, repeating: 0)
    values.withUnsafeBufferPointer { source in
      if let address = source.baseAddress { base.update(from: address, count: count) }
    }
  }

  deinit {
    base.deinitialize(count: count)
    base.deallocate()
  }

  /// The value at a position.
  @inline(__always)
  subscript(position: Int) -> Double {
    assert(position >= 0 && position < count, "buffer position \(position) outside 0..<\(count)")
    return base[position]
  }

  /// Calls `body` with a read-only view of `length` values starting at `start`.
  func withValues<R>(from start: Int, count length: Int, _ body: (UnsafeBufferPointer<Double>) throws -> R)
    rethrows -> R
  {
    precondition(start >= 0 && length >= 0 && start + length <= count, "range outside the buffer")
    return try body(UnsafeBufferPointer(start: base + start, count: length))
  }

  /// A copy of the values as an array.
  var array: [Double] { Array(UnsafeBufferPointer(start: base, count: count)) }
}

extension DoubleBuffer {
  /// Write access to a buffer that has not been shared yet; used by builders only.
  struct Writer {
    let buffer: DoubleBuffer

    /// Sets the value at a position.
    func set(_ position: Int, to value: Double) {
      precondition(position >= 0 && position < buffer.count, "buffer position \(position) outside 0..<\(buffer.count)")
      buffer.base[position] = value
    }
  }
}
