/// What a search is told when a trial finishes: the value after its epochs and what this
/// stretch of training cost, with where and when it ran on the (simulated) workers.
public struct TrialResult<Configuration: Hashable & Sendable>: Hashable, Sendable {
  /// The trial as it was asked for.
  public let trial: Trial<Configuration>
  /// The epochs the trial had before (0 for a fresh one); only the epochs after were paid.
  public let trainedEpochs: Int
  /// The metric after ``Trial/epochs``.
  public let value: Double
  /// The cost of training from ``trainedEpochs`` to the trial's epochs.
  public let cost: Double
  /// The worker that ran it (0 for the sequential driver).
  public let worker: Int
  /// The simulated time it started.
  public let start: Double
  /// The simulated time it ended (start + cost).
  public let end: Double

  /// Creates a result.
  public init(trial: Trial<Configuration>, trainedEpochs: Int, value: Double, cost: Double, worker: Int, start: Double, end: Double) {
    self.trial = trial
    self.trainedEpochs = trainedEpochs
    self.value = value
    self.cost = cost
    self.worker = worker
    self.start = start
    self.end = end
  }
}
