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
    var run = BenchmarkRun(benchmark: benchmark)
    var timeline = TrialTimeline(workers: workers)
    var progress = TrialProgress()
    // Per worker, its trial in training (end time infinite when free): plain arrays, so the
    // scan for the next completion touches no generic type.
    var trials = [Trial<Configuration>?](repeating: nil, count: workers)
    var starts = [Double](repeating: 0, count: workers), ends = [Double](repeating: .infinity, count: workers)
    var trainedBefore = [Int](repeating: 0, count: workers)
    var tellTime = [Double](repeating: 0, count: workers)
    var now = 0.0, committed = 0.0, finished = false
    let clock = ContinuousClock()

    while true {
      var waiting = false
      for worker in 0..<workers where ends[worker] == .infinity && !finished {
        guard mayStart(now: now, committed: committed, started: progress.count, search: search) else { break }
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
        let trained = try progress.start(trial)
        let cost = try Self.cost(of: trial, from: trained, on: benchmark)
        timeline.chargeDecision(charge)
        let start = now + charge
        (trials[worker], trainedBefore[worker], starts[worker], ends[worker]) = (trial, trained, start, start + cost)
        committed += cost
      }
      guard let worker = Self.nextCompletion(ends) else {
        if waiting { throw SearchError.stalled(runningTrials: 0) }
        break
      }
      let (end, start, trained) = (ends[worker], starts[worker], trainedBefore[worker])
      if case .time(let deadline) = budget, end > deadline {
        let cut = zip(starts, ends).filter { $0.1 < .infinity }.map { max(0, deadline - $0.0) }.reduce(0, +)
        timeline.cut(busy: cut, deadline: deadline)
        break
      }
      guard let trial = trials[worker] else { break }
      (trials[worker], ends[worker]) = (nil, .infinity)
      now = end
      let result = try run.train(trial.configuration, from: trained, to: trial.epochs)
      timeline.append(.init(trial: trial.id, worker: worker, start: start, end: end, epochs: trial.epochs, trainedEpochs: trained))
      let told = TrialResult(
        trial: trial, trainedEpochs: trained, value: result.value, cost: result.cost ?? 0, worker: worker, start: start,
        end: end)
      if overhead == .measured {
        tellTime[worker] = Self.seconds(try clock.measure { try search.tell(told) })
      } else {
        try search.tell(told)
      }
    }
    return SimulatedRun(run: run, timeline: timeline)
  }

  /// Whether the budget lets a free worker ask for another trial.
  private func mayStart<Search: AskTellSearch>(now: Double, committed: Double, started: Int, search: Search) -> Bool {
    switch budget {
    case .cost(let limit): committed < limit || search.needsTrialPastBudget
    case .time(let deadline): now < deadline
    case .trials(let count): started < count
    }
  }

  /// The worker whose trial ends first (the lowest worker among equal ends), if any runs.
  private static func nextCompletion(_ ends: [Double]) -> Int? {
    var first: Int?, earliest = Double.infinity
    for (worker, end) in ends.enumerated() where end < earliest { (first, earliest) = (worker, end) }
    return first
  }

  /// What training a trial from `trained` epochs costs, as the run will log it.
  private static func cost<B: TabularBenchmark>(of trial: Trial<B.Configuration>, from trained: Int, on benchmark: B) throws -> Double {
    let cost = try benchmark.query(trial.configuration, epochs: trial.epochs).cost ?? 0
    guard trained > 0, trained >= benchmark.epochRange.lowerBound else { return cost }
    return cost - (try benchmark.query(trial.configuration, epochs: trained).cost ?? 0)
  }

  /// A duration in seconds.
  private static func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
  }
}
