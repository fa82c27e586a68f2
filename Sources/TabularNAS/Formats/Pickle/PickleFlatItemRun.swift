/// The numbers of one key written out in full (``PickleFlatKey``), as raw bits: a float's bit
/// pattern, or an integer's two's complement; which is which, the run's
/// ``PickleFlatItemRun/Shape`` says.
typealias PickleFlatNumbers = (UInt64, UInt64, UInt64)

/// Matches a run of items whose keys are written out in full and share one text — as unmemoised
/// pickles write every key, `[MARK] text n n [n] TUPLE|TUPLE3` — and whose values are `BINFLOAT`s,
/// in a tight loop over the raw bytes.
///
/// The run takes its shape from its first item (marked or not, the text's opcode and bytes, which
/// numbers are floats) and stops at the first item that differs in any of them, or that is not
/// followed by an item boundary, so that the general path sees anything unusual (a `FRAME`
/// inside an item, a memo opcode, another text, another kind of value).
enum PickleFlatItemRun {
  /// What every item of a run shares.
  struct Shape: Equatable {
    /// Whether the key is `MARK … TUPLE` with three numbers (else `… TUPLE3`, with two).
    let isMarked: Bool
    /// Whether each number is a float (the third `false` when there are two).
    let isFloat: (Bool, Bool, Bool)

    static func == (left: Shape, right: Shape) -> Bool {
      left.isMarked == right.isMarked && left.isFloat == right.isFloat
    }

    /// The numbers of one item as the general path would read them.
    func objects(_ numbers: PickleFlatNumbers) -> (PickleObject, PickleObject, PickleObject?) {
      func object(_ bits: UInt64, _ isFloat: Bool) -> PickleObject {
        isFloat ? .float(Double(bitPattern: bits)) : .int(Int(Int64(bitPattern: bits)))
      }
      return (object(numbers.0, isFloat.0), object(numbers.1, isFloat.1), isMarked ? object(numbers.2, isFloat.2) : nil)
    }
  }

  /// A run read: how many items, the bytes they take, their shared text (in the file, ASCII)
  /// and shape.
  struct Run {
    let count: Int, length: Int
    let text: UnsafeRawBufferPointer
    let shape: Shape

    /// The key of an item of the run, from its numbers.
    func key(_ numbers: PickleFlatNumbers) -> PickleFlatKey {
      PickleFlatKey(text: text, numbers: shape.objects(numbers))
    }
  }

  /// What the first item of a run fixes: its text (in the file, ASCII), shape, text opcode, and
  /// where the text starts in an item.
  struct Layout {
    let text: UnsafeRawBufferPointer
    let shape: Shape
    let textOpcode: UInt8, header: Int
  }

  /// The layout of a run starting at the first byte of `bytes`: `nil` unless its first item is
  /// one (checked cheaply before any run is read, as most items of other files are not).
  static func layout(_ bytes: UnsafeRawBufferPointer) -> Layout? {
    guard let base = bytes.baseAddress, bytes.count > 6 else { return nil }
    let isMarked = bytes[0] == PickleOpcode.mark.rawValue
    let opcode = bytes[isMarked ? 1 : 0]
    let header: Int
    switch opcode {
    case PickleOpcode.shortBinUnicode.rawValue: header = isMarked ? 3 : 2
    case PickleOpcode.binUnicode.rawValue: header = isMarked ? 6 : 5
    default: return nil
    }
    let length = textLength(base, header: header, opcode: opcode)
    var position = header + length
    guard position + 3 * 9 + 1 + 9 + 1 <= bytes.count, let n0 = number(base, &position), let n1 = number(base, &position) else {
      return nil
    }
    var third = false
    if isMarked {
      guard let n2 = number(base, &position) else { return nil }
      third = n2.isFloat
    }
    guard base.load(fromByteOffset: position, as: UInt8.self) == (isMarked ? PickleOpcode.tuple : PickleOpcode.tuple3).rawValue,
      base.load(fromByteOffset: position + 1, as: UInt8.self) == PickleOpcode.binFloat.rawValue
    else { return nil }
    let text = UnsafeRawBufferPointer(start: base + header, count: length)
    guard !text.contains(where: { $0 >= 0x80 }) else { return nil }
    return Layout(text: text, shape: Shape(isMarked: isMarked, isFloat: (n0.isFloat, n1.isFloat, third)), textOpcode: opcode, header: header)
  }

  /// Reads up to `numbers.count` items of `layout` from the start of `bytes` (of which
  /// ``layout(_:)`` gave `layout`); `nil` when not even one item is followed by an item boundary.
  static func read(
    _ bytes: UnsafeRawBufferPointer, layout: Layout, numbers: UnsafeMutableBufferPointer<PickleFlatNumbers>,
    values: UnsafeMutableBufferPointer<Double>
  ) -> Run? {
    guard let base = bytes.baseAddress else { return nil }
    let (text, shape, textOpcode, header) = (layout.text, layout.shape, layout.textOpcode, layout.header)
    // The longest item: MARK, BINUNICODE and its length, the text, three BINFLOATs, TUPLE and
    // a BINFLOAT value; an item is read only when that many bytes and one more are there.
    let longest = 1 + 5 + text.count + 3 * 9 + 1 + 9
    let capacity = min(numbers.count, values.count)
    var count = 0, offset = 0
    while count < capacity, offset + longest < bytes.count {
      let item = base + offset
      guard !shape.isMarked || item.load(as: UInt8.self) == PickleOpcode.mark.rawValue,
        item.load(fromByteOffset: shape.isMarked ? 1 : 0, as: UInt8.self) == textOpcode,
        textLength(item, header: header, opcode: textOpcode) == text.count,
        UnsafeRawBufferPointer(start: item + header, count: text.count).hasSameBytes(as: text)
      else { break }
      var position = header + text.count
      guard let n0 = number(item, &position), n0.isFloat == shape.isFloat.0,
        let n1 = number(item, &position), n1.isFloat == shape.isFloat.1
      else { break }
      var n2 = (bits: UInt64(0), isFloat: false)
      if shape.isMarked {
        guard let third = number(item, &position), third.isFloat == shape.isFloat.2 else { break }
        n2 = third
      }
      let tuple = shape.isMarked ? PickleOpcode.tuple.rawValue : PickleOpcode.tuple3.rawValue
      guard item.load(fromByteOffset: position, as: UInt8.self) == tuple,
        item.load(fromByteOffset: position + 1, as: UInt8.self) == PickleOpcode.binFloat.rawValue,
        item.load(fromByteOffset: position + 10, as: UInt8.self).isFlatItemBoundary
      else { break }
      numbers[count] = (n0.bits, n1.bits, n2.bits)
      values[count] = Double(bitPattern: UInt64(bigEndian: item.loadUnaligned(fromByteOffset: position + 2, as: UInt64.self)))
      count += 1
      offset += position + 10
    }
    guard count > 0 else { return nil }
    return Run(count: count, length: offset, text: text, shape: shape)
  }

  /// The length field of the text opcode whose text starts at `header`.
  @inline(__always)
  private static func textLength(_ item: UnsafeRawPointer, header: Int, opcode: UInt8) -> Int {
    opcode == PickleOpcode.shortBinUnicode.rawValue
      ? Int(item.load(fromByteOffset: header - 1, as: UInt8.self))
      : Int(UInt32(littleEndian: item.loadUnaligned(fromByteOffset: header - 4, as: UInt32.self)))
  }

  /// A `BINFLOAT`, `BININT1`, `BININT2` or `BININT` at `position` (9 bytes readable), stepping
  /// past it; `nil` for any other opcode.
  @inline(__always)
  private static func number(_ item: UnsafeRawPointer, _ position: inout Int) -> (bits: UInt64, isFloat: Bool)? {
    let opcode = item.load(fromByteOffset: position, as: UInt8.self)
    switch opcode {
    case PickleOpcode.binFloat.rawValue:
      defer { position += 9 }
      return (UInt64(bigEndian: item.loadUnaligned(fromByteOffset: position + 1, as: UInt64.self)), true)
    case PickleOpcode.binInt1.rawValue:
      defer { position += 2 }
      return (UInt64(item.load(fromByteOffset: position + 1, as: UInt8.self)), false)
    case PickleOpcode.binInt2.rawValue:
      defer { position += 3 }
      return (UInt64(UInt16(littleEndian: item.loadUnaligned(fromByteOffset: position + 1, as: UInt16.self))), false)
    case PickleOpcode.binInt.rawValue:
      defer { position += 5 }
      let value = Int32(bitPattern: UInt32(littleEndian: item.loadUnaligned(fromByteOffset: position + 1, as: UInt32.self)))
      return (UInt64(bitPattern: Int64(value)), false)
    default: return nil
    }
  }
}

extension PickleColumnConsumer {
  /// A run of items whose keys the pickle wrote out in full with one text and shape, and whose
  /// values are floats, in file order; by default, each is passed to
  /// ``consume(column:flatKey:value:arena:)``.
  mutating func consume(
    column: Int, run: PickleFlatItemRun.Run, numbers: UnsafeBufferPointer<PickleFlatNumbers>,
    values: UnsafeBufferPointer<Double>, arena: UnsafeBufferPointer<PickleObject>
  ) throws {
    for (numbers, value) in zip(numbers, values) {
      try consume(column: column, flatKey: run.key(numbers), value: .float(value), arena: arena)
    }
  }
}
