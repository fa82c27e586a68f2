import Baselines
import Foundation
import TabularNAS

/// `tabnas plot`: best-so-far against cumulative cost for search result folders, as an SVG.
struct PlotCommand: Command {
  static let name = "plot"
  static let abstract = "Plot search results: best-so-far vs cost, mean and 95 % band, as SVG."
  static let usage = """
    usage: tabnas plot DIR... --out FIGURE.svg [--title TEXT]

    Reads the per-run results (seed*.json or seed*.pkl) and summary.json of each folder written
    by 'tabnas search --out DIR', and draws one line per folder: the mean best validation value
    so far against the cumulative cost (log axis), with a band for the 95 % interval of the
    mean. The figure is a standalone SVG a browser shows; it is never overwritten.

    options:
      --out FILE             the SVG to write
      --title TEXT           the title (default: the dataset)
      --help                 show this help
    """

  var folders: [String]
  var out: String
  var title: String?

  init(parsing arguments: inout Arguments) throws {
    out = try arguments.required("out")
    title = try arguments.option("title")
    folders = []
    while let folder = arguments.positional() { folders.append(folder) }
    guard !folders.isEmpty else { throw UsageError.missingOption("folder (DIR...)") }
  }

  func run(console: Console) throws {
    var series: [TrajectoryPlot.Series] = []
    var costUnit = "cost", dataset = ""
    for folder in folders {
      let summary = try? JSONValue(parsing: Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/summary.json"))))
      if case .string(let unit)? = summary?["cost_unit"] { costUnit = unit }
      if case .string(let name)? = summary?["dataset"] { dataset = name }
      let label: String = if case .string(let name)? = summary?["algorithm"] { name } else { (folder as NSString).lastPathComponent }
      let files = try FileManager.default.contentsOfDirectory(atPath: folder)
        .filter { $0.hasPrefix("seed") && ($0.hasSuffix(".json") || $0.hasSuffix(".pkl")) }.sorted()
      guard !files.isEmpty else { throw CommandError.mergeMismatch(folder: folder, reason: "no seed*.json or seed*.pkl results") }
      series.append(TrajectoryPlot.Series(label: label, runs: try files.map { try trajectory(folder + "/" + $0) }))
    }
    let plot = TrajectoryPlot(
      series: series, costLabel: "cumulative cost (\(costUnit))", valueLabel: "best validation value so far",
      title: title ?? dataset)
    try writeNewFile(Array(plot.svg.utf8), to: out)
    console.print("wrote \(out): \(series.map { "\($0.label) (\($0.runs.count) runs)" }.joined(separator: ", "))")
  }

  /// One run's (cost, best) pairs from a JSON or pickle result file.
  private func trajectory(_ path: String) throws -> [(cost: Double, best: Double?)] {
    let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    if path.hasSuffix(".pkl") {
      let value = try PickleDecoder().decode(bytes)
      guard case .list(let costs)? = value["total_cost_trans"], case .list(let bests)? = value["best_acc_trans"] else {
        throw CommandError.mergeMismatch(folder: path, reason: "not a get_results pickle")
      }
      return zip(costs, bests).map { ($0.doubleValue ?? 0, $1.doubleValue) }
    }
    let value = try JSONValue(parsing: bytes)
    guard case .array(let costs)? = value["total_cost_trans"], case .array(let bests)? = value["best_acc_trans"] else {
      throw CommandError.mergeMismatch(folder: path, reason: "not a get_results JSON file")
    }
    return zip(costs, bests).map { cost, best in
      let costValue: Double = if case .number(let number) = cost { number } else if case .integer(let number) = cost { Double(number) } else { 0 }
      let bestValue: Double? = if case .number(let number) = best { number } else if case .integer(let number) = best { Double(number) } else { nil }
      return (costValue, bestValue)
    }
  }
}
