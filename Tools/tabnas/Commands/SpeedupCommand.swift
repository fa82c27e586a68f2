import Baselines
import Foundation
import TabularNAS

/// `tabnas speedup`: Baker et al. (2018, §4)'s early-stopping speedups on any dataset with curves.
struct SpeedupCommand: Command {
  static let name = "speedup"
  static let abstract = "Early stopping with sequential regression models: epochs saved (Baker et al. §4)."
  static let usage = """
    usage: tabnas speedup [--dataset NAME] [--deltas 0.9,0.95,0.99] [--margin δ]
                          [--checkpoints 0.05,0.1,0.2,…,0.9] [--fully-trained 50] [--orderings 10]
                          [--model nu-svr-rbf] [--seed S] [--data DIR] [--json]

    Searches every configuration in --orderings random orders. The first --fully-trained train
    fully and fit one model per checkpoint (by default 5 % and every 10 % of the curve); every later one
    stops at a checkpoint once P(final ≤ best so far − δ) ≥ Δ. Prints, per Δ, the speedup in
    epochs over training everything fully (mean ± standard error) and in how many orderings
    the best configuration was still trained fully.

    options:
      --deltas LIST          probability thresholds Δ (default 0.9,0.95,0.99)
      --orderings N          random orders (default 10)
      --seed S               base seed (default 0)
    \(EarlyStoppingOptions.usage)
    \(DatasetOptions.usage)
      --help                 show this help
    """

  var deltas: [Double]
  var earlyStopping: EarlyStoppingOptions
  var orderings: Int
  var seed: UInt64
  var dataset: DatasetOptions

  init(parsing arguments: inout Arguments) throws {
    deltas = try arguments.list("deltas", as: { OptionValue.openFraction(String($0)) }, expecting: "probabilities in (0, 1)") ?? [0.9, 0.95, 0.99]
    earlyStopping = try EarlyStoppingOptions(parsing: &arguments)
    orderings = try arguments.option("orderings", as: { OptionValue.positiveInteger($0, atMost: 10_000) }, expecting: "an integer in 1…10000") ?? 10
    seed = try arguments.option("seed", as: { UInt64($0) }, expecting: "a non-negative integer") ?? 0
    dataset = try DatasetOptions(parsing: &arguments)
  }

  func run(console: Console) throws {
    try report(on: dataset.open(console: console), console: console)
  }

  /// Runs every Δ on a dataset and prints the table (or JSON).
  private func report<B: LearningCurveBenchmark>(on data: B, console: Console) throws {
    let name = data.name
    var settings = SearchSettings()
    earlyStopping.apply(to: &settings)
    let base = settings.earlyStopping(rule: nil) as EarlyStoppingSearch<B>
    let (fullyTrained, model, margin) = (base.fullyTrained, base.family, base.margin)
    var rows: [JSONValue] = []
    if !dataset.json {
      console.print("\(name): \(orderings) orderings, \(fullyTrained) configurations trained fully first, model \(model.rawValue), δ = \(margin)")
      console.print("Δ        speedup (epochs)      stopped        best trained fully")
    }
    for delta in deltas {
      var search = base
      search.threshold = delta
      let results = try EarlyStoppingExperiment(search: search, orderings: orderings, seed: seed).run(on: data)
      let (mean, error) = Metrics.meanAndStandardError(results.map(\.speedup))
      let stopped = results.map { Double($0.stoppedCount) }.reduce(0, +) / Double(results.count)
      let bestFully = results.count { $0.bestTrainedFully }
      rows.append(
        .object([
          .init("delta", .number(delta)), .init("speedup_mean", .number(mean)), .init("speedup_standard_error", .number(error)),
          .init("stopped_mean", .number(stopped)), .init("best_trained_fully", .integer(bestFully)),
          .init("orderings", .integer(results.count)),
        ]))
      if !dataset.json {
        console.print(
          String(format: "%-8.3g %6.2f× ± %-10.2f %8.1f of %d   %d of %d", delta, mean, error, stopped, data.configurationCount, bestFully, results.count))
      }
    }
    if dataset.json {
      console.print(JSONValue.object([.init("dataset", .string(name)), .init("rows", .array(rows))]).text)
    }
  }
}
