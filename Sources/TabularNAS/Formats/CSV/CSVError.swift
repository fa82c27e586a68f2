/// A CSV file that does not parse; every case names the line and, where it helps, the column.
///
/// Lines count from 1 (the header is line 1) and columns from 1, as a spreadsheet shows them.
public enum CSVError: Error, Equatable, Sendable {
  /// The file has no header line.
  case empty
  /// A row has a different number of fields than the header.
  case raggedRow(line: Int, fields: Int, expected: Int)
  /// A quoted field is still open when the file ends.
  case unterminatedQuote(line: Int, column: Int)
  /// A quote appears inside an unquoted field (RFC 4180 asks for the whole field to be quoted).
  case quoteInUnquotedField(line: Int, column: Int)
  /// Text follows a closing quote before the next comma or line end.
  case textAfterClosingQuote(line: Int, column: Int)
  /// A cell that must hold a number holds something else.
  case unparsableNumber(line: Int, column: Int, name: String, text: String)
  /// A number that must be finite is NaN or infinite (`nan`, `inf`, or too large, like `1e309`).
  case nonFiniteNumber(line: Int, column: Int, name: String, text: String)
  /// A cell that must not be empty is empty.
  case emptyRequiredCell(line: Int, column: Int, name: String)
  /// The bytes are not valid UTF-8 text.
  case invalidText(line: Int, column: Int)
}

extension CSVError: CustomStringConvertible {
  /// A one-line explanation with the position and what was expected.
  public var description: String {
    switch self {
    case .empty: "the file is empty: a header line is required"
    case .raggedRow(let line, let fields, let expected):
      "line \(line): \(fields) field\(fields == 1 ? "" : "s"), but the header has \(expected)"
    case .unterminatedQuote(let line, let column):
      "line \(line), column \(column): a quoted field is not closed before the end of the file"
    case .quoteInUnquotedField(let line, let column):
      "line \(line), column \(column): a quote inside an unquoted field; quote the whole field and double inner quotes"
    case .textAfterClosingQuote(let line, let column):
      "line \(line), column \(column): text after a closing quote; expected a comma or a line end"
    case .unparsableNumber(let line, let column, let name, let text):
      "line \(line), column \(column) (\(name)): '\(text)' is not a number"
    case .nonFiniteNumber(let line, let column, let name, let text):
      "line \(line), column \(column) (\(name)): '\(text)' is not a finite number; learning-curve values and "
        + "numeric fields must be finite (a missing value cannot be guessed: remove the row or fill it)"
    case .emptyRequiredCell(let line, let column, let name):
      "line \(line), column \(column) (\(name)): the cell is empty, but a value is required"
    case .invalidText(let line, let column):
      "line \(line), column \(column): the bytes are not valid UTF-8"
    }
  }
}
