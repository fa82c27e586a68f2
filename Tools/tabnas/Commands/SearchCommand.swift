import Baselines
import Foundation
import TabularNAS

/// `tabnas search`: many runs of a baseline search on any dataset, with per-run results and a
/// summary.
struct SearchCommand: Command {
  static let name = "search"
  static let abstract = "Run a baseline search many times; write per-run results and a summary."
  static let usage = """
    usage: tabnas search \(SearchAlgorithm.allCases.map(\.rawValue).joined(separator: "|")) [--dataset NAME] [--data PATH]
                         [--budget B | --budget-time T | --trials K] [--workers N] [--overhead D]
                         [--runs N] [--seed S] [--jobs N] [--shard K/N] [--out DIR]
                         [--format json|pickle] [--json] [algorithm settings]

    Runs the search --runs times (run i from a seed derived from --seed and i, so results do
    not depend on --jobs) while each run's total cost stays below --budget, in the dataset's
    cost unit (NAS-HPO-Bench-II: seconds; learning curves: epochs unless --cost says
    otherwise), or on --workers simulated workers until a budget of cost, simulated time or
    trials. Prints the summary: mean, standard error and quantiles of the final values
    and the regret against the dataset's best. With --out, writes seed{i}.json (or .pkl, the
    reference baselines' get_results dict) per run and summary.json; files are never
    overwritten.

    algorithms:
    \(SearchAlgorithm.allCases.map(Self.algorithmUsage).joined(separator: "\n"))

    \(WorkerOptions.usage)

    options:
      --runs N               number of runs (default 500)
      --seed S               base seed (default 0)
      --jobs N               threads (default: all cores)
      --shard K/N            only the K-th of N equal blocks of runs (K from 1), to spread a
                             run set over machines; join the folders with 'tabnas merge'
      --out DIR              folder for per-run files and summary.json (created if absent)
      --format F             per-run files as json (default) or pickle

    \(SearchSettingOptions.usage)

    \(DatasetOptions.usage)
      --help                 show this help
    """

  /// One algorithm's help, its name in a column beside the text.
  static func algorithmUsage(_ algorithm: SearchAlgorithm) -> String {
    algorithm.help.split(separator: "\n").enumerated().map { line, text in
      "  " + (line == 0 ? algorithm.rawValue : "").padding(toLength: 23, withPad: " ", startingAt: 0) + text
    }.joined(separator: "\n")
  }

  /// The most runs one command takes (more belong in shards on several machines).
  static let maximumRuns = 1_000_000

  var algorithm: SearchAlgorithm
  var workers: WorkerOptions
  var runs: Int
  var seed: UInt64
  var jobs: Int
  var shard: (index: Int, count: Int)?
  var out: String?
  var format: SearchResultsFolder.Format
  var dataset: DatasetOptions
  var settings: SearchSettings

  init(parsing arguments: inout Arguments) throws {
    guard let name = arguments.positional() else { throw UsageError.missingOption("algorithm (\(SearchAlgorithm.names))") }
    guard let algorithm = SearchAlgorithm(rawValue: name) else {
      throw UsageError.invalidValue(option: "algorithm", value: name, expected: SearchAlgorithm.names)
    }
    self.algorithm = algorithm
    workers = try WorkerOptions(parsing: &arguments)
    runs =
      try arguments.option("runs", as: { OptionValue.positiveInteger($0, atMost: Self.maximumRuns) }, expecting: "an integer in 1…\(Self.maximumRuns)")
      ?? 500
    seed = try arguments.option("seed", as: { UInt64($0) }, expecting: "a non-negative integer") ?? 0
    jobs =
      try arguments.option("jobs", as: OptionValue.positiveInteger, expecting: "a positive integer")
      ?? ProcessInfo.processInfo.activeProcessorCount
    shard = try arguments.option(
      "shard",
      as: { text in
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map { Int($0) }
        guard parts.count == 2, let index = parts[0], let count = parts[1], (1...Self.maximumRuns).contains(count),
          (1...count).contains(index)
        else { return nil }
        return (index, count)
      }, expecting: "K/N with 1 ≤ K ≤ N ≤ \(Self.maximumRuns)")
    out = try arguments.option("out")
    let formatName = try arguments.option("format") ?? SearchResultsFolder.Format.json.rawValue
    guard let format = SearchResultsFolder.Format(rawValue: formatName) else {
      throw UsageError.invalidValue(option: "format", value: formatName, expected: "json or pickle")
    }
    self.format = format
    if format == .pickle, workers.isSimulated {
      throw UsageError.invalidValue(
        option: "format", value: "pickle", expected: "json with simulated workers (a pickle holds the reference's six keys, no timeline)")
    }
    settings = try SearchSettingOptions.parse(&arguments, for: algorithm)
    dataset = try DatasetOptions(parsing: &arguments)
  }

  func run(console: Console) throws {
    let benchmark = try dataset.open(console: console)
    guard let searchable = benchmark as? any SearchableBenchmark else {
      throw CommandError.unsupportedDataset(dataset.datasetName, supported: "datasets the baselines can search")
    }
    try search(searchable, console: console)
  }

  /// Runs, writes and summarises the search on the chosen dataset.
  private func search<B: SearchableBenchmark>(_ benchmark: B, console: Console) throws {
    let runner = SearchRunner(
      algorithm: algorithm, settings: settings, budget: workers.budget, seed: seed, workers: workers.workers, overhead: workers.overhead)
    let budget = try runner.budget(on: benchmark)
    let indices = shard.map { shard in (runs * (shard.index - 1) / shard.count)..<(runs * shard.index / shard.count) } ?? 0..<runs
    guard !indices.isEmpty else { throw CommandError.emptyShard(runs: runs, shard: "\(shard?.index ?? 0)/\(shard?.count ?? 0)") }
    let folder = out.map(SearchResultsFolder.init(path:))
    let created = try folder?.prepare(runs: indices, format: format) ?? false
    do {
      try search(benchmark, runner: runner, budget: budget, indices: indices, folder: folder, console: console)
    } catch {
      // A failed search leaves no trace: not even the folder it created.
      if created, let out { try? FileManager.default.removeItem(atPath: out) }
      throw error
    }
  }

  private func search<B: SearchableBenchmark>(
    _ benchmark: B, runner: SearchRunner, budget: WorkerBudget, indices: Range<Int>, folder: SearchResultsFolder?,
    console: Console
  ) throws {
    let progress = ProgressBar(total: runs)
    let results = try runner.run(on: benchmark, budget: budget, runs: indices, jobs: jobs, progress: progress.update)
    progress.finish()
    let summary = SearchSummary(
      results: results.map(\.results), datasetBest: try SearchSummary.best(of: benchmark), direction: benchmark.direction)
    let timelines = results.compactMap(\.timeline)
    let report = SearchReport(
      algorithm: runner.label, dataset: benchmark.label, budget: budget.amount, costUnit: benchmark.costUnit, seed: seed,
      finalEpochs: benchmark.finalEpochs, finalValueName: benchmark.finalValueName, metricName: benchmark.metricName,
      direction: benchmark.direction, totalRuns: runs, firstRun: indices.lowerBound,
      summary: summary,
      workers: timelines.isEmpty ? nil : WorkerSummary(timelines: timelines, budget: budget, overhead: runner.overhead))
    try folder?.write(runs: Array(zip(indices, results)), format: format, report: report)
    if dataset.json {
      console.print(report.json.text)
      return
    }
    for line in report.textLines { console.print(line) }
    if let note = earlyStoppingNote(maximumConfigurations: summary.configurationCounts.max() ?? 0) { console.print(note) }
    if let out { console.print("wrote          \(indices.count) runs and summary.json to \(out)") }
  }

  /// Why an early-stopping search stopped nothing, when its runs were too short for its models.
  private func earlyStoppingNote(maximumConfigurations tried: Int) -> String? {
    switch algorithm {
    case .earlyStoppingRandom, .earlyStoppingEvolution:
      let needed = settings.fullyTrained ?? SearchSettings.defaultFullyTrained
      guard tried <= needed else { return nil }
      return "note           no run stopped anything: the models are fitted after \(needed) configurations train "
        + "fully, and no run tried more than \(tried) (raise --budget or lower --fully-trained)"
    case .fastHyperband:
      let needed = settings.burnIn ?? SearchSettings.defaultBurnIn
      guard tried < needed else { return nil }
      return "note           these runs equal Hyperband's: a rung's models are fitted after \(needed) configurations "
        + "reach it, and no run tried more than \(tried) (raise --budget or --iterations, or lower --burn-in)"
    default: return nil
    }
  }
}
