/// Why a pickle could not be decoded; offsets are byte positions in the input.
public enum PickleError: Error, Equatable, Sendable {
  /// The input ends inside an opcode or before `STOP`.
  case truncated(offset: Int, needed: Int)
  /// The byte is not a pickle opcode.
  case unknownOpcode(UInt8, offset: Int)
  /// The opcode exists but is not allowed here (it could build arbitrary objects).
  case unsupportedOpcode(String, offset: Int)
  /// The protocol is newer than 5.
  case unsupportedProtocol(Int, offset: Int)
  /// The pickle names a global that is not on the allow-list; nothing was executed.
  case forbiddenGlobal(module: String, name: String, offset: Int)
  /// An opcode found too few items on the stack, or no mark where it needs one.
  case stackUnderflow(opcode: String, offset: Int)
  /// A memo lookup names an index that was never stored.
  case missingMemo(index: Int, offset: Int)
  /// An opcode received the wrong kind of object, e.g. `SETITEMS` on a list.
  case typeMismatch(opcode: String, expected: String, found: String, offset: Int)
  /// A text opcode holds bytes that are not valid UTF-8.
  case invalidUTF8(offset: Int)
  /// An integer does not fit 64 bits.
  case integerTooLarge(offset: Int)
  /// A NumPy scalar or dtype is malformed or of an unsupported type.
  case invalidNumPyScalar(reason: String, offset: Int)
  /// A list or dict contains itself, or nesting is deeper than decoding allows.
  case tooDeeplyNested(limit: Int)
  /// `STOP` left other than exactly one object on the stack.
  case malformedEnd(offset: Int)
  /// Shared references would expand into more objects than the input can justify.
  case expansionTooLarge(limit: Int)
}

extension PickleError: CustomStringConvertible {
  /// A one-line explanation naming the offset and what was wrong.
  public var description: String {
    switch self {
    case .truncated(let offset, let needed):
      "truncated pickle: \(needed) more byte(s) needed at offset \(offset)"
    case .unknownOpcode(let byte, let offset):
      "not a pickle: unknown opcode 0x\(String(byte, radix: 16)) at offset \(offset)"
    case .unsupportedOpcode(let name, let offset):
      "unsupported pickle opcode \(name) at offset \(offset): only plain data and NumPy scalars are accepted"
    case .unsupportedProtocol(let version, let offset):
      "unsupported pickle protocol \(version) at offset \(offset): protocols 2–5 are supported"
    case .forbiddenGlobal(let module, let name, let offset):
      "refusing global \(module).\(name) at offset \(offset): only NumPy scalars "
        + "(numpy.core.multiarray.scalar, numpy.dtype) and _codecs.encode are allowed; nothing was executed"
    case .stackUnderflow(let opcode, let offset):
      "malformed pickle: \(opcode) at offset \(offset) found too few items on the stack"
    case .missingMemo(let index, let offset):
      "malformed pickle: memo entry \(index) read at offset \(offset) was never stored"
    case .typeMismatch(let opcode, let expected, let found, let offset):
      "malformed pickle: \(opcode) at offset \(offset) expected \(expected), found \(found)"
    case .invalidUTF8(let offset):
      "malformed pickle: invalid UTF-8 in string at offset \(offset)"
    case .integerTooLarge(let offset):
      "integer at offset \(offset) does not fit 64 bits"
    case .invalidNumPyScalar(let reason, let offset):
      "invalid NumPy scalar at offset \(offset): \(reason)"
    case .tooDeeplyNested(let limit):
      "pickle nests containers deeper than \(limit) levels or contains itself"
    case .malformedEnd(let offset):
      "malformed pickle: STOP at offset \(offset) must leave exactly one object"
    case .expansionTooLarge(let limit):
      "pickle would expand to more than \(limit) objects through shared references"
    }
  }
}
