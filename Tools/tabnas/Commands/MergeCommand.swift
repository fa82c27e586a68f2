import Baselines
import Foundation
import TabularNAS

/// `tabnas merge`: joins the summaries of `tabnas search --shard` folders into one.
struct MergeCommand: Command {
  static let name = "merge"
  static let abstract = "Join the shards of a search into one summary."
  static let usage = """
    usage: tabnas merge DIR... [--out DIR] [--json]

    Reads each folder's summary.json (written by 'tabnas search --shard K/N --out DIR'),
    checks that they come from the same search (algorithm, dataset, budget, seed, run count)
    and together cover every run exactly once, and prints the merged summary — the same as
    one unsharded search. With --out, also writes it to DIR/summary.json (never overwritten).

    options:
      --out DIR              folder for the merged summary.json
      --json                 print JSON instead of text
      --help                 show this help
    """

  /// The fields that must agree between shards.
  static let sharedFields = ["algorithm", "dataset", "budget", "cost_unit", "seed", "final_epochs", "direction", "total_runs", "dataset_best"]

  var folders: [String]
  var out: String?
  var json: Bool

  init(parsing arguments: inout Arguments) throws {
    out = try arguments.option("out")
    json = arguments.flag("json")
    folders = []
    while let folder = arguments.positional() { folders.append(folder) }
    guard !folders.isEmpty else { throw UsageError.missingOption("folder (DIR...)") }
  }

  func run(console: Console) throws {
    var reference: JSONValue?
    var runs: [Int: (final: Double, cost: Double, configurations: Int)] = [:]
    for folder in folders {
      let path = folder + "/summary.json"
      let summary: JSONValue
      do {
        summary = try JSONValue(parsing: Array(try Data(contentsOf: URL(fileURLWithPath: path))))
      } catch let error as JSONParseError {
        throw CommandError.mergeMismatch(folder: folder, reason: "\(path): \(error)")
      } catch {
        throw DatasetFileError.missing(path: path)
      }
      guard case .integer(let first)? = summary["first_run"], case .array(let finals)? = summary["finals"],
        case .array(let costs)? = summary["costs"], case .array(let counts)? = summary["configurations"],
        costs.count == finals.count, counts.count == finals.count
      else {
        throw CommandError.mergeMismatch(
          folder: folder, reason: "summary.json lacks first_run or per-run finals, costs and configurations; rerun the search")
      }
      if let reference {
        for field in Self.sharedFields where summary[field] != reference[field] {
          throw CommandError.mergeMismatch(folder: folder, reason: "its \(field) differs from \(folders[0])'s")
        }
      } else {
        reference = summary
      }
      for offset in finals.indices {
        guard runs[first + offset] == nil else {
          throw CommandError.mergeMismatch(folder: folder, reason: "run \(first + offset) appears twice")
        }
        runs[first + offset] = (finals[offset].number ?? .nan, costs[offset].number ?? .nan, counts[offset].integer ?? 0)
      }
    }
    guard let reference, case .integer(let total)? = reference["total_runs"], case .number(let best)? = reference["dataset_best"],
      case .string(let directionName)? = reference["direction"], let direction = MetricDirection(rawValue: directionName)
    else { throw CommandError.mergeMismatch(folder: folders[0], reason: "summary.json lacks total_runs, dataset_best or direction") }
    if let missing = (0..<total).first(where: { runs[$0] == nil }) {
      throw CommandError.mergeMismatch(folder: folders.joined(separator: ", "), reason: "run \(missing) of \(total) is in no shard")
    }
    let ordered = (0..<total).compactMap { runs[$0] }
    let summary = SearchSummary(
      finals: ordered.map(\.final), costs: ordered.map(\.cost), configurationCounts: ordered.map(\.configurations),
      datasetBest: best, direction: direction)
    // The same fields in the same order as an unsharded search's summary.
    let header = reference.members.filter { Self.sharedFields.contains($0.key) && $0.key != "dataset_best" }
    let document = JSONValue.object(header + [.init("first_run", .integer(0))] + summary.json.members)
    if let out {
      try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
      try writeNewFile(Array(document.text.utf8), to: out + "/summary.json")
    }
    console.print(json ? document.text : "merged \(folders.count) shards: \(total) runs, mean \(summary.mean) ± \(summary.standardError), regret \(summary.meanRegret)")
  }
}
