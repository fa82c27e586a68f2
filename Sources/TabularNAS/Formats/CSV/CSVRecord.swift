/// One record of a CSV file, as the reader hands it to its caller.
///
/// A view into the reader's buffer: valid only during the call that received it. Read what you
/// need (``text(at:)``, ``number(at:)``) inside the call.
public struct CSVRecord {
  /// The line the record starts on (the header is line 1).
  public let line: Int
  let bytes: UnsafeRawBufferPointer
  let bounds: UnsafeBufferPointer<CSVFieldBounds>

  /// The number of fields.
  public var count: Int { bounds.count }

  /// Whether a field is empty (an empty quoted field `""` is empty too).
  public func isEmpty(at column: Int) -> Bool {
    let field = bounds[column]
    return field.start == field.end
  }

  /// A field's text, with doubled quotes reduced to one.
  ///
  /// - Throws: ``CSVError/invalidText(line:column:)`` when the bytes are not UTF-8.
  public func text(at column: Int) throws -> String {
    let field = bounds[column]
    let raw = UnsafeRawBufferPointer(rebasing: bytes[field.start..<field.end])
    // ASCII, the common case, needs no validation.
    let isASCII = raw.allSatisfy { $0 < 0x80 }
    guard var text = isASCII ? String(decoding: raw, as: UTF8.self) : String(validating: raw, as: UTF8.self) else {
      throw CSVError.invalidText(line: line, column: column + 1)
    }
    if field.hasEscapedQuotes { text = text.replacing("\"\"", with: "\"") }
    return text
  }

  /// A field's number, or `nil` when it does not hold one (see ``DecimalParser``).
  @inline(__always)
  public func number(at column: Int) -> Double? {
    let field = bounds[column]
    guard !field.hasEscapedQuotes else { return nil }
    return DecimalParser.parse(UnsafeRawBufferPointer(rebasing: bytes[field.start..<field.end]))
  }

  /// A field's number, where the column must hold one.
  ///
  /// - Parameter name: The column's name, for the error.
  /// - Throws: ``CSVError/emptyRequiredCell(line:column:name:)`` or
  ///   ``CSVError/unparsableNumber(line:column:name:text:)``.
  @inline(__always)
  public func requiredNumber(at column: Int, name: @autoclosure () -> String) throws -> Double {
    if let value = number(at: column) { return value }
    let name = name()
    if isEmpty(at: column) { throw CSVError.emptyRequiredCell(line: line, column: column + 1, name: name) }
    let text = (try? text(at: column)) ?? "(not UTF-8)"
    throw CSVError.unparsableNumber(line: line, column: column + 1, name: name, text: String(text.prefix(40)))
  }

  /// Every field's text.
  ///
  /// - Throws: ``CSVError/invalidText(line:column:)``.
  public func texts() throws -> [String] { try (0..<count).map { try text(at: $0) } }
}
