/// A search setting the dataset cannot honour.
public enum SearchError: Error, Equatable, CustomStringConvertible {
  /// Hyperband's R is not an epoch of the dataset.
  case maximumEpochsOutOfRange(Int, allowed: ClosedRange<Int>)
  /// The dataset has no trained epoch (its only curve column is the untrained network), so
  /// nothing can be trained partially.
  case noTrainedEpochs(algorithm: String, epochs: ClosedRange<Int>)
  /// A budget no run can spend: more than training every configuration fully, many times over.
  case budgetUnreachable(Double, maximum: Double, unit: String)

  /// What was wrong and what is allowed.
  public var description: String {
    switch self {
    case .maximumEpochsOutOfRange(let epochs, let allowed):
      "maximum epochs R = \(epochs) is outside the dataset's epochs \(allowed.lowerBound)…\(allowed.upperBound)"
    case .noTrainedEpochs(let algorithm, let epochs):
      "\(algorithm) trains configurations partially, but the dataset's only epoch is \(epochs.lowerBound)…\(epochs.upperBound) "
        + "(the untrained network): use random search or evolution"
    case .budgetUnreachable(let budget, let maximum, let unit):
      "budget \(budget) \(unit) cannot be spent: it exceeds \(maximum) \(unit), training every configuration fully "
        + "\(SearchRunner.budgetMultiple) times; choose a smaller budget, or bound Hyperband by --iterations"
    }
  }
}
