/// A JSON document with ordered object keys, written deterministically.
///
/// Numbers keep full precision: doubles print as the shortest text that reads back to the same
/// value (like Python's `repr`), and non-finite numbers become `null`.
public enum JSONValue: Equatable, Sendable {
  /// `null`.
  case null
  /// `true` or `false`.
  case bool(Bool)
  /// An integer.
  case integer(Int)
  /// A floating-point number.
  case number(Double)
  /// A string.
  case string(String)
  /// An array.
  case array([JSONValue])
  /// An object whose keys keep the given order.
  case object([Member])

  /// One key–value pair of an object.
  public struct Member: Equatable, Sendable {
    /// The key.
    public let key: String
    /// The value.
    public let value: JSONValue

    /// Creates a member.
    public init(_ key: String, _ value: JSONValue) {
      self.key = key
      self.value = value
    }
  }

  /// The compact JSON text.
  public var text: String {
    var output = ""
    write(to: &output)
    return output
  }

  /// Appends the compact JSON text to a string.
  public func write(to output: inout String) {
    switch self {
    case .null: output += "null"
    case .bool(let value): output += value ? "true" : "false"
    case .integer(let value): output += String(value)
    case .number(let value): output += value.isFinite ? value.description : "null"
    case .string(let value): Self.writeString(value, to: &output)
    case .array(let values):
      output += "["
      for (position, value) in values.enumerated() {
        if position > 0 { output += ", " }
        value.write(to: &output)
      }
      output += "]"
    case .object(let members):
      output += "{"
      for (position, member) in members.enumerated() {
        if position > 0 { output += ", " }
        Self.writeString(member.key, to: &output)
        output += ": "
        member.value.write(to: &output)
      }
      output += "}"
    }
  }

  private static func writeString(_ value: String, to output: inout String) {
    output += "\""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: output.unicodeScalars.append(scalar)
      }
    }
    output += "\""
  }
}

extension Optional where Wrapped == Double {
  /// The value as a JSON number, or `null`.
  public var json: JSONValue { map(JSONValue.number) ?? .null }
}

extension JSONValue {
  /// The members of an object (empty for other values).
  public var members: [Member] {
    if case .object(let members) = self { members } else { [] }
  }
}

extension JSONValue {
  /// The value of an object's member (the last one with that key), or `nil`.
  public subscript(key: String) -> JSONValue? {
    members.last { $0.key == key }?.value
  }
}

extension JSONValue {
  /// A number or integer as a `Double`, else `nil`.
  public var number: Double? {
    switch self {
    case .number(let value): value
    case .integer(let value): Double(value)
    default: nil
    }
  }

  /// An integer (or a number with an integral value that fits), else `nil`.
  public var integer: Int? {
    switch self {
    case .integer(let value): value
    case .number(let value): value.rounded() == value && abs(value) < 0x1p62 ? Int(value) : nil
    default: nil
    }
  }
}
