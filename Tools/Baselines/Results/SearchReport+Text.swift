extension SearchReport {
  /// The report for a terminal: labels in one column, the mean rounded to the digits its
  /// standard error supports and the quantiles and regret alike.
  public var textLines: [String] {
    let (final, alike) = ReadableNumber.measured(summary.mean, summary.standardError)
    let (cost, _) = ReadableNumber.measured(summary.meanCost, summary.costStandardError)
    let budgetText =
      !budget.isFinite ? "unlimited"
      : workers?.budgetKind == "trials" ? "\(ReadableNumber.plain(budget)) trials"
      : "\(ReadableNumber.plain(budget)) \(costUnit)\(workers?.budgetKind == "time" ? " of simulated time" : "")"
    let quantiles = summary.quantiles.map(alike)
    return [
      "\(algorithm) on \(dataset): \(summary.finals.count) runs, budget \(budgetText)",
      "final value    \(final) (mean ± standard error over runs)",
      "               " + (finalValueName.isEmpty ? "the epoch-\(finalEpochs.first ?? 0) value" : finalValueName)
        + " of each run's best configuration" + (metricName.isEmpty ? "" : " by \(metricName)"),
      "quantiles      min \(quantiles[0]), median \(quantiles[2]), max \(quantiles[4])",
      "regret         \(alike(summary.meanRegret)) below the dataset's best \(alike(summary.datasetBest)) by the same measure",
      "cost           \(cost) \(costUnit) per run, \(ReadableNumber.fixed(summary.meanConfigurationCount, decimals: 1)) distinct configurations",
    ] + (workers.map { [$0.textLine(unit: costUnit)] } ?? [])
  }
}
