import Foundation
@testable import TabularNAS

/// A temporary folder of small text files written by a test and removed afterwards.
struct TemporaryFiles {
  let folder: String

  init() throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("tabnas-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  }

  /// Writes a file and returns its path.
  @discardableResult
  func write(_ name: String, _ text: String) throws -> String {
    let path = folder + "/" + name
    try writeNewFile(Array(text.utf8), to: path)
    return path
  }

  func remove() { try? FileManager.default.removeItem(atPath: folder) }
}
