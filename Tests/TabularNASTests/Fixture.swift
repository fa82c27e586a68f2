import Foundation
import Testing

/// Test fixtures committed under `Tests/TabularNASTests/Fixtures`.
enum Fixture {
  /// The text of a fixture file.
  static func text(_ name: String) throws -> String {
    let url = try #require(Bundle.module.url(forResource: "Fixtures/" + name, withExtension: nil))
    return try String(contentsOf: url, encoding: .utf8)
  }

  /// The bytes of a fixture file.
  static func bytes(_ name: String) throws -> [UInt8] {
    let url = try #require(Bundle.module.url(forResource: "Fixtures/" + name, withExtension: nil))
    return Array(try Data(contentsOf: url))
  }

  /// The 1,011 cell codes of NAS-HPO-Bench-II's training list.
  static func trainedCellCodes() throws -> [String] {
    try text("acml12-cellcodes.txt").split(separator: "\n")
      .filter { !$0.hasPrefix("#") }
      .flatMap { line -> [String] in
        let words = line.split(separator: " ")
        return words.dropFirst().map { "\(words[0])|\($0)" }
      }
  }
}
