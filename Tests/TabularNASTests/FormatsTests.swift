import Foundation
import Testing
@testable import TabularNAS

@Suite("Export formats")
struct FormatsTests {
  @Test("JSON escapes strings, keeps key order and writes non-finite numbers as null")
  func json() throws {
    let value = JSONValue.object([
      .init("b", .string("quote \" slash \\ line\n tab\t bell\u{7}")), .init("a", .array([.number(0.1), .number(.nan), .integer(3), .bool(true), .null])),
    ])
    #expect(value.text == #"{"b": "quote \" slash \\ line\n tab\t bell\u0007", "a": [0.1, null, 3, true, null]}"#)
    let parsed = try #require(try JSONSerialization.jsonObject(with: Data(value.text.utf8)) as? [String: Any])
    #expect(parsed["b"] as? String == "quote \" slash \\ line\n tab\t bell\u{7}")
  }

  @Test("doubles print in the shortest form that reads back exactly")
  func doubles() {
    for value in [0.1, 1e-5, 85.43, 591.5523445864036, 1e300, -0.0] {
      #expect(Double(JSONValue.number(value).text) == value)
    }
  }

  @Test("CSV quotes only fields that need it")
  func csv() {
    var writer = CSVWriter()
    writer.writeRow(["plain", "a,b", "say \"hi\"", "two\nlines"])
    #expect(writer.text == "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\n")
  }

  @Test("exports never overwrite an existing file")
  func noOverwrite() throws {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("tabnas-\(UUID().uuidString).json").path
    defer { try? FileManager.default.removeItem(atPath: path) }
    try writeNewFile(Array("first".utf8), to: path)
    #expect(throws: ExportError.fileExists(path: path)) { try writeNewFile(Array("second".utf8), to: path) }
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "first")
    #expect(throws: ExportError.self) { try writeNewFile(Array("x".utf8), to: "/nonexistent-dir/file.json") }
  }
}
