/// A well-formed command line the CLI still cannot carry out; printed as one line, exit 1.
enum CommandError: Error, CustomStringConvertible {
  case invalidChoice(option: String, value: String, allowed: [String])
  case badQuery(line: Int, reason: String)
  case unsupportedDataset(String, supported: String)
  case emptyShard(runs: Int, shard: String)
  case mergeMismatch(folder: String, reason: String)

  var description: String {
    switch self {
    case .invalidChoice(let option, let value, let allowed):
      "--\(option) '\(value)' is not allowed: choose one of \(allowed.joined(separator: ", "))"
    case .badQuery(let line, let reason):
      "query line \(line): \(reason)"
    case .emptyShard(let runs, let shard): "shard \(shard) of \(runs) runs is empty; use fewer shards"
    case .mergeMismatch(let folder, let reason): "cannot merge \(folder): \(reason)"
    case .unsupportedDataset(let dataset, let supported):
      "this command does not support dataset \(dataset); it supports \(supported)"
    }
  }
}
