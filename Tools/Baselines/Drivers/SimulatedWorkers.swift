import TabularNAS

/// N workers on a simulated clock: a free worker asks the search for a trial, the trial takes
/// its training cost in simulated time, and results are told in order of completion (equal end
/// times: the lower worker first). A resumed trial pays only its new epochs. With one worker
/// and a cost budget it logs exactly what ``SequentialDriver`` logs.
public struct SimulatedWorkers: Hashable, Sendable {
  /// The number of workers.
  public let workers: Int
  /// What ends the run.
  public let budget: WorkerBudget
  /// How decision time is charged.
  public let overhead: DecisionOverhead

  /// Creates a driver.
  ///
  /// - Precondition: at least one worker.
  public init(workers: Int, budget: WorkerBudget, overhead: DecisionOverhead = .none) {
    precondition(workers >= 1, "at least one worker")
    self.workers = workers
    self.budget = budget
    self.overhead = overhead
  }

  /// Steps a search to its end and returns the run (its log in completion order) with the
  /// timeline of its trials.
  ///
  /// - Throws: ``SearchError/stalled(runningTrials:)`` when the search waits with nothing
  ///   running, ``SearchError/trialNotForward(id:epochs:trained:)``, and the search's and the
  ///   benchmark's errors.
  public func run<Search: AskTellSearch>(_ search: inout Search, on benchmark: Search.Benchmark) throws
    -> SimulatedRun<Search.Benchmark>
  {
    typealias Configuration = Search.Benchmark.Configuration
    var pool = WorkerPool(benchmark: benchmark, workers: workers)
    var tellTime = [Double](repeating: 0, count: workers)
    var finished = false
    let clock = ContinuousClock()
    let deadline: Double? = if case .time(let deadline) = budget { deadline } else { nil }

    while true {
      var waiting = false
      while !finished, let worker = pool.firstFreeWorker,
        mayStart(now: pool.now, committed: pool.committedCost, started: pool.startedTrials, search: search)
      {
        var charge = 0.0
        let request: TrialRequest<Configuration>
        switch overhead {
        case .none: request = try search.ask()
        case .fixed(let amount): (request, charge) = (try search.ask(), amount)
        case .measured:
          var asked: TrialRequest<Configuration>?
          let elapsed = try clock.measure { asked = try search.ask() }
          (request, charge) = (asked ?? .finished, tellTime[worker] + Self.seconds(elapsed))
          tellTime[worker] = 0
        }
        guard case .train(let trial) = request else {
          if request == .finished { finished = true } else { waiting = true }
          break
        }
        try pool.submit(trial, decisionTime: charge)
      }
      if waiting && pool.runningCount == 0 { throw SearchError.stalled(runningTrials: 0) }
      guard let told = try pool.complete(deadline: deadline) else { break }
      if overhead == .measured {
        tellTime[told.worker] = Self.seconds(try clock.measure { try search.tell(told) })
      } else {
        try search.tell(told)
      }
    }
    return SimulatedRun(run: pool.run, timeline: pool.timeline)
  }

  /// Whether the budget lets a free worker ask for another trial.
  private func mayStart<Search: AskTellSearch>(now: Double, committed: Double, started: Int, search: Search) -> Bool {
    switch budget {
    case .cost(let limit): committed < limit || search.needsTrialPastBudget
    case .time(let deadline): now < deadline
    case .trials(let count): started < count
    }
  }

  /// A duration in seconds.
  private static func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
  }
}
