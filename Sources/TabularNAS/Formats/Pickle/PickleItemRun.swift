/// The byte layout that most items of a streamed column repeat once their keys are memoised: a
/// key read back from the memo (`BINGET i` or `LONG_BINGET iiii`, always the same opcode), then
/// a float in one fixed form.
struct PickleItemRunLayout: Equatable {
  /// How the value is written.
  enum Value: Equatable {
    /// `BINFLOAT` and 8 big-endian bytes (Python floats).
    case binFloat
    /// A little-endian NumPy `float64` or `float32` scalar of protocols 3–5, with an implicit
    /// memo: `prefix` (`BINGET scalar, BINGET dtype, SHORT_BINBYTES size`, either read back by
    /// `BINGET` or `LONG_BINGET`), the value's bytes, then `MEMOIZE TUPLE2 MEMOIZE REDUCE MEMOIZE`.
    case numPyScalar(prefix: FixedBytes, size: Int)
    /// A little-endian NumPy `float64` or `float32` scalar of protocol 2, whose bytes go through
    /// `_codecs.encode` as latin-1 text, with explicit memo slots: `prefix` (`BINGET scalar,
    /// BINGET dtype, BINGET _codecs.encode`), `BINUNICODE` text, `BINPUT`, `encoding` (`BINGET
    /// 'latin1'`), `TUPLE2 BINPUT REDUCE BINPUT TUPLE2 BINPUT REDUCE BINPUT`, each `BINPUT` (or
    /// `LONG_BINPUT`) a slot from `firstNewSlot` on, which a speculative memo leaves out as if
    /// never written.
    case latin1Scalar(prefix: FixedBytes, encoding: FixedBytes, size: Int, firstNewSlot: Int)
  }

  /// Bytes every item of a run repeats (1 to 12), as words to compare at once.
  struct FixedBytes: Equatable {
    let low: UInt64, high: UInt32, count: Int

    /// The bytes `bytes` (1…12 of them).
    init(_ bytes: some Collection<UInt8>) {
      precondition((1...12).contains(bytes.count))
      var words = (low: UInt64(0), high: UInt32(0))
      for (offset, byte) in bytes.enumerated() {
        if offset < 8 { words.low |= UInt64(byte) << (8 * offset) } else { words.high |= UInt32(byte) << (8 * (offset - 8)) }
      }
      (low, high, count) = (words.low, words.high, bytes.count)
    }

    /// Whether the bytes at `start` begin with these (12 bytes from `start` must be readable).
    @inline(__always)
    func isPrefix(of start: UnsafeRawPointer) -> Bool {
      let lowMask: UInt64 = count >= 8 ? ~0 : (1 << (8 * count)) - 1
      let highMask: UInt32 = count <= 8 ? 0 : count == 12 ? ~0 : (1 << (8 * (count - 8))) - 1
      return UInt64(littleEndian: start.loadUnaligned(as: UInt64.self)) & lowMask == low
        && UInt32(littleEndian: start.loadUnaligned(fromByteOffset: 8, as: UInt32.self)) & highMask == high
    }
  }

  /// `BINGET` (1-byte memo index) or `LONG_BINGET` (4-byte).
  let keyOpcode: UInt8
  let value: Value

  /// The bytes of the key: its opcode and memo index.
  var keyLength: Int { keyOpcode == PickleOpcode.binGet.rawValue ? 2 : 5 }
  /// The bytes of one item (`nil`: they vary, with the text of a latin-1 scalar).
  var itemLength: Int? {
    switch value {
    case .binFloat: keyLength + 9
    case .numPyScalar(let prefix, let size): keyLength + prefix.count + size + 5
    case .latin1Scalar: nil
    }
  }
  /// The `MEMOIZE`s in one item.
  var memoizesPerItem: Int {
    if case .numPyScalar = value { 3 } else { 0 }
  }
}

/// Matches a run of items of one ``PickleItemRunLayout`` in a tight loop over the raw bytes.
///
/// Every item's key must be a memo index holding a tuple; the run stops at the first byte that
/// differs from the layout, and leaves out a last item not followed by an item boundary
/// (`BINGET`, `LONG_BINGET`, `SETITEMS` or `FRAME`), so the general path sees anything unusual.
enum PickleItemRun {
  /// `MEMOIZE TUPLE2 MEMOIZE REDUCE` as a little-endian word; a last `MEMOIZE` follows.
  private static let scalarSuffix: UInt32 = 0x52_94_86_94

  /// Reads up to `keys.count` items from the start of `bytes` into `keys` (arena ids) and
  /// `values`; returns how many, and the bytes they take.
  static func read(
    _ bytes: UnsafeRawBufferPointer, layout: PickleItemRunLayout, memo: UnsafeBufferPointer<Int32>,
    isTuple: UnsafeBufferPointer<Bool>, keys: UnsafeMutableBufferPointer<Int32>, values: UnsafeMutableBufferPointer<Double>
  ) -> (count: Int, length: Int) {
    guard let base = bytes.baseAddress else { return (0, 0) }
    guard let itemLength = layout.itemLength else {
      return readLatin1Scalars(bytes, layout: layout, memo: memo, isTuple: isTuple, keys: keys, values: values)
    }
    let keyLength = layout.keyLength
    let capacity = min(keys.count, values.count)
    var count = 0, offset = 0
    // An item is read only when the byte after it exists, to check it.
    while count < capacity, offset + itemLength < bytes.count {
      let item = base + offset
      guard item.load(as: UInt8.self) == layout.keyOpcode else { break }
      let index =
        keyLength == 2 ? Int(item.load(fromByteOffset: 1, as: UInt8.self))
        : Int(UInt32(littleEndian: item.loadUnaligned(fromByteOffset: 1, as: UInt32.self)))
      guard index < memo.count else { break }
      let id = memo[index]
      guard id >= 0, isTuple[Int(id)] else { break }
      guard let value = readValue(item + keyLength, layout.value) else { break }
      keys[count] = id
      values[count] = value
      count += 1
      offset += itemLength
    }
    if count > 0, !base.load(fromByteOffset: offset, as: UInt8.self).isItemBoundary {
      count -= 1
      offset -= itemLength
    }
    return (count, offset)
  }

  @inline(__always)
  private static func readValue(_ value: UnsafeRawPointer, _ layout: PickleItemRunLayout.Value) -> Double? {
    switch layout {
    case .binFloat:
      guard value.load(as: UInt8.self) == PickleOpcode.binFloat.rawValue else { return nil }
      return Double(bitPattern: UInt64(bigEndian: value.loadUnaligned(fromByteOffset: 1, as: UInt64.self)))
    case .numPyScalar(let prefix, let size):
      // An item is at least 6 + 4 + 5 bytes from here: the prefix's 12 are readable.
      guard prefix.isPrefix(of: value),
        UInt32(littleEndian: value.loadUnaligned(fromByteOffset: prefix.count + size, as: UInt32.self)) == scalarSuffix,
        value.load(fromByteOffset: prefix.count + size + 4, as: UInt8.self) == PickleOpcode.memoize.rawValue
      else { return nil }
      let payload = value + prefix.count
      if size == 8 { return Double(bitPattern: UInt64(littleEndian: payload.loadUnaligned(as: UInt64.self))) }
      return Double(Float(bitPattern: UInt32(littleEndian: payload.loadUnaligned(as: UInt32.self))))
    case .latin1Scalar: return nil
    }
  }

  /// ``read(_:layout:memo:isTuple:keys:values:)`` for latin-1 scalars, whose items vary in length:
  /// each is read through a bounds-checked reader.
  private static func readLatin1Scalars(
    _ bytes: UnsafeRawBufferPointer, layout: PickleItemRunLayout, memo: UnsafeBufferPointer<Int32>,
    isTuple: UnsafeBufferPointer<Bool>, keys: UnsafeMutableBufferPointer<Int32>, values: UnsafeMutableBufferPointer<Double>
  ) -> (count: Int, length: Int) {
    guard case .latin1Scalar(let prefix, let encoding, let size, let firstNewSlot) = layout.value, let base = bytes.baseAddress
    else { return (0, 0) }
    var reader = ByteReader(bytes)
    let (tuple2, reduce) = (PickleOpcode.tuple2.rawValue, PickleOpcode.reduce.rawValue)
    var count = 0, ends = (previous: 0, last: 0)
    while count < min(keys.count, values.count), reader.remaining > 0 {
      guard (try? reader.byte()) == layout.keyOpcode,
        let index = try? reader.unsignedLittleEndian(width: layout.keyLength - 1), index < memo.count
      else { break }
      let id = memo[Int(index)]
      guard id >= 0, isTuple[Int(id)], skip(prefix, &reader), let bits = latin1Bits(&reader, count: size),
        newSlot(&reader, from: firstNewSlot), skip(encoding, &reader), (try? reader.byte()) == tuple2,
        newSlot(&reader, from: firstNewSlot, then: reduce), newSlot(&reader, from: firstNewSlot, then: tuple2),
        newSlot(&reader, from: firstNewSlot, then: reduce), newSlot(&reader, from: firstNewSlot)
      else { break }
      keys[count] = id
      values[count] = size == 8 ? Double(bitPattern: bits) : Double(Float(bitPattern: UInt32(truncatingIfNeeded: bits)))
      count += 1
      ends = (ends.last, reader.offset)
    }
    // The last item must be followed by an item boundary.
    if count > 0, ends.last == bytes.count || !base.load(fromByteOffset: ends.last, as: UInt8.self).isItemBoundary {
      return (count - 1, ends.previous)
    }
    return (count, ends.last)
  }

  /// Reads past `fixed` when the next bytes are it.
  @inline(__always)
  private static func skip(_ fixed: PickleItemRunLayout.FixedBytes, _ reader: inout ByteReader) -> Bool {
    let bytes = reader.unreadBytes
    guard bytes.count >= 12, let base = bytes.baseAddress, fixed.isPrefix(of: base) else { return false }
    reader.skip(fixed.count)
    return true
  }

  /// Reads a `BINPUT` or `LONG_BINPUT` of a slot from `first` on, then `next` when given.
  @inline(__always)
  private static func newSlot(_ reader: inout ByteReader, from first: Int, then next: UInt8? = nil) -> Bool {
    let slot: UInt64?
    switch try? reader.byte() {
    case PickleOpcode.binPut.rawValue: slot = try? reader.unsignedLittleEndian(width: 1)
    case PickleOpcode.longBinPut.rawValue: slot = try? reader.unsignedLittleEndian(width: 4)
    default: return false
    }
    guard let slot, slot >= first else { return false }
    return next.map { (try? reader.byte()) == $0 } ?? true
  }

  /// The little-endian bits of a `BINUNICODE` text of `count` latin-1 characters (each one or two
  /// UTF-8 bytes), as `_codecs.encode(text, 'latin1')` gives them back.
  @inline(__always)
  private static func latin1Bits(_ reader: inout ByteReader, count: Int) -> UInt64? {
    guard (try? reader.byte()) == PickleOpcode.binUnicode.rawValue, let length = try? reader.unsignedLittleEndian(width: 4),
      length <= 2 * count, let text = try? reader.view(count: Int(length)), let base = text.baseAddress
    else { return nil }
    // Without a branch per character (random bytes are half of them two bytes long): each step
    // decodes one or two bytes, and notes any that are not latin-1 in `invalid`.
    var bits: UInt64 = 0, characters = 0, index = 0, invalid: UInt8 = 0
    while index < text.count, characters < count {
      let lead = base.load(fromByteOffset: index, as: UInt8.self)
      let wide = Int(lead >> 7)
      guard index + wide < text.count else { return nil }
      let next = base.load(fromByteOffset: index + wide, as: UInt8.self)
      let decoded = wide == 1 ? UInt64(lead & 0x1F) << 6 | UInt64(next & 0x3F) : UInt64(lead)
      invalid |= UInt8(wide) & ((lead & 0xFE) ^ 0xC2 | (next & 0xC0) ^ 0x80)
      bits |= decoded << (8 * UInt64(characters))
      index += 1 + wide
      characters += 1
    }
    guard invalid == 0 else { return nil }
    return characters == count && index == text.count ? bits : nil
  }
}

extension PickleColumnConsumer {
  /// Items whose keys are memoised tuples read back (`keys` holds their arena ids) and whose
  /// values are floats, in file order; by default, each is passed to
  /// ``consume(column:key:value:arena:)``.
  mutating func consume(
    column: Int, keys: UnsafeBufferPointer<Int32>, values: UnsafeBufferPointer<Double>, arena: UnsafeBufferPointer<PickleObject>
  ) throws {
    for (key, value) in zip(keys, values) {
      try consume(column: column, key: .ref(Int(key)), value: .float(value), arena: arena)
    }
  }
}
