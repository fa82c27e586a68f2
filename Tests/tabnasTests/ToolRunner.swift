import Foundation
@testable import tabnas

/// Runs the CLI in-process on injected arguments and captures what it prints.
func runTool(_ words: [String]) -> (status: Int32, output: String, error: String) {
  final class Capture: @unchecked Sendable {
    private let lock = NSLock()
    private var storage = ""
    func append(_ text: String) { lock.withLock { storage += text } }
    var text: String { lock.withLock { storage } }
  }
  let output = Capture(), error = Capture()
  let status = TabNAS.run(words, console: Console(output: output.append, error: error.append))
  return (status, output.text, error.text)
}

/// The real data folder: `TABNAS_DATA`, else `../shared/data` beside the repository.
let realData: String? = {
  if let folder = ProcessInfo.processInfo.environment["TABNAS_DATA"] { return folder }
  let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  let sibling = root.appendingPathComponent("shared/data").path
  return FileManager.default.fileExists(atPath: sibling + "/baker") ? sibling : nil
}()
