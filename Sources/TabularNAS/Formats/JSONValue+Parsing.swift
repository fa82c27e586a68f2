extension JSONValue {
  /// The deepest nesting the parser accepts, so hostile input cannot exhaust the stack.
  public static let maximumNesting = 512

  /// Parses JSON text (RFC 8259): integers that fit an `Int` become ``integer(_:)``, other
  /// numbers ``number(_:)`` (correctly rounded), object keys keep their order.
  ///
  /// - Throws: ``JSONParseError`` with the byte offset of the problem.
  public init(parsing bytes: [UInt8]) throws {
    self = try bytes.withUnsafeBytes { buffer in
      var parser = JSONParser(bytes: buffer)
      let value = try parser.parseValue(depth: 0)
      parser.skipWhitespace()
      guard parser.offset == buffer.count else { throw JSONParseError.unexpected(offset: parser.offset, expected: "the end of the text") }
      return value
    }
  }

  /// Parses a JSON file's bytes: the text of ``init(parsing:)`` after an optional UTF-8
  /// byte-order mark, which editors on some systems write.
  ///
  /// - Throws: ``JSONParseError`` with the byte offset of the problem (counted after the mark).
  public init(parsingFile bytes: [UInt8]) throws {
    try self.init(parsing: bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes)
  }
}

/// JSON text that does not parse.
public enum JSONParseError: Error, Equatable, Sendable, CustomStringConvertible {
  /// Something else was found where the grammar needs `expected` (offsets count bytes from 0).
  case unexpected(offset: Int, expected: String)
  /// Nesting deeper than ``JSONValue/maximumNesting``.
  case tooDeep(offset: Int)

  /// A one-line explanation.
  public var description: String {
    switch self {
    case .unexpected(let offset, let expected): "invalid JSON at byte \(offset): expected \(expected)"
    case .tooDeep(let offset): "invalid JSON at byte \(offset): nested deeper than \(JSONValue.maximumNesting) levels"
    }
  }
}

/// A recursive-descent JSON parser over bytes.
private struct JSONParser {
  let bytes: UnsafeRawBufferPointer
  var offset = 0

  init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

  private var peek: UInt8? { offset < bytes.count ? bytes[offset] : nil }

  mutating func skipWhitespace() {
    while let byte = peek, byte == .space || byte == .tab || byte == .lineFeed || byte == .carriageReturn { offset += 1 }
  }

  private func failure(_ expected: String) -> JSONParseError { .unexpected(offset: offset, expected: expected) }

  mutating func parseValue(depth: Int) throws -> JSONValue {
    guard depth < JSONValue.maximumNesting else { throw JSONParseError.tooDeep(offset: offset) }
    skipWhitespace()
    switch peek {
    case UInt8(ascii: "{"): return try parseObject(depth: depth)
    case UInt8(ascii: "["): return try parseArray(depth: depth)
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "t"): try literal("true"); return .bool(true)
    case UInt8(ascii: "f"): try literal("false"); return .bool(false)
    case UInt8(ascii: "n"): try literal("null"); return .null
    case let byte? where byte == .minus || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte): return try parseNumber()
    default: throw failure("a value")
    }
  }

  private mutating func literal(_ word: StaticString) throws {
    let length = word.utf8CodeUnitCount
    guard offset + length <= bytes.count,
      word.withUTF8Buffer({ $0.elementsEqual(bytes[offset..<offset + length]) })
    else { throw failure("\(word)") }
    offset += length
  }

  private mutating func parseArray(depth: Int) throws -> JSONValue {
    offset += 1
    var values: [JSONValue] = []
    skipWhitespace()
    if peek == UInt8(ascii: "]") { offset += 1; return .array(values) }
    while true {
      values.append(try parseValue(depth: depth + 1))
      skipWhitespace()
      switch peek {
      case UInt8(ascii: ","): offset += 1
      case UInt8(ascii: "]"): offset += 1; return .array(values)
      default: throw failure("',' or ']'")
      }
    }
  }

  private mutating func parseObject(depth: Int) throws -> JSONValue {
    offset += 1
    var members: [JSONValue.Member] = []
    skipWhitespace()
    if peek == UInt8(ascii: "}") { offset += 1; return .object(members) }
    while true {
      skipWhitespace()
      guard peek == UInt8(ascii: "\"") else { throw failure("a string key") }
      let key = try parseString()
      skipWhitespace()
      guard peek == UInt8(ascii: ":") else { throw failure("':'") }
      offset += 1
      members.append(JSONValue.Member(key, try parseValue(depth: depth + 1)))
      skipWhitespace()
      switch peek {
      case UInt8(ascii: ","): offset += 1
      case UInt8(ascii: "}"): offset += 1; return .object(members)
      default: throw failure("',' or '}'")
      }
    }
  }

  /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, exactly as RFC 8259 writes it.
  private mutating func parseNumber() throws -> JSONValue {
    let start = offset
    func digits() -> Int {
      let first = offset
      while let byte = peek, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { offset += 1 }
      return offset - first
    }
    if peek == .minus { offset += 1 }
    let integerStart = offset
    let integerDigits = digits()
    guard integerDigits > 0, integerDigits == 1 || bytes[integerStart] != .zero else {
      offset = integerStart
      throw failure("a number")
    }
    var isInteger = true
    if peek == .point {
      offset += 1
      isInteger = false
      guard digits() > 0 else { throw failure("digits after the decimal point") }
    }
    if peek == .lowercaseE || peek == .uppercaseE {
      offset += 1
      isInteger = false
      if peek == .plus || peek == .minus { offset += 1 }
      guard digits() > 0 else { throw failure("exponent digits") }
    }
    let text = UnsafeRawBufferPointer(rebasing: bytes[start..<offset])
    if isInteger, let integer = Int(String(decoding: text, as: UTF8.self)) { return .integer(integer) }
    guard let value = DecimalParser.parse(text) else { throw failure("a number") }
    return .number(value)
  }

  private mutating func parseString() throws -> String {
    let opening = offset
    offset += 1
    var utf8: [UInt8] = []
    while true {
      guard let byte = peek else { throw failure("a closing quote") }
      offset += 1
      switch byte {
      case .quote:
        guard let text = String(validating: utf8, as: UTF8.self) else {
          throw JSONParseError.unexpected(offset: opening, expected: "UTF-8 text in the string")
        }
        return text
      case UInt8(ascii: "\\"):
        try parseEscape(into: &utf8)
      case 0..<0x20:
        offset -= 1
        throw failure("an escaped control character")
      default:
        utf8.append(byte)
      }
    }
  }

  private mutating func parseEscape(into utf8: inout [UInt8]) throws {
    guard let byte = peek else { throw failure("an escape") }
    offset += 1
    let simple: [UInt8: UInt8] = [
      UInt8(ascii: "\""): .quote, UInt8(ascii: "\\"): UInt8(ascii: "\\"), UInt8(ascii: "/"): UInt8(ascii: "/"),
      UInt8(ascii: "b"): 0x08, UInt8(ascii: "f"): 0x0C, UInt8(ascii: "n"): .lineFeed, UInt8(ascii: "r"): .carriageReturn,
      UInt8(ascii: "t"): .tab,
    ]
    if let replacement = simple[byte] {
      utf8.append(replacement)
      return
    }
    guard byte == UInt8(ascii: "u") else { offset -= 1; throw failure("an escape (\\\" \\\\ / b f n r t u)") }
    var scalar = try parseHex4()
    if (0xD800..<0xDC00).contains(scalar) {
      guard peek == UInt8(ascii: "\\"), offset + 1 < bytes.count, bytes[offset + 1] == UInt8(ascii: "u") else {
        throw failure("the second half of a surrogate pair")
      }
      offset += 2
      let low = try parseHex4()
      guard (0xDC00..<0xE000).contains(low) else { throw failure("a low surrogate") }
      scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
    }
    guard let unicode = Unicode.Scalar(scalar) else { throw failure("a Unicode scalar") }
    utf8.append(contentsOf: Array(String(Character(unicode)).utf8))
  }

  private mutating func parseHex4() throws -> UInt32 {
    guard offset + 4 <= bytes.count, let value = UInt32(String(decoding: bytes[offset..<offset + 4], as: UTF8.self), radix: 16)
    else { throw failure("four hexadecimal digits") }
    offset += 4
    return value
  }
}
