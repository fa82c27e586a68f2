import Foundation
import Testing
@testable import TabularNAS

@Suite("JSON parsing")
struct JSONParsingTests {
  private func parse(_ text: String) throws -> JSONValue { try JSONValue(parsing: Array(text.utf8)) }

  @Test("numbers and integers read back from either kind; other values and fractions give nil")
  func numericAccessors() throws {
    let value = try parse(#"[3, 2.5, 1234.0, 1e300, "7", null]"#)
    guard case .array(let items) = value else { Issue.record("not an array"); return }
    #expect(items.map(\.number) == [3, 2.5, 1234, 1e300, nil, nil])
    #expect(items.map(\.integer) == [3, nil, 1234, nil, nil, nil])
  }

  @Test("values of every kind, with key order kept and exact numbers")
  func values() throws {
    let value = try parse(#" {"b": [1, -2.5e-3, 0.1, true, false, null], "a": "x\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00", "c": {}} "#)
    #expect(
      value
        == .object([
          .init("b", .array([.integer(1), .number(-0.0025), .number(0.1), .bool(true), .bool(false), .null])),
          .init("a", .string("x\"\\/\u{8}\u{c}\n\r\té😀")), .init("c", .object([])),
        ]))
    #expect(value["a"] == .string("x\"\\/\u{8}\u{c}\n\r\té😀"))
    #expect(try parse("12345678901234567890") == .number(12345678901234567890))
    #expect(try parse("[]") == .array([]))
  }

  @Test("what the writer writes, the parser reads back")
  func roundTrip() throws {
    let value = JSONValue.object([
      .init("acc", .array([.number(85.43), .number(1e-300), .integer(-7)])), .init("key", .string("0|10|210 \"q\"\n")),
    ])
    #expect(try parse(value.text) == value)
  }

  @Test("malformed JSON names the byte and what was expected", arguments: [
    ("", JSONParseError.unexpected(offset: 0, expected: "a value")),
    ("[1, 2", .unexpected(offset: 5, expected: "',' or ']'")),
    ("{\"a\" 1}", .unexpected(offset: 5, expected: "':'")),
    ("{1: 2}", .unexpected(offset: 1, expected: "a string key")),
    ("[01]", .unexpected(offset: 1, expected: "a number")),
    ("[1.]", .unexpected(offset: 3, expected: "digits after the decimal point")),
    ("[1e]", .unexpected(offset: 3, expected: "exponent digits")),
    ("[+1]", .unexpected(offset: 1, expected: "a value")),
    ("tru", .unexpected(offset: 0, expected: "true")),
    ("\"abc", .unexpected(offset: 4, expected: "a closing quote")),
    ("\"a\u{1}\"", .unexpected(offset: 2, expected: "an escaped control character")),
    ("\"\\x\"", .unexpected(offset: 2, expected: "an escape (\\\" \\\\ / b f n r t u)")),
    ("\"\\ud83d\"", .unexpected(offset: 7, expected: "the second half of a surrogate pair")),
    ("\"\\u12G4\"", .unexpected(offset: 3, expected: "four hexadecimal digits")),
    ("[1] [2]", .unexpected(offset: 4, expected: "the end of the text")),
  ])
  func malformed(text: String, error: JSONParseError) {
    #expect(throws: error) { try parse(text) }
  }

  @Test("nesting is limited, so hostile input cannot exhaust the stack")
  func nesting() throws {
    let deep = String(repeating: "[", count: 100_000)
    #expect(throws: JSONParseError.tooDeep(offset: JSONValue.maximumNesting)) { try parse(deep) }
    let fine = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
    #expect(try parse(fine) != .null)
  }

  @Test("invalid UTF-8 inside a string is an error")
  func invalidUTF8() {
    #expect(throws: JSONParseError.unexpected(offset: 0, expected: "UTF-8 text in the string")) {
      try JSONValue(parsing: [UInt8(ascii: "\""), 0xFF, 0xFE, 0x41, UInt8(ascii: "\"")])
    }
  }
}
