/// A results folder that cannot be written, read or merged; each case names the folder.
public enum ResultsFolderError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The folder cannot be created or written.
  case cannotCreate(path: String, reason: String)
  /// `summary.json` is missing.
  case missingSummary(path: String)
  /// `summary.json` is not a search's summary.
  case malformedSummary(path: String, reason: String)
  /// A per-run file cannot be read.
  case malformedRun(path: String, reason: String)
  /// The folder holds no per-run files.
  case noRuns(folder: String)
  /// The folder's run files disagree with its summary.
  case runFilesMismatch(folder: String, missing: [String], extra: [String], summary: Int)
  /// Folders that cannot be drawn or compared together.
  case incompatible(folder: String, field: String, value: String, expected: String)
  /// Shards that cannot form one search.
  case mismatch(folder: String, reason: String)
  /// Nothing to merge.
  case noShards

  /// What is wrong.
  public var description: String {
    switch self {
    case .cannotCreate(let path, let reason): "cannot write results to \(path): \(reason)"
    case .missingSummary(let path): "cannot read \(path): no such file (was the folder written by 'tabnas search --out'?)"
    case .malformedSummary(let path, let reason): "cannot read \(path): \(reason)"
    case .malformedRun(let path, let reason): "cannot read \(path): \(reason)"
    case .noRuns(let folder): "cannot read \(folder): no seed*.json or seed*.pkl results"
    case .runFilesMismatch(let folder, let missing, let extra, let summary):
      "cannot read \(folder): its summary.json reports \(summary) runs, but "
        + [missing.isEmpty ? nil : "\(Self.list(missing)) \(missing.count == 1 ? "is" : "are") missing",
           extra.isEmpty ? nil : "\(Self.list(extra)) \(extra.count == 1 ? "is" : "are") not among them"]
        .compactMap { $0 }.joined(separator: " and ")
    case .incompatible(let folder, let field, let value, let expected):
      "cannot draw \(folder) with the others: its \(field) is '\(value)', theirs '\(expected)'"
    case .mismatch(let folder, let reason): "cannot merge \(folder): \(reason)"
    case .noShards: "nothing to merge: name at least one folder"
    }
  }

  /// The first few names, then how many more.
  private static func list(_ names: [String]) -> String {
    names.count <= 3 ? names.joined(separator: ", ") : names.prefix(3).joined(separator: ", ") + " and \(names.count - 3) more"
  }
}
