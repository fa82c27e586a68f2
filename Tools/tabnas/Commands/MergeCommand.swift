import Baselines
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

  var folders: [String]
  var out: String?
  var json: Bool

  init(parsing arguments: inout Arguments) throws {
    out = try arguments.option("out")
    json = try arguments.flag("json")
    folders = []
    while let folder = arguments.positional() { folders.append(folder) }
    guard !folders.isEmpty else { throw UsageError.missingArgument("results folders: name one or more DIR written by 'tabnas search --out DIR'") }
  }

  func run(console: Console) throws {
    let shards = try folders.map { ($0, try SearchResultsFolder(path: $0).readReport()) }
    let merged = try SearchReport.merging(shards)
    if let out {
      let folder = SearchResultsFolder(path: out)
      try folder.create()
      try folder.writeReport(merged)
    }
    console.print(json ? merged.json.text : (["merged \(folders.count) shards:"] + merged.textLines).joined(separator: "\n"))
  }
}
