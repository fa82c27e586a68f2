import Foundation
import Testing

/// The real data beside the repository: `TABNAS_DATA`, else `../shared/data`.
enum SharedData {
  /// The data folder, or `nil` when neither place has it.
  static let folder: String? = {
    if let folder = ProcessInfo.processInfo.environment["TABNAS_DATA"] { return folder }
    // Tests/TabularNASTests/SharedData.swift → the package root is three levels up.
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let sibling = root.deletingLastPathComponent().appendingPathComponent("shared/data").path
    return FileManager.default.fileExists(atPath: sibling + "/baker") ? sibling : nil
  }()

  /// Why real-data tests are skipped, shown by the test runner.
  static let skipReason: Comment = "real data not found: set TABNAS_DATA or place it at ../shared/data"

  /// Whether a file exists below the data folder.
  static func has(_ relativePath: String) -> Bool {
    folder.map { FileManager.default.fileExists(atPath: $0 + "/" + relativePath) } ?? false
  }
}
