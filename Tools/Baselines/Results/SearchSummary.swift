import TabularNAS

/// Final values over many runs: mean, standard error, quantiles, and regret against the best
/// configuration of the dataset; and what the runs spent: total cost and distinct
/// configurations.
public struct SearchSummary: Sendable, Equatable {
  /// The first final value of each run (NAS-HPO-Bench-II: 12-epoch test accuracy).
  public let finals: [Double]
  /// The total cost of each run.
  public let costs: [Double]
  /// The number of distinct configurations each run queried.
  public let configurationCounts: [Int]
  /// The mean.
  public let mean: Double
  /// The standard error of the mean.
  public let standardError: Double
  /// Minimum, 25 %, median, 75 %, maximum.
  public let quantiles: [Double]
  /// The best first final value over every configuration of the dataset.
  public let datasetBest: Double
  /// How far the mean is from the dataset's best, in the worse direction (≥ 0).
  public let meanRegret: Double
  /// The mean total cost of a run.
  public let meanCost: Double
  /// The standard error of ``meanCost``.
  public let costStandardError: Double
  /// The mean number of distinct configurations a run queried.
  public var meanConfigurationCount: Double {
    Double(configurationCounts.reduce(0, +)) / Double(max(configurationCounts.count, 1))
  }

  /// Summarises runs.
  ///
  /// - Precondition: at least one run.
  public init<Key>(results: [TrajectoryResults<Key>], datasetBest: Double, direction: MetricDirection) {
    self.init(
      finals: results.map { $0.finalValues.first ?? .nan }, costs: results.map { $0.totalCosts.last ?? 0 },
      configurationCounts: results.map { Set($0.keys).count }, datasetBest: datasetBest, direction: direction)
  }

  /// Summarises runs as their files hold them.
  ///
  /// - Precondition: at least one run.
  public init<Key>(results: [SearchRunResults<Key>], datasetBest: Double, direction: MetricDirection) {
    self.init(results: results.map(\.results), datasetBest: datasetBest, direction: direction)
  }

  /// Summarises per-run final values, costs and configuration counts (e.g. merged from shards).
  ///
  /// - Precondition: at least one run, and one cost and count per final value.
  public init(finals: [Double], costs: [Double], configurationCounts: [Int], datasetBest: Double, direction: MetricDirection) {
    precondition(!finals.isEmpty, "a summary needs at least one run")
    precondition(costs.count == finals.count && configurationCounts.count == finals.count, "one cost and count per run")
    self.finals = finals
    self.costs = costs
    self.configurationCounts = configurationCounts
    (meanCost, costStandardError) = Metrics.meanAndStandardError(costs)
    let sorted = finals.sorted()
    (mean, standardError) = Metrics.meanAndStandardError(finals)
    quantiles = [0, 0.25, 0.5, 0.75, 1].map { fraction in
      let position = fraction * Double(sorted.count - 1)
      let low = Int(position.rounded(.down)), high = Int(position.rounded(.up))
      return sorted[low] + (sorted[high] - sorted[low]) * (position - Double(low))
    }
    self.datasetBest = datasetBest
    // No run can beat the dataset's best; a negative regret is rounding in the mean.
    meanRegret = max(0, direction == .higherIsBetter ? datasetBest - mean : mean - datasetBest)
  }

  /// The best first final value over a dataset's configurations.
  public static func best<B: TabularBenchmark>(of benchmark: B) throws -> Double {
    try benchmark.bestConfiguration { try benchmark.finalValues(of: $0).first ?? .nan }?.value ?? .nan
  }

  /// The summary as JSON.
  public var json: JSONValue {
    .object([
      .init("runs", .integer(finals.count)), .init("mean", .number(mean)), .init("standard_error", .number(standardError)),
      .init("quantiles", .object(zip(["min", "q25", "median", "q75", "max"], quantiles).map { .init($0, .number($1)) })),
      .init("dataset_best", .number(datasetBest)), .init("mean_regret", .number(meanRegret)),
      .init("mean_cost", .number(meanCost)), .init("cost_standard_error", .number(costStandardError)),
      .init("mean_configurations", .number(meanConfigurationCount)),
      .init("finals", .array(finals.map(JSONValue.number))), .init("costs", .array(costs.map(JSONValue.number))),
      .init("configurations", .array(configurationCounts.map(JSONValue.integer))),
    ])
  }
}
