import Foundation

/// Writes RFC 4180 CSV text: comma-separated, CRLF-free (`\n`), fields quoted only when needed.
public struct CSVWriter: Sendable {
  /// The text written so far.
  public private(set) var text = ""

  /// Creates an empty writer.
  public init() {}

  /// Appends one row.
  public mutating func writeRow(_ fields: [String]) {
    text += fields.map(Self.escape).joined(separator: ",")
    text += "\n"
  }

  /// Quotes a field that holds a comma, a quote or a line break, doubling inner quotes.
  public static func escape(_ field: String) -> String {
    guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
      return field
    }
    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}

extension JSONValue {
  /// The value as one CSV field: strings bare, numbers as in JSON, `null` as an empty field.
  var csvField: String {
    switch self {
    case .null: ""
    case .string(let value): value
    default: text
    }
  }
}
