import Foundation
import TabularNAS

/// The folder a search writes (`tabnas search --out DIR`): one `seed{i}.json` (or `.pkl`, the
/// reference baselines' `get_results` dict; it has no room for a simulated-workers timeline)
/// per run and a `summary.json` report. This type
/// writes, reads and validates it; nothing in it is ever overwritten.
public struct SearchResultsFolder: Sendable {
  /// How per-run files are written.
  public enum Format: String, CaseIterable, Sendable {
    /// `seed{i}.json`: `get_results` with `final_epochs` and `dataset`.
    case json
    /// `seed{i}.pkl`: exactly the reference's six keys.
    case pickle

    /// The file extension.
    var fileExtension: String { self == .json ? "json" : "pkl" }
  }

  /// The folder's path.
  public let path: String

  /// Names a folder (nothing is read or created yet).
  public init(path: String) { self.path = path }

  /// The summary's path.
  public var summaryPath: String { path + "/summary.json" }

  /// The per-run file of run `index`.
  public func runFileName(_ index: Int, format: Format) -> String { "seed\(index).\(format.fileExtension)" }

  /// Checks, before any work, that the folder can take a search's files, and creates it: the
  /// path must be a folder or absent, and none of the files may exist yet.
  ///
  /// - Returns: Whether the folder was created (so a failed search can remove it again).
  /// - Throws: ``ResultsFolderError/cannotCreate(path:reason:)``, or ``ExportError/fileExists(path:)``
  ///   naming the first file that exists.
  @discardableResult
  public func prepare(runs: Range<Int>, format: Format) throws -> Bool {
    var created = false
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
      guard isFolder.boolValue else { throw ResultsFolderError.cannotCreate(path: path, reason: "a file, not a folder, is there") }
      for name in runs.map({ runFileName($0, format: format) }) + ["summary.json"]
      where FileManager.default.fileExists(atPath: path + "/" + name) {
        throw ExportError.fileExists(path: path + "/" + name)
      }
    } else {
      try create()
      created = true
    }
    guard FileManager.default.isWritableFile(atPath: path) else {
      throw ResultsFolderError.cannotCreate(path: path, reason: "the folder is not writable")
    }
    return created
  }

  /// Creates the folder (and its parents) if needed.
  ///
  /// - Throws: ``ResultsFolderError/cannotCreate(path:reason:)`` naming the cause.
  public func create() throws {
    do {
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    } catch {
      throw ResultsFolderError.cannotCreate(path: path, reason: blockingAncestor().map { "permission denied: \($0) is not writable" } ?? Self.reason(error))
    }
  }

  /// The nearest existing folder above the path, when it cannot be written to.
  private func blockingAncestor() -> String? {
    var folder = (path as NSString).deletingLastPathComponent
    while !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) { folder = (folder as NSString).deletingLastPathComponent }
    let existing = folder.isEmpty ? "." : folder
    return FileManager.default.isWritableFile(atPath: existing) ? nil : existing
  }

  /// The POSIX cause of a Foundation file error, in words.
  static func reason(_ error: any Error) -> String {
    let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
    if let code = underlying.map(\.code) ?? ((error as NSError).domain == NSPOSIXErrorDomain ? (error as NSError).code : nil) {
      return String(cString: strerror(Int32(code)))
    }
    return (error as NSError).code == NSFileWriteFileExistsError ? "a file is in the way" : "the folder cannot be created"
  }

  /// Writes each run's results as `seed{index}` and then the report. Everything is written to a
  /// hidden staging folder first and linked into place only when all of it is written, so a
  /// failed or interrupted search leaves no half-written folder; nothing is ever overwritten.
  ///
  /// - Throws: ``ExportError`` when a file exists or cannot be written (nothing is left then).
  public func write<Key>(runs: [(index: Int, results: SearchRunResults<Key>)], format: Format, report: SearchReport) throws {
    let staging = path + "/.partial-\(UUID().uuidString)"
    try SearchResultsFolder(path: staging).create()
    defer { try? FileManager.default.removeItem(atPath: staging) }
    var files: [(name: String, bytes: [UInt8])] = runs.map { index, results in
      (runFileName(index, format: format), format == .pickle ? results.results.pickleBytes : Array(results.json.text.utf8))
    }
    files.append(("summary.json", Array(report.json.text.utf8)))
    for file in files { try writeNewFile(file.bytes, to: staging + "/" + file.name) }
    var placed: [String] = []
    for file in files {
      // link(2) refuses an existing name, so even a file created meanwhile is never replaced.
      guard link(staging + "/" + file.name, path + "/" + file.name) == 0 else {
        let reason = String(cString: strerror(errno))
        for name in placed { unlink(path + "/" + name) }
        if FileManager.default.fileExists(atPath: path + "/" + file.name) { throw ExportError.fileExists(path: path + "/" + file.name) }
        throw ExportError.cannotWrite(path: path + "/" + file.name, reason: reason)
      }
      placed.append(file.name)
    }
  }

  /// Writes `summary.json`.
  ///
  /// - Throws: ``ExportError`` when it exists or cannot be written.
  public func writeReport(_ report: SearchReport) throws {
    try writeNewFile(Array(report.json.text.utf8), to: summaryPath)
  }

  /// Reads `summary.json`.
  ///
  /// - Throws: ``ResultsFolderError``.
  public func readReport() throws -> SearchReport {
    guard let data = FileManager.default.contents(atPath: summaryPath) else {
      throw ResultsFolderError.missingSummary(path: summaryPath)
    }
    let json: JSONValue
    do {
      json = try JSONValue(parsingFile: Array(data))
    } catch {
      throw ResultsFolderError.malformedSummary(path: summaryPath, reason: "\(error)")
    }
    return try SearchReport(json: json, path: summaryPath)
  }

  /// The per-run files, sorted by name.
  ///
  /// - Throws: ``ResultsFolderError/noRuns(folder:)`` when there are none.
  public func runFiles() throws -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
    let files = names.filter { $0.hasPrefix("seed") && ($0.hasSuffix(".json") || $0.hasSuffix(".pkl")) }.sorted()
    guard !files.isEmpty else { throw ResultsFolderError.noRuns(folder: path) }
    return files
  }

  /// Reads every run's results, whatever the dataset (keys as written); with the folder's
  /// report, checks that exactly its runs are there.
  ///
  /// - Throws: ``ResultsFolderError`` for a missing or unreadable file, or run files that
  ///   differ from the report's runs (naming the missing or extra ones).
  public func readRuns(checkedAgainst report: SearchReport? = nil) throws -> [SearchRunResults<ExportedKey>] {
    let files = try runFiles()
    if let report {
      let expected = (report.firstRun..<(report.firstRun + report.summary.finals.count)).map { "seed\($0)" }
      let found = files.map { String($0.prefix(upTo: $0.lastIndex(of: ".") ?? $0.endIndex)) }
      let missing = expected.filter { !found.contains($0) }, extra = found.filter { !expected.contains($0) }
      guard missing.isEmpty, extra.isEmpty, found.count == expected.count else {
        throw ResultsFolderError.runFilesMismatch(folder: path, missing: missing, extra: extra, summary: expected.count)
      }
    }
    return try files.map { name in
      let file = path + "/" + name
      guard let data = FileManager.default.contents(atPath: file) else {
        throw ResultsFolderError.malformedRun(path: file, reason: "cannot be read")
      }
      do {
        if name.hasSuffix(".pkl") { return SearchRunResults(results: try TrajectoryResults(pickleBytes: Array(data))) }
        return try SearchRunResults(json: JSONValue(parsingFile: Array(data)))
      } catch {
        throw ResultsFolderError.malformedRun(path: file, reason: "\(error)")
      }
    }
  }
}
