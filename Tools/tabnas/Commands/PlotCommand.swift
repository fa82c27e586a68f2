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
      let label = report?.algorithm ?? (path as NSString).lastPathComponent
      series.append(TrajectoryPlot.Series(label: label, runs: runs.map { Array(zip($0.totalCosts, $0.bestValues)) }))
    }
    let plot = TrajectoryPlot(
      series: series, costLabel: "cumulative cost (\(costUnit))", valueLabel: "best validation value so far",
      title: title ?? dataset)
    try writeNewFile(Array(plot.svg.utf8), to: out)
    console.print("wrote \(out): \(series.map { "\($0.label) (\($0.runs.count) runs)" }.joined(separator: ", "))")
  }
}
