import Baselines
import Foundation
import TabularNAS

/// `tabnas search`: many runs of a baseline search on any dataset, with per-run results and a
/// summary.
struct SearchCommand: Command {
  static let name = "search"
  static let abstract = "Run a baseline search many times; write per-run results and a summary."
  static let usage = """
    usage: tabnas search random|evolution|hyperband|f-hyperband|srm-random|srm-evolution [--dataset NAME] [--data PATH] [--budget B] [--runs N]
                         [--seed S] [--jobs N] [--shard K/N] [--out DIR] [--format json|pickle]
                         [--json] [algorithm settings]

    Runs the search --runs times (run i from a seed derived from --seed and i, so results do
    not depend on --jobs) while each run's total cost stays below --budget, in the dataset's
    cost unit (NAS-HPO-Bench-II: seconds; learning curves: epochs unless --cost says
    otherwise). Prints the summary: mean, standard error and quantiles of the final values
    and the regret against the dataset's best. With --out, writes seed{i}.json (or .pkl, the
    reference baselines' get_results dict) per run and summary.json; files are never
    overwritten.

    algorithms:
      random                 uniformly random configurations, fully trained
      evolution              regularized evolution: population 10, sample 3; NAS-HPO-Bench-II
                             mutates one edge, the learning rate or the batch size (as the
                             reference); learning curves move to one of the 8 nearest
                             configurations in standardised feature space
      hyperband              Hyperband (Li et al. 2018), η = 3, R = the full training length;
                             configurations resume training between rounds
      f-hyperband            Hyperband whose rounds stop configurations early by models of the
                             value at the round's epochs (Baker et al. 2018 §4.2.1)
      srm-random             random order with early stopping by sequential regression models
                             (Baker et al. 2018 §4)
      srm-evolution          regularized evolution with the same early stopping; a stopped
                             configuration's fitness is its predicted final value

    options:
      --budget B             cost budget per run (default 20000 for nashpobench2, else 10 ×
                             the longest training; unlimited with --iterations)
      --runs N               number of runs (default 500)
      --seed S               base seed (default 0)
      --jobs N               threads (default: all cores)
      --shard K/N            only the K-th of N equal blocks of runs (K from 1), to spread a
                             run set over machines; join the folders with 'tabnas merge'
      --out DIR              folder for per-run files and summary.json (created if absent)
      --format F             per-run files as json (default) or pickle

    \(SearchSettings.usage)

    \(DatasetOptions.usage)
      --help                 show this help
    """

  var algorithm: String
  var budget: Double?
  var runs: Int
  var seed: UInt64
  var jobs: Int
  var shard: (index: Int, count: Int)?
  var out: String?
  var format: String
  var dataset: DatasetOptions
  var settings: SearchSettings

  init(parsing arguments: inout Arguments) throws {
    guard let algorithm = arguments.positional() else {
      throw UsageError.missingOption("algorithm (random, evolution, hyperband, f-hyperband, srm-random or srm-evolution)")
    }
    guard ["random", "evolution", "hyperband", "f-hyperband", "srm-random", "srm-evolution"].contains(algorithm) else {
      throw UsageError.invalidValue(option: "algorithm", value: algorithm, expected: "random, evolution, hyperband, f-hyperband, srm-random or srm-evolution")
    }
    self.algorithm = algorithm
    budget = try arguments.option("budget", as: { Double($0).flatMap { $0 > 0 ? $0 : nil } }, expecting: "a positive number")
    runs = try arguments.option("runs", as: OptionValue.positiveInteger, expecting: "a positive integer") ?? 500
    seed = try arguments.option("seed", as: { UInt64($0) }, expecting: "a non-negative integer") ?? 0
    jobs =
      try arguments.option("jobs", as: OptionValue.positiveInteger, expecting: "a positive integer")
      ?? ProcessInfo.processInfo.activeProcessorCount
    shard = try arguments.option(
      "shard",
      as: { text in
        let parts = text.split(separator: "/").compactMap { Int($0) }
        return parts.count == 2 && parts[1] >= 1 && (1...parts[1]).contains(parts[0]) ? (parts[0], parts[1]) : nil
      }, expecting: "K/N with 1 ≤ K ≤ N")
    out = try arguments.option("out")
    format = try arguments.option("format") ?? "json"
    guard ["json", "pickle"].contains(format) else {
      throw UsageError.invalidValue(option: "format", value: format, expected: "json or pickle")
    }
    settings = try SearchSettings(parsing: &arguments, algorithm: algorithm)
    dataset = try DatasetOptions(parsing: &arguments)
  }

  func run(console: Console) throws {
    if dataset.isNASHPOBench2 {
      try run(on: try dataset.openNASHPOBench2(), rule: { NASHPOMutation() }, defaultBudget: 20_000, console: console)
    } else {
      let data = try dataset.openLearningCurves()
      let defaultBudget = 10 * (try data.query(data.key(at: 0)).cost ?? Double(data.epochs.upperBound))
      try run(on: data, rule: { try NearestConfigurations(dataset: data) }, defaultBudget: defaultBudget, console: console)
    }
  }

  /// Runs the chosen algorithm on a dataset whose evolution mutates by the rule `makeRule`
  /// builds (only when needed: the nearest-neighbour rule costs O(n²)).
  private func run<Rule: NeighbourRule>(
    on data: Rule.Benchmark, rule makeRule: () throws -> Rule, defaultBudget: Double, console: Console
  ) throws where Rule.Benchmark: LearningCurveBenchmark {
    let budget = budget ?? (settings.iterations == nil ? defaultBudget : .infinity)
    switch algorithm {
    case "random": try execute(UniformRandomSearch<Rule.Benchmark>(), on: data, budget: budget, console: console)
    case "evolution": try execute(settings.evolution(rule: try makeRule()), on: data, budget: budget, console: console)
    case "hyperband": try execute(settings.hyperband() as Hyperband<Rule.Benchmark>, on: data, budget: budget, console: console)
    case "f-hyperband":
      try execute(settings.fastHyperband() as FastHyperband<Rule.Benchmark>, on: data, budget: budget, console: console)
    case "srm-random": try execute(settings.earlyStopping(rule: nil), on: data, budget: budget, console: console)
    default: try execute(settings.earlyStopping(rule: try makeRule()), on: data, budget: budget, console: console)
    }
  }

  /// Runs, writes and summarises one strategy.
  private func execute<S: SearchStrategy>(_ strategy: S, on benchmark: S.Benchmark, budget: Double, console: Console) throws {
    if let out { try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true) }
    let progress = ProgressBar(total: runs)
    let experiment = SearchExperiment(strategy: strategy, budget: budget, seed: seed)
    let indices = shard.map { shard in (runs * (shard.index - 1) / shard.count)..<(runs * shard.index / shard.count) } ?? 0..<runs
    guard !indices.isEmpty else { throw CommandError.emptyShard(runs: runs, shard: "\(shard?.index ?? 0)/\(shard?.count ?? 0)") }
    let results = try experiment.run(on: benchmark, runs: indices, jobs: jobs, progress: progress.update)
    progress.finish()
    let summary = SearchSummary(
      results: results, datasetBest: try SearchSummary.best(of: benchmark), direction: benchmark.direction)
    let header = JSONValue.object([
      .init("algorithm", .string(strategy.name)), .init("dataset", .string(benchmark.label)),
      .init("budget", .number(budget)), .init("cost_unit", .string(benchmark.costUnit)), .init("seed", .integer(Int(seed))),
      .init("final_epochs", .array(benchmark.finalEpochs.map(JSONValue.integer))),
      .init("direction", .string(benchmark.direction.rawValue)), .init("total_runs", .integer(runs)),
      .init("first_run", .integer(indices.lowerBound)),
    ])
    let document = JSONValue.object(header.members + summary.json.members)
    if let out {
      for (index, result) in zip(indices, results) {
        let bytes = format == "pickle" ? result.pickleBytes : Array(result.json.text.utf8)
        try writeNewFile(bytes, to: "\(out)/seed\(index).\(format == "pickle" ? "pkl" : "json")")
      }
      try writeNewFile(Array(document.text.utf8), to: out + "/summary.json")
    }
    if dataset.json {
      console.print(document.text)
    } else {
      console.print("\(strategy.name) on \(benchmark.label): \(indices.count) runs, budget \(budget.isFinite ? "\(budget) \(benchmark.costUnit)" : "unlimited")")
      console.print(
        "final value (epoch \(benchmark.finalEpochs.first ?? 0)): mean \(summary.mean) ± \(summary.standardError) (standard error)")
      console.print("quantiles      min \(summary.quantiles[0]), median \(summary.quantiles[2]), max \(summary.quantiles[4])")
      console.print("regret         \(summary.meanRegret) (dataset best \(summary.datasetBest))")
      console.print(
        "cost           mean \(summary.meanCost) ± \(summary.costStandardError) \(benchmark.costUnit) per run, "
          + "\(summary.meanConfigurationCount) distinct configurations")
      if let out { console.print("wrote          \(indices.count) runs and summary.json to \(out)") }
    }
  }
}
