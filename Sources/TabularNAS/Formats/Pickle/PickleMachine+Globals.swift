/// The allow-listed globals: NumPy scalars and dtypes, and `_codecs.encode` for protocol-2 bytes.
extension PickleMachine {
  /// Accepts a global only if it is on the allow-list; nothing is imported or executed.
  func allowedGlobal(module: String, name: String, _ offset: Int) throws -> PickleGlobal {
    guard let global = PickleGlobal(module: module, name: name) else {
      throw PickleError.forbiddenGlobal(module: module, name: name, offset: offset)
    }
    return global
  }

  /// `REDUCE`: builds the value an allowed global would return, in Swift.
  mutating func call(_ callable: PickleObject, arguments: PickleObject, _ offset: Int) throws -> PickleObject {
    guard case .global(let global) = callable else {
      throw PickleError.typeMismatch(opcode: "REDUCE", expected: "an allowed global", found: callable.typeName, offset: offset)
    }
    guard case .tuple(let tuple) = arguments else {
      throw PickleError.typeMismatch(opcode: "REDUCE", expected: "an argument tuple", found: arguments.typeName, offset: offset)
    }
    let args = tuple.items.resolved(in: arena)
    switch global {
    case .numpyDType:
      guard let first = args.first, case .string(let code) = first else {
        throw PickleError.invalidNumPyScalar(reason: "numpy.dtype needs a type code such as 'f8'", offset: offset)
      }
      guard NumPyScalarType(code: code) != nil else {
        throw PickleError.invalidNumPyScalar(
          reason: "unsupported dtype '\(code)': use one of \(NumPyScalarType.supportedCodes)", offset: offset)
      }
      return .dtype(NumPyDType(code: code))
    case .numpyScalar:
      guard args.count == 2, case .dtype(let dtype) = args[0], case .bytes(let bytes) = args[1] else {
        throw PickleError.invalidNumPyScalar(reason: "scalar() needs (dtype, bytes)", offset: offset)
      }
      return try NumPyScalarType(code: dtype.code)!.value(of: bytes, bigEndian: dtype.isBigEndian, offset: offset)
    case .codecsEncode:
      guard args.count == 2, case .string(let text) = args[0], case .string(let encoding) = args[1],
        PickleGlobal.latin1EncodingNames.contains(encoding.lowercased())
      else {
        throw PickleError.typeMismatch(
          opcode: "REDUCE", expected: "_codecs.encode(str, 'latin1')", found: "other arguments", offset: offset)
      }
      var bytes: [UInt8] = []
      for scalar in text.unicodeScalars {
        guard scalar.value <= 0xFF else {
          throw PickleError.typeMismatch(opcode: "REDUCE", expected: "latin-1 text", found: "U+\(String(scalar.value, radix: 16))", offset: offset)
        }
        bytes.append(UInt8(scalar.value))
      }
      return .bytes(bytes)
    }
  }

  /// `BUILD`: only a NumPy dtype takes state, `(3, byteorder, …)`.
  func build(_ target: PickleObject, state: PickleObject, _ offset: Int) throws {
    guard case .dtype(let dtype) = target else {
      throw PickleError.unsupportedOpcode("BUILD on \(target.typeName)", offset: offset)
    }
    guard case .tuple(let tuple) = state, tuple.items.count >= 2, case .string(let order) = resolve(tuple.items[1]) else {
      throw PickleError.invalidNumPyScalar(reason: "dtype state must be (version, byteorder, …)", offset: offset)
    }
    switch order {
    case ">": dtype.isBigEndian = true
    case "<", "|", "=": dtype.isBigEndian = false
    default: throw PickleError.invalidNumPyScalar(reason: "unknown byte order '\(order)'", offset: offset)
    }
  }
}

/// The NumPy scalar types a benchmark file may hold.
enum NumPyScalarType {
  case float(bytes: Int)
  case signed(bytes: Int)
  case unsigned(bytes: Int)
  case bool

  static let supportedCodes = "f8, f4, i8, i4, i2, i1, u8, u4, u2, u1, b1"

  init?(code: String) {
    switch code {
    case "f8": self = .float(bytes: 8)
    case "f4": self = .float(bytes: 4)
    case "i8": self = .signed(bytes: 8)
    case "i4": self = .signed(bytes: 4)
    case "i2": self = .signed(bytes: 2)
    case "i1": self = .signed(bytes: 1)
    case "u8": self = .unsigned(bytes: 8)
    case "u4": self = .unsigned(bytes: 4)
    case "u2": self = .unsigned(bytes: 2)
    case "u1": self = .unsigned(bytes: 1)
    case "b1": self = .bool
    default: return nil
    }
  }

  var size: Int {
    switch self {
    case .float(let bytes), .signed(let bytes), .unsigned(let bytes): bytes
    case .bool: 1
    }
  }

  /// Decodes the scalar's raw bytes.
  func value(of bytes: [UInt8], bigEndian: Bool, offset: Int) throws -> PickleObject {
    guard bytes.count == size else {
      throw PickleError.invalidNumPyScalar(reason: "expected \(size) bytes, found \(bytes.count)", offset: offset)
    }
    var bits: UInt64 = 0
    for byte in bytes.reversed() { bits = bits << 8 | UInt64(byte) }
    return try value(littleEndianBits: bits, bigEndian: bigEndian, offset: offset)
  }

  /// Decodes the scalar from its bytes packed first-byte-lowest into a word.
  @inline(__always)
  func value(littleEndianBits: UInt64, bigEndian: Bool, offset: Int) throws -> PickleObject {
    let bits = bigEndian ? littleEndianBits.byteSwapped >> UInt64(64 - 8 * size) : littleEndianBits
    switch self {
    case .float(8): return .float(Double(bitPattern: bits))
    case .float: return .float(Double(Float(bitPattern: UInt32(truncatingIfNeeded: bits))))
    case .signed(let size):
      let shift = UInt64(64 - 8 * size)
      return .int(Int(Int64(bitPattern: bits << shift) >> Int64(shift)))
    case .unsigned:
      guard let value = Int(exactly: bits) else { throw PickleError.integerTooLarge(offset: offset) }
      return .int(value)
    case .bool: return .bool(bits != 0)
    }
  }
}

/// A NumPy scalar decoded by the fast path, kept as its raw bits so that its memoised bytes,
/// argument tuple and value can still be produced if a later `BINGET` refers to them.
struct DeferredScalar {
  /// The arena id of its dtype.
  let dtypeID: Int32
  /// Its bytes as read, first byte lowest.
  let littleEndianBits: UInt64

  /// The memo slots a scalar may fill.
  static let parts = 5

  /// Part 0: the raw `bytes`; 1: the `(dtype, bytes)` argument tuple; 2: the value; protocol 2
  /// only: 3 the bytes as latin-1 text, 4 the `(text, encoding)` tuple, `encoding` being the
  /// arena id of the encoding's name.
  func object(part: Int, encoding: Int, arena: [PickleObject]) -> PickleObject {
    guard case .dtype(let dtype) = arena[Int(dtypeID)], let type = NumPyScalarType(code: dtype.code) else {
      return .none
    }
    let bytes = (0..<type.size).map { UInt8(truncatingIfNeeded: littleEndianBits >> (8 * UInt64($0))) }
    let text = String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
    switch part {
    case 0: return .bytes(bytes)
    case 1: return .tuple(PickleTuple([arena[Int(dtypeID)], .bytes(bytes)]))
    case 3: return .string(text)
    case 4: return .tuple(PickleTuple([.string(text), encoding >= 0 ? arena[encoding] : .string("latin1")]))
    default: return (try? type.value(of: bytes, bigEndian: dtype.isBigEndian, offset: 0)) ?? .none
    }
  }

  /// The scalar's value.
  func value(type: NumPyScalarType, bigEndian: Bool, offset: Int) throws -> PickleObject {
    try type.value(littleEndianBits: littleEndianBits, bigEndian: bigEndian, offset: offset)
  }
}
