import Baselines
import Foundation
import TabularNAS

/// `tabnas plot`: best-so-far against cumulative cost for search result folders, as an SVG.
struct PlotCommand: Command {
  static let name = "plot"
  static let abstract = "Plot search results: best-so-far vs cost, mean and 95 % band, as SVG."
  static let usage = """
    usage: tabnas plot DIR... --out FIGURE.svg [--x cost|time] [--title TEXT]

    Reads the per-run results (seed*.json or seed*.pkl) and summary.json of each folder written
    by 'tabnas search --out DIR', and draws one line per folder: the mean best validation value
    so far against the cumulative cost or the simulated wall-clock time (log axis), with a band
    for the 95 % interval of the mean. The figure is a standalone SVG a browser shows; it is
    never overwritten.

    options:
      --out FILE             the SVG to write
      --x AXIS               cost (default): cumulative cost; time: simulated wall-clock time
                             (folders of searches run with --workers)
      --title TEXT           the title (default: the dataset)
      --help                 show this help
    """

  var folders: [String]
  var out: String
  var title: String?
  var axis: TrajectoryAxis

  init(parsing arguments: inout Arguments) throws {
    out = try arguments.required("out")
    axis = try arguments.option("x", as: TrajectoryAxis.init(rawValue:), expecting: "cost or time") ?? .cost
    title = try arguments.option("title")
    folders = []
    while let folder = arguments.positional() { folders.append(folder) }
    guard !folders.isEmpty else { throw UsageError.missingArgument("results folders: name one or more DIR written by 'tabnas search --out DIR'") }
  }

  func run(console: Console) throws {
    var series: [TrajectoryPlot.Series] = []
    var costUnit = "cost", dataset = ""
    var reports: [SearchReport] = []
    for path in folders {
      let folder = SearchResultsFolder(path: path)
      // The summary is optional (a folder of per-run files plots too), but must agree with them.
      let report = FileManager.default.fileExists(atPath: folder.summaryPath) ? try folder.readReport() : nil
      let runs = try folder.readRuns(checkedAgainst: report)
      if let report {
        // One axis pair: every folder must measure the same metric, in the same cost unit.
        if let first = reports.first {
          for (field, value, expected) in [("dataset", report.dataset, first.dataset), ("cost unit", report.costUnit, first.costUnit)]
          where value != expected {
            throw ResultsFolderError.incompatible(folder: path, field: field, value: value, expected: expected)
          }
        }
        reports.append(report)
        (costUnit, dataset) = (report.costUnit, report.dataset)
      }
      let label =
        (report?.algorithm ?? (path as NSString).lastPathComponent) + (report?.workers.map { ", \($0.workers) workers" } ?? "")
      let trajectories = try runs.map { run in
        guard let trajectory = run.bestSoFar(against: axis) else {
          throw ResultsFolderError.incompatible(
            folder: path, field: "x axis", value: "no simulated time (a sequential search)", expected: "a search run with --workers")
        }
        return trajectory
      }
      series.append(TrajectoryPlot.Series(label: label, runs: trajectories))
    }
    let axisLabel = axis == .cost ? "cumulative cost (\(costUnit))" : "simulated wall-clock time (\(costUnit))"
    let plot = TrajectoryPlot(
      series: series, costLabel: axisLabel, valueLabel: "best validation value so far",
      title: title ?? dataset)
    try writeNewFile(Array(plot.svg.utf8), to: out)
    console.print("wrote \(out): \(series.map { "\($0.label) (\($0.runs.count) runs)" }.joined(separator: ", "))")
  }
}
