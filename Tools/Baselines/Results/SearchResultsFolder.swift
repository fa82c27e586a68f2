import Foundation
import TabularNAS

/// The folder a search writes (`tabnas search --out DIR`): one `seed{i}.json` (or `.pkl`, the
/// reference baselines' `get_results` dict) per run and a `summary.json` report. This type
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

  /// Creates the folder if needed.
  ///
  /// - Throws: Foundation's error when it cannot be created.
  public func create() throws {
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  /// Writes each run's results as `seed{index}` and then the report.
  ///
  /// - Throws: ``ExportError`` when a file exists or cannot be written.
  public func write<Key>(runs: [(index: Int, results: TrajectoryResults<Key>)], format: Format, report: SearchReport) throws {
    for (index, results) in runs {
      let bytes = format == .pickle ? results.pickleBytes : Array(results.json.text.utf8)
      try writeNewFile(bytes, to: "\(path)/seed\(index).\(format.fileExtension)")
    }
    try writeReport(report)
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
      json = try JSONValue(parsing: Array(data))
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

  /// Reads every run's results, whatever the dataset (keys as written).
  ///
  /// - Throws: ``ResultsFolderError`` for a missing or unreadable file.
  public func readRuns() throws -> [TrajectoryResults<ExportedKey>] {
    try runFiles().map { name in
      let file = path + "/" + name
      guard let data = FileManager.default.contents(atPath: file) else {
        throw ResultsFolderError.malformedRun(path: file, reason: "cannot be read")
      }
      do {
        if name.hasSuffix(".pkl") { return try TrajectoryResults(pickleBytes: Array(data)) }
        return try TrajectoryResults(json: JSONValue(parsing: Array(data)))
      } catch {
        throw ResultsFolderError.malformedRun(path: file, reason: "\(error)")
      }
    }
  }
}
