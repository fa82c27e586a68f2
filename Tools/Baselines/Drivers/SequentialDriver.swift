import TabularNAS

/// The one-worker loop: ask, train, tell, while the run's total cost is below the budget (or
/// the search needs a trial past it), until the search finishes.
public struct SequentialDriver: Sendable {
  /// The total cost to stay below, in the benchmark's cost unit.
  public let budget: Double

  /// Creates a driver.
  public init(budget: Double) { self.budget = budget }

  /// Steps a search to its end and returns the run with its log.
  ///
  /// - Throws: ``SearchError/stalled(waitingTrials:)`` when the search waits with nothing
  ///   running; the search's and the benchmark's errors.
  public func run<Search: AskTellSearch>(_ search: inout Search, on benchmark: Search.Benchmark) throws
    -> BenchmarkRun<Search.Benchmark>
  {
    var run = BenchmarkRun(benchmark: benchmark)
    var progress = TrialProgress()
    while run.totalCost < budget || search.needsTrialPastBudget {
      switch try search.ask() {
      case .finished: return run
      case .wait: throw SearchError.stalled(runningTrials: 0)
      case .train(let trial):
        let trained = try progress.start(trial)
        let result = try run.train(trial.configuration, from: trained, to: trial.epochs)
        let clock = run.totalCost
        try search.tell(
          TrialResult(
            trial: trial, trainedEpochs: trained, value: result.value, cost: result.cost ?? 0, worker: 0,
            start: clock - (result.cost ?? 0), end: clock))
      }
    }
    return run
  }
}
