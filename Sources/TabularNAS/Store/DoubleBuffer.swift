/// An immutable, contiguous run of `Double`s that many threads may read at once.
///
/// The one place the store touches raw memory: the buffer owns its allocation, is written only
/// through ``DoubleBuffer/Writer`` before it is shared, and reads are bounds-checked in debug
/// builds. Reading through a pointer keeps the query path free of array retains and checks.
final class DoubleBuffer: @unchecked Sendable {
  let base: UnsafeMutablePointer<Double>
  /// The number of values.
  let count: Int
  /// The mapped file the values live in, or `nil` when the buffer owns its memory.
  private let mapping: MappedFile?

  /// Allocates `count` values, all set to `initialValue`.
  init(count: Int, repeating initialValue: Double) {
    precondition(count >= 0, "a buffer cannot have a negative size")
    self.count = count
    base = .allocate(capacity: max(count, 1))
    base.initialize(repeating: initialValue, count: count)
    mapping = nil
  }

  /// Views `count` little-endian doubles of a mapped file in place, starting at a byte offset.
  ///
  /// - Precondition: the range lies inside the file and the offset is 8-byte aligned.
  init(mapping: MappedFile, byteOffset: Int, count: Int) {
    precondition(byteOffset % MemoryLayout<Double>.alignment == 0, "misaligned double column")
    precondition(count >= 0 && byteOffset >= 0 && byteOffset + count * 8 <= mapping.bytes.count)
    guard let start = mapping.bytes.baseAddress else { preconditionFailure("an empty map holds no values") }
    // The map is read-only; nothing ever writes through this pointer (no Writer is made for it).
    base = UnsafeMutableRawPointer(mutating: start + byteOffset)
      .assumingMemoryBound(to: Double.self)
    self.count = count
    self.mapping = mapping
  }

  /// Allocates `count` values without setting them. Only for writers that provably set every
  /// value before the buffer is read (a `Double` has no invalid bit patterns, so nothing else
  /// can go wrong, but unset values would be arbitrary).
  init(uninitializedCount count: Int) {
    precondition(count >= 0, "a buffer cannot have a negative size")
    self.count = count
    base = .allocate(capacity: max(count, 1))
    mapping = nil
  }

  /// Copies an array.
  convenience init(_ values: [Double]) {
    self.init(count: values.count, repeating: 0)
    values.withUnsafeBufferPointer { source in
      if let address = source.baseAddress { base.update(from: address, count: count) }
    }
  }

  deinit {
    guard mapping == nil else { return }
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
