/// A results folder that cannot be written, read or merged; each case names the folder.
public enum ResultsFolderError: Error, Equatable, Sendable, CustomStringConvertible {
  /// `summary.json` is missing.
  case missingSummary(path: String)
  /// `summary.json` is not a search's summary.
  case malformedSummary(path: String, reason: String)
  /// A per-run file cannot be read.
  case malformedRun(path: String, reason: String)
  /// The folder holds no per-run files.
  case noRuns(folder: String)
  /// The folder's run files disagree with its summary.
  case runCountMismatch(folder: String, files: Int, summary: Int)
  /// Shards that cannot form one search.
  case mismatch(folder: String, reason: String)
  /// Nothing to merge.
  case noShards

  /// What is wrong.
  public var description: String {
    switch self {
    case .missingSummary(let path): "cannot read \(path): no such file (was the folder written by 'tabnas search --out'?)"
    case .malformedSummary(let path, let reason): "cannot read \(path): \(reason)"
    case .malformedRun(let path, let reason): "cannot read \(path): \(reason)"
    case .noRuns(let folder): "cannot read \(folder): no seed*.json or seed*.pkl results"
    case .runCountMismatch(let folder, let files, let summary):
      "cannot read \(folder): it holds \(files) run files, but its summary.json reports \(summary) runs"
    case .mismatch(let folder, let reason): "cannot merge \(folder): \(reason)"
    case .noShards: "nothing to merge: name at least one folder"
    }
  }
}
