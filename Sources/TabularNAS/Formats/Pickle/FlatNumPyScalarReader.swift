/// Reads the NumPy scalars of an unmemoised pickle (`Pickler.fast`), which writes every scalar
/// out in full: the `scalar` global, the `dtype` global, `(code, False, True)`, `REDUCE`, the
/// dtype's state `(3, order, None, None, None, -1, -1, 0)`, `BUILD`, then the data — protocols
/// 3–5: `SHORT_BINBYTES`; protocol 2: `_codecs.encode(latin-1 text, 'latin1')` — `TUPLE2`,
/// `REDUCE`.
///
/// Everything before the data is the same for every scalar of one dtype, so once it has been
/// matched opcode by opcode, later scalars compare it in one `memcmp`. Anything else (a memo
/// opcode, another state, a global off the allow-list) is not read: the caller rewinds and the
/// general path decodes it, with the same result or error.
struct FlatNumPyScalarReader {
  /// What the bytes before the data say.
  private struct Prefix {
    var type: NumPyScalarType
    var bigEndian: Bool
    /// Protocol 2: the data is latin-1 text passed to `_codecs.encode`.
    var viaCodecs: Bool
  }

  /// The bytes of the last prefix matched without a `FRAME` inside, and their meaning.
  private var prefixBytes: [UInt8] = []
  private var prefix: Prefix?
  /// The bytes after the data of the last protocol-2 scalar matched without a `FRAME` inside.
  private var codecsSuffix: [UInt8] = []
  /// How many scalars were read (for tests and benchmarks).
  private(set) var count = 0

  /// Reads one scalar at the reader's offset and returns its value; `nil` (the reader somewhere
  /// past its start) for any other bytes.
  mutating func read(_ reader: inout ByteReader) -> PickleObject? {
    let start = reader.offset
    let meaning: Prefix
    if let prefix, reader.skip(ifNextBytesEqual: prefixBytes) {
      meaning = prefix
    } else {
      var sawFrame = false
      guard let parsed = Self.readPrefix(&reader, sawFrame: &sawFrame) else { return nil }
      if !sawFrame {
        prefixBytes = Array(reader.bytesRead(since: start))
        prefix = parsed
      }
      meaning = parsed
    }
    let size = meaning.type.size
    let bits: UInt64
    if meaning.viaCodecs {
      guard let text = try? reader.latin1Bits(count: size, opcode: Self.opcode(&reader)), readCodecsSuffix(&reader)
      else { return nil }
      bits = text
    } else {
      guard Self.opcode(&reader) == PickleOpcode.shortBinBytes.rawValue, (try? reader.byte()).map(Int.init) == size,
        let raw = try? reader.unsignedLittleEndian(width: size), Self.opcode(&reader) == PickleOpcode.tuple2.rawValue,
        Self.opcode(&reader) == PickleOpcode.reduce.rawValue
      else { return nil }
      bits = raw
    }
    guard let value = try? meaning.type.value(littleEndianBits: bits, bigEndian: meaning.bigEndian, offset: reader.offset)
    else { return nil }
    count += 1
    return value
  }

  /// Reads what follows a protocol-2 scalar's latin-1 text — the encoding's name, `TUPLE2`,
  /// `REDUCE` (bytes), `TUPLE2`, `REDUCE` (the scalar) — in one `memcmp` once it has been matched
  /// opcode by opcode; whether it was there.
  private mutating func readCodecsSuffix(_ reader: inout ByteReader) -> Bool {
    if !codecsSuffix.isEmpty && reader.skip(ifNextBytesEqual: codecsSuffix) { return true }
    let start = reader.offset
    var sawFrame = false
    guard let encoding = Self.text(&reader, sawFrame: &sawFrame),
      PickleGlobal.latin1EncodingNames.contains(encoding.lowercased()),
      Self.opcodes(&reader, [.tuple2, .reduce, .tuple2, .reduce], sawFrame: &sawFrame)
    else { return false }
    if !sawFrame { codecsSuffix = Array(reader.bytesRead(since: start)) }
    return true
  }

  /// Matches everything before the data opcode by opcode.
  private static func readPrefix(_ reader: inout ByteReader, sawFrame: inout Bool) -> Prefix? {
    guard global(&reader, sawFrame: &sawFrame) == .numpyScalar, global(&reader, sawFrame: &sawFrame) == .numpyDType,
      let code = text(&reader, sawFrame: &sawFrame), let type = NumPyScalarType(code: code),
      opcodes(&reader, [.newFalse, .newTrue, .tuple3, .reduce, .mark], sawFrame: &sawFrame),
      opcode(&reader, sawFrame: &sawFrame) == PickleOpcode.binInt1.rawValue, (try? reader.byte()) == 3,
      let order = text(&reader, sawFrame: &sawFrame), ["<", ">", "|", "="].contains(order),
      opcodes(&reader, [.none, .none, .none], sawFrame: &sawFrame)
    else { return nil }
    for expected in [-1, -1] {
      guard opcode(&reader, sawFrame: &sawFrame) == PickleOpcode.binInt.rawValue,
        let word = try? reader.unsignedLittleEndian(width: 4), Int32(bitPattern: UInt32(word)) == expected
      else { return nil }
    }
    guard opcode(&reader, sawFrame: &sawFrame) == PickleOpcode.binInt1.rawValue, (try? reader.byte()) == 0,
      opcodes(&reader, [.tuple, .build], sawFrame: &sawFrame)
    else { return nil }
    // Protocol 2 passes the data through `_codecs.encode`, whose global is the same every time.
    let position = reader.offset
    let dataFollows = opcode(&reader, sawFrame: &sawFrame) == PickleOpcode.shortBinBytes.rawValue
    reader.rewind(to: position)
    if !dataFollows, global(&reader, sawFrame: &sawFrame) != .codecsEncode { return nil }
    return Prefix(type: type, bigEndian: order == ">", viaCodecs: !dataFollows)
  }

  /// The next opcode byte, stepping over `FRAME`s (which the pickler puts between any two
  /// opcodes); `nil` at the end or on a bad frame.
  private static func opcode(_ reader: inout ByteReader, sawFrame: inout Bool) -> UInt8? {
    while true {
      guard let byte = try? reader.byte() else { return nil }
      guard byte == PickleOpcode.frame.rawValue else { return byte }
      guard let length = try? reader.unsignedLittleEndian(width: 8), length <= UInt64(reader.remaining) else { return nil }
      sawFrame = true
    }
  }

  private static func opcode(_ reader: inout ByteReader) -> UInt8? {
    var sawFrame = false
    return opcode(&reader, sawFrame: &sawFrame)
  }

  /// Whether the next opcodes are exactly `expected`.
  private static func opcodes(_ reader: inout ByteReader, _ expected: [PickleOpcode], sawFrame: inout Bool) -> Bool {
    expected.allSatisfy { opcode(&reader, sawFrame: &sawFrame) == $0.rawValue }
  }

  /// A `SHORT_BINUNICODE` or `BINUNICODE` text.
  private static func text(_ reader: inout ByteReader, sawFrame: inout Bool) -> String? {
    let length: Int
    switch opcode(&reader, sawFrame: &sawFrame) {
    case PickleOpcode.shortBinUnicode.rawValue: guard let count = try? reader.byte() else { return nil }; length = Int(count)
    case PickleOpcode.binUnicode.rawValue:
      guard let count = try? reader.unsignedLittleEndian(width: 4) else { return nil }
      length = Int(count)
    default: return nil
    }
    guard length <= 64, let view = try? reader.view(count: length) else { return nil }
    return String(validating: view, as: UTF8.self)
  }

  /// An allowed global named by `GLOBAL module\nname\n` or by two texts and `STACK_GLOBAL`.
  private static func global(_ reader: inout ByteReader, sawFrame: inout Bool) -> PickleGlobal? {
    let position = reader.offset
    if opcode(&reader, sawFrame: &sawFrame) == PickleOpcode.global.rawValue {
      guard let module = line(&reader), let name = line(&reader) else { return nil }
      return PickleGlobal(module: module, name: name)
    }
    reader.rewind(to: position)
    guard let module = text(&reader, sawFrame: &sawFrame), let name = text(&reader, sawFrame: &sawFrame),
      opcode(&reader, sawFrame: &sawFrame) == PickleOpcode.stackGlobal.rawValue
    else { return nil }
    return PickleGlobal(module: module, name: name)
  }

  /// `GLOBAL`'s text up to a newline (at most 64 bytes).
  private static func line(_ reader: inout ByteReader) -> String? {
    let start = reader.offset
    while reader.offset - start <= 64 {
      guard let byte = try? reader.byte() else { return nil }
      if byte == UInt8(ascii: "\n") {
        let bytes = reader.bytesRead(since: start)
        return String(validating: UnsafeRawBufferPointer(rebasing: bytes[..<(bytes.count - 1)]), as: UTF8.self)
      }
    }
    return nil
  }
}

extension ByteReader {
  /// Reads the body of a `SHORT_BINUNICODE` or `BINUNICODE` (`opcode`, already read) of exactly
  /// `count` characters below U+0100 — NumPy's bytes as latin-1 — as their bits, first byte
  /// lowest; `nil` for anything else.
  mutating func latin1Bits(count: Int, opcode: UInt8?) throws -> UInt64? {
    let length: Int
    switch opcode {
    case PickleOpcode.shortBinUnicode.rawValue: length = Int(try byte())
    case PickleOpcode.binUnicode.rawValue: length = Int(try unsignedLittleEndian(width: 4))
    default: return nil
    }
    guard length <= 2 * count else { return nil }
    let view = try view(count: length)
    var bits: UInt64 = 0, characters = 0, index = view.startIndex
    while index < view.endIndex {
      let lead = view[index]
      let scalar: UInt64
      if lead < 0x80 {
        scalar = UInt64(lead)
        index += 1
      } else if lead == 0xC2 || lead == 0xC3, index + 1 < view.endIndex, view[index + 1] & 0xC0 == 0x80 {
        scalar = UInt64(lead & 0x1F) << 6 | UInt64(view[index + 1] & 0x3F)
        index += 2
      } else {
        return nil
      }
      guard characters < count else { return nil }
      bits |= scalar << (8 * UInt64(characters))
      characters += 1
    }
    return characters == count ? bits : nil
  }
}
