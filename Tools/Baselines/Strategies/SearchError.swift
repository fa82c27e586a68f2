/// A search setting the dataset cannot honour.
public enum SearchError: Error, Equatable, CustomStringConvertible {
  /// Hyperband's R is not an epoch of the dataset.
  case maximumEpochsOutOfRange(Int, allowed: ClosedRange<Int>)
  /// The dataset has no trained epoch (its only curve column is the untrained network), so
  /// nothing can be trained partially.
  case noTrainedEpochs(algorithm: String, epochs: ClosedRange<Int>)
  /// A budget no run can spend: more than training every configuration fully, many times over.
  case budgetUnreachable(Double, maximum: Double, unit: String)
  /// The search asked its workers to wait while no trial was running, so nothing could ever
  /// tell it a result.
  case stalled(runningTrials: Int)
  /// The search asked a trial to train to epochs it already has.
  case trialNotForward(id: Int, epochs: Int, trained: Int)
  /// A trial was submitted while every worker was busy.
  case noFreeWorker(workers: Int)
  /// A trial was submitted while it was still training.
  case trialRunning(id: Int)
  /// A setting with no meaning on this driver (e.g. measured decision time on a dataset whose
  /// cost is not in seconds).
  case unsupportedSetting(String, reason: String)

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
        + "\(SearchRunner.budgetMultiple) times over all workers; choose a smaller budget, or bound Hyperband by --iterations"
    case .stalled(let running):
      "the search asked its workers to wait while \(running) trials were running: nothing could finish to wake it"
    case .trialNotForward(let id, let epochs, let trained):
      "trial \(id) asked to train to \(epochs) epochs but has trained \(trained) already: a trial must train forward"
    case .noFreeWorker(let workers):
      "all \(workers) workers are busy: wait for a completion before submitting another trial"
    case .trialRunning(let id):
      "trial \(id) is still training: wait for its completion before resuming it"
    case .unsupportedSetting(let setting, let reason):
      "\(setting) cannot be used here: \(reason)"
    }
  }
}
