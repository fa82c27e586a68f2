import TabularNAS

/// N simulated workers on a clock, stepped from outside: submit trials to free workers, then
/// take completions in order (the earliest end; equal ends, the lower worker first). Each
/// completion is logged in the run and recorded in the timeline; a resumed trial pays only its
/// new epochs. ``SimulatedWorkers`` drives one with an ``AskTellSearch``; `tabnas serve` lets
/// an algorithm in another language drive one.
public struct WorkerPool<Benchmark: TabularBenchmark>: Sendable {
  /// The run, its log in completion order.
  public private(set) var run: BenchmarkRun<Benchmark>
  /// Where and when each logged trial ran.
  public private(set) var timeline: TrialTimeline
  /// The simulated time of the latest completion.
  public private(set) var now = 0.0
  /// The cost of finished and running trials.
  public private(set) var committedCost = 0.0
  private var progress = TrialProgress()
  // Per worker, its trial in training (end time infinite when free): plain arrays, so the
  // scan for the next completion touches no generic type.
  private var trials: [Trial<Benchmark.Configuration>?]
  private var starts: [Double], ends: [Double]
  private var trainedBefore: [Int]
  /// The id of each worker's trial (−1 when free), to refuse a trial that is still training.
  private var runningIDs: [Int]

  /// Creates idle workers at time 0.
  ///
  /// - Precondition: at least one worker.
  public init(benchmark: Benchmark, workers: Int) {
    precondition(workers >= 1, "at least one worker")
    run = BenchmarkRun(benchmark: benchmark)
    timeline = TrialTimeline(workers: workers)
    trials = Array(repeating: nil, count: workers)
    starts = Array(repeating: 0, count: workers)
    ends = Array(repeating: .infinity, count: workers)
    trainedBefore = Array(repeating: 0, count: workers)
    runningIDs = Array(repeating: -1, count: workers)
  }

  /// The number of workers.
  public var workers: Int { timeline.workers }
  /// The lowest free worker, if any.
  public var firstFreeWorker: Int? { ends.firstIndex(of: .infinity) }
  /// The number of trials in training.
  public var runningCount: Int { ends.count { $0 < .infinity } }
  /// The number of distinct trials started so far.
  public var startedTrials: Int { progress.count }
  /// Whether a trial with this id has started before (so submitting it resumes it).
  public func hasStarted(trial id: Int) -> Bool { progress.epochs(of: id) > 0 }

  /// Starts a trial on the lowest free worker, `decisionTime` after the latest completion.
  ///
  /// - Returns: The worker.
  /// - Throws: ``SearchError/noFreeWorker(workers:)``,
  ///   ``SearchError/trialNotForward(id:epochs:trained:)``, ``SearchError/trialRunning(id:)``,
  ///   and the benchmark's errors for an invalid trial (nothing starts then).
  @discardableResult
  public mutating func submit(_ trial: Trial<Benchmark.Configuration>, decisionTime: Double = 0) throws -> Int {
    guard let worker = firstFreeWorker else { throw SearchError.noFreeWorker(workers: workers) }
    if runningIDs.contains(trial.id) { throw SearchError.trialRunning(id: trial.id) }
    let before = progress.epochs(of: trial.id)
    guard trial.epochs > before else { throw SearchError.trialNotForward(id: trial.id, epochs: trial.epochs, trained: before) }
    let cost = try Self.cost(of: trial, from: before, on: run.benchmark)
    _ = try progress.start(trial)
    timeline.chargeDecision(decisionTime)
    let start = now + decisionTime
    (trials[worker], trainedBefore[worker], starts[worker], ends[worker]) = (trial, before, start, start + cost)
    runningIDs[worker] = trial.id
    committedCost += cost
    return worker
  }

  /// Finishes the trial that ends first: logs it, records it and returns its result; `nil`
  /// when nothing runs, or when it would end after `deadline` (the run then ends there: every
  /// running trial is cut, neither logged nor returned).
  ///
  /// - Throws: The benchmark's errors logging it.
  public mutating func complete(deadline: Double? = nil) throws -> TrialResult<Benchmark.Configuration>? {
    var first: Int?, earliest = Double.infinity
    for (worker, end) in ends.enumerated() where end < earliest { (first, earliest) = (worker, end) }
    guard let worker = first, let trial = trials[worker] else { return nil }
    let (end, start, trained) = (ends[worker], starts[worker], trainedBefore[worker])
    if let deadline, end > deadline {
      let cut = zip(starts, ends).filter { $0.1 < .infinity }.map { max(0, deadline - $0.0) }.reduce(0, +)
      timeline.cut(busy: cut, deadline: deadline)
      trials = Array(repeating: nil, count: workers)
      (ends, runningIDs) = (Array(repeating: .infinity, count: workers), Array(repeating: -1, count: workers))
      return nil
    }
    (trials[worker], ends[worker], runningIDs[worker]) = (nil, .infinity, -1)
    now = end
    let result = try run.train(trial.configuration, from: trained, to: trial.epochs)
    timeline.append(.init(trial: trial.id, worker: worker, start: start, end: end, epochs: trial.epochs, trainedEpochs: trained))
    return TrialResult(
      trial: trial, trainedEpochs: trained, value: result.value, cost: result.cost ?? 0, worker: worker, start: start, end: end)
  }

  /// What training a trial from `trained` epochs costs, as the run will log it.
  private static func cost(of trial: Trial<Benchmark.Configuration>, from trained: Int, on benchmark: Benchmark) throws -> Double {
    let cost = try benchmark.query(trial.configuration, epochs: trial.epochs).cost ?? 0
    guard trained > 0, trained >= benchmark.epochRange.lowerBound else { return cost }
    return cost - (try benchmark.query(trial.configuration, epochs: trained).cost ?? 0)
  }
}
