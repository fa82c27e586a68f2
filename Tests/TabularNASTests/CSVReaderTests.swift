import Foundation
import Testing
@testable import TabularNAS

@Suite("CSV reader")
struct CSVReaderTests {
  /// Every record's texts, read through windows of `windowSize` bytes.
  private func records(_ text: String, windowSize: Int = 1 << 20) throws -> [[String]] {
    var rows: [[String]] = []
    try CSVReader(bytes: Array(text.utf8), windowSize: windowSize).forEachRecord { rows.append(try $0.texts()) }
    return rows
  }

  private func lines(_ text: String) throws -> [Int] {
    var lines: [Int] = []
    try CSVReader(text: text).forEachRecord { lines.append($0.line) }
    return lines
  }

  static let quirky =
    "\u{FEFF}net,lr,acc_1\r\n\"[C(64,1,1), SM(10)]\",0.001,0.5\r\n\"say \"\"hi\"\"\",1e-3,\"0.25\"\r\n\"two\nlines\",2,-0.0"

  @Test("quoted commas, doubled quotes, CRLF, a byte-order mark and no final line break")
  func rfc4180() throws {
    let expected = [
      ["net", "lr", "acc_1"], ["[C(64,1,1), SM(10)]", "0.001", "0.5"], ["say \"hi\"", "1e-3", "0.25"],
      ["two\nlines", "2", "-0.0"],
    ]
    #expect(try records(Self.quirky) == expected)
    #expect(try lines(Self.quirky) == [1, 2, 3, 4])
  }

  @Test("records cut anywhere by the window read the same", arguments: [1, 2, 3, 5, 7, 16])
  func windows(size: Int) throws {
    #expect(try records(Self.quirky, windowSize: size) == records(Self.quirky))
    let plain = "a,b\n1,2\r\n\n3,\"\"\n\"\",4\n"
    #expect(try records(plain, windowSize: size) == [["a", "b"], ["1", "2"], ["3", ""], ["", "4"]])
  }

  @Test("blank lines are skipped and lines still count them; a trailing comma is an empty field")
  func blankLines() throws {
    #expect(try records("a,b\n\n1,\n\n") == [["a", "b"], ["1", ""]])
    #expect(try lines("a,b\n\n1,\n\n2,3\n") == [1, 3, 5])
  }

  @Test("numbers parse correctly rounded, like Python's float", arguments: [
    "0.3095703125", "0.007350000000000001", "1e-3", "-0.0", "12345678901234567890123", "4.9e-324",
    "1.7976931348623157e308", "0.1", "681.25", "  3.5 ", "+2", ".5", "5.", "2.2250738585072014e-308",
    "123456789012345678.9", "0.000000000000000000000000001",
  ])
  func numbers(text: String) throws {
    let expected = try #require(Double(text.trimmingCharacters(in: .whitespaces)))
    let parsed = try #require(parse(text))
    #expect(parsed.bitPattern == expected.bitPattern)
  }

  @Test("non-numbers are refused, special values accepted", arguments: [
    ("", false), ("abc", false), ("1.2.3", false), ("0x10", false), ("1e", false), ("--1", false), ("1,5", false),
    ("nan", true), ("Infinity", true), ("-inf", true), ("1e400", true),
  ])
  func nonNumbers(text: String, accepted: Bool) {
    #expect((parse(text) != nil) == accepted)
  }

  private func parse(_ text: String) -> Double? {
    Array(text.utf8).withUnsafeBytes { DecimalParser.parse($0) }
  }

  @Test("malformed text is an error with its line and column", arguments: [
    ("a,b\n1,2,3\n", CSVError.raggedRow(line: 2, fields: 3, expected: 2)),
    ("a,b\n1\n", CSVError.raggedRow(line: 2, fields: 1, expected: 2)),
    ("a,b\n1,\"open\n", CSVError.unterminatedQuote(line: 2, column: 2)),
    ("a,b\n1,x\"y\n", CSVError.quoteInUnquotedField(line: 2, column: 2)),
    ("a,b\n\"x\"y,1\n", CSVError.textAfterClosingQuote(line: 2, column: 1)),
    ("\"multi\nline\",b\n1,x\"y\n", CSVError.quoteInUnquotedField(line: 3, column: 2)),
    ("", CSVError.empty),
    ("\n\n", CSVError.empty),
  ])
  func malformed(text: String, error: CSVError) {
    #expect(throws: error) { _ = try records(text) }
    #expect(throws: error) { _ = try records(text, windowSize: 2) }
  }

  @Test("required numbers name the cell that is empty or unparsable")
  func requiredNumbers() throws {
    var errors: [CSVError] = []
    try CSVReader(text: "x,acc_1\n1,0.5\n2,\n3,0.5%\n").forEachRecord { record in
      guard record.line > 1 else { return }
      do { _ = try record.requiredNumber(at: 1, name: "acc_1") } catch let error as CSVError { errors.append(error) }
    }
    #expect(
      errors == [
        .emptyRequiredCell(line: 3, column: 2, name: "acc_1"),
        .unparsableNumber(line: 4, column: 2, name: "acc_1", text: "0.5%"),
      ])
    #expect(errors.last?.description == "line 4, column 2 (acc_1): '0.5%' is not a number")
  }

  @Test("invalid UTF-8 is an error, not replacement characters")
  func invalidText() throws {
    let bytes: [UInt8] = Array("a,b\n1,".utf8) + [0xFF, 0xFE] + [0x0A]
    #expect(throws: CSVError.invalidText(line: 2, column: 2)) {
      try CSVReader(bytes: bytes).forEachRecord { _ = try $0.texts() }
    }
  }

  @Test("a missing file is a dataset file error")
  func missingFile() {
    #expect(throws: DatasetFileError.missing(path: "/nonexistent/x.csv")) {
      try CSVReader(path: "/nonexistent/x.csv").forEachRecord { _ in }
    }
    #expect(throws: DatasetFileError.self) { try CSVReader(path: "/").forEachRecord { _ in } }
  }
}
