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
    for path in folders {
      let folder = SearchResultsFolder(path: path)
      // The summary is optional (a folder of per-run files plots too), but must agree with them.
      let report = FileManager.default.fileExists(atPath: folder.summaryPath) ? try folder.readReport() : nil
      let runs = try folder.readRuns()
      if let report, report.summary.finals.count != runs.count {
        throw ResultsFolderError.runCountMismatch(folder: path, files: runs.count, summary: report.summary.finals.count)
      }
      if let report { (costUnit, dataset) = (report.costUnit, report.dataset) }
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
