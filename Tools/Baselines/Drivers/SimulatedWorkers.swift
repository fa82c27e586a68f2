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

  /// A trial in training.
  private struct Running<Configuration: Hashable & Sendable> {
    let trial: Trial<Configuration>
    let trainedEpochs: Int
    let start: Double
    let end: Double
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
    var running = [Running<Configuration>?](repeating: nil, count: workers)
    var tellTime = [Double](repeating: 0, count: workers)
    var now = 0.0, committed = 0.0, finished = false
    let clock = ContinuousClock()

    while true {
      var waiting = false
      for worker in 0..<workers where running[worker] == nil && !finished {
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
        }
        guard case .train(let trial) = request else {
          if request == .finished { finished = true } else { waiting = true }
          break
        }
        let trained = try progress.start(trial)
        let cost = try Self.cost(of: trial, from: trained, on: benchmark)
        timeline.chargeDecision(charge)
        let start = now + charge
        running[worker] = Running(trial: trial, trainedEpochs: trained, start: start, end: start + cost)
        committed += cost
      }
      guard let worker = Self.nextCompletion(running) else {
        if waiting { throw SearchError.stalled(runningTrials: 0) }
        break
      }
      let done = running[worker]!
      if case .time(let deadline) = budget, done.end > deadline {
        timeline.cut(busy: running.compactMap { $0.map { max(0, deadline - $0.start) } }.reduce(0, +), deadline: deadline)
        break
      }
      running[worker] = nil
      now = done.end
      let result = try run.train(done.trial.configuration, from: done.trainedEpochs, to: done.trial.epochs)
      timeline.append(
        .init(
          trial: done.trial.id, worker: worker, start: done.start, end: done.end, epochs: done.trial.epochs,
          trainedEpochs: done.trainedEpochs))
      let told = TrialResult(
        trial: done.trial, trainedEpochs: done.trainedEpochs, value: result.value, cost: result.cost ?? 0, worker: worker,
        start: done.start, end: done.end)
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
  private static func nextCompletion<Configuration>(_ running: [Running<Configuration>?]) -> Int? {
    var first: Int?
    for (worker, trial) in running.enumerated() {
      guard let trial else { continue }
      if first.map({ trial.end < running[$0]!.end }) ?? true { first = worker }
    }
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
