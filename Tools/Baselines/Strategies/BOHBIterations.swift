import Foundation
import TabularNAS

/// BOHB's schedule as an ask/tell search, after hpbandster's `Master` and `SuccessiveHalving`:
/// budgets R η^(−k) epochs (rounded down, as the reference's `int(budget)`) between the
/// minimum and maximum; iteration i runs the bracket s = s_max − (i mod (s_max + 1)) with
/// n₀ = ⌊(s_max + 1)/(s + 1)⌋ η^s configurations, each drawn from ``BOHBModel`` when a worker
/// needs one; a stage keeps the best ⌊nⱼ η^(−1)⌋ once all of it has finished. When no iteration
/// has work for a free worker, the next iteration starts (hpbandster's parallel form); every
/// result feeds the model at once.
struct BOHBIterations<Vectors: ConfigurationVectors>: AskTellSearch {
  typealias Benchmark = Vectors.Benchmark
  typealias Configuration = Benchmark.Configuration

  private struct Member {
    let vector: [Double]
    let configuration: Configuration
    var trial: Int
    var trained = 0
    var loss: Double?
    var running = false
    var queued = true
  }

  private struct Iteration {
    let sizes: [Int]
    let budgets: [Int]
    var stage = 0
    var members: [Member] = []
    var running = 0
    var finished = false
  }

  let benchmark: Benchmark
  let vectors: Vectors
  let training: PartialTraining
  private var model: BOHBModel
  private var generator: SplitMix64
  private let budgets: [Int]
  private let eta: Double
  private let iterationLimit: Int?
  private var iterations: [Iteration] = []
  private var owner: [Int: (iteration: Int, member: Int)] = [:]
  private var nextTrial = 0

  /// - Parameters:
  ///   - free: The coordinates searched; the others keep `base`'s values.
  ///   - extraPoints: See ``BOHBModel``.
  /// - Throws: ``SearchError/maximumEpochsOutOfRange(_:allowed:)`` for a largest budget outside the
  ///   dataset's epochs, ``SearchError/unsupportedSetting(_:reason:)`` for a smallest one above it.
  init(
    benchmark: Benchmark, vectors: Vectors, settings: BOHBModelSettings, eta: Double, minimumEpochs: Int?, maximumEpochs: Int?,
    iterations: Int?, training: PartialTraining, free: [Int], base: [Double], extraPoints: Int = 0, generator: SplitMix64
  ) throws {
    let lowest = max(benchmark.epochRange.lowerBound, 1), allowed = lowest...max(lowest, benchmark.epochRange.upperBound)
    let maximum = maximumEpochs ?? benchmark.epochRange.upperBound, minimum = minimumEpochs ?? lowest
    guard allowed.contains(maximum) else { throw SearchError.maximumEpochsOutOfRange(maximum, allowed: allowed) }
    guard (lowest...maximum).contains(minimum) else {
      throw SearchError.unsupportedSetting(
        "a smallest budget of \(minimum) epochs", reason: "it must lie in \(lowest)…\(maximum), up to the largest budget")
    }
    self.benchmark = benchmark
    self.vectors = vectors
    self.training = training
    self.eta = eta
    iterationLimit = iterations
    self.generator = generator
    model = BOHBModel(settings: settings, dimensions: vectors.dimensions, free: free, base: base, extraPoints: extraPoints)
    // hpbandster: max_SH_iter = 1 − int(log(min/max)/log η); budgets max · η^(−k), k = max_SH_iter − 1 … 0.
    let stages = 1 - Int(log(Double(minimum) / Double(maximum)) / log(eta))
    budgets = (0..<stages).map { k in max(minimum, Int(Double(maximum) * pow(eta, -Double(stages - 1 - k)) + 1e-9)) }
  }

  /// Whether every iteration allowed has finished (never, without an iteration limit).
  var isFinished: Bool {
    guard let iterationLimit else { return false }
    return iterations.count >= iterationLimit && iterations.allSatisfy(\.finished)
  }

  /// The trial ids used so far (0 up to this).
  var trialCount: Int { nextTrial }

  /// Whether a trial is running.
  var hasRunningTrials: Bool { iterations.contains { $0.running > 0 } }

  mutating func ask() throws -> TrialRequest<Configuration> {
    while true {
      for index in iterations.indices where !iterations[index].finished {
        if let trial = nextRun(in: index) { return .train(trial) }
      }
      if iterations.count < iterationLimit ?? .max {
        startIteration()
        continue
      }
      return hasRunningTrials ? .wait : .finished
    }
  }

  mutating func tell(_ result: TrialResult<Configuration>) {
    guard let (iteration, member) = owner.removeValue(forKey: result.trial.id) else { return }
    let loss = benchmark.direction == .higherIsBetter ? -result.value : result.value
    iterations[iteration].members[member].loss = loss
    iterations[iteration].members[member].trained = result.trial.epochs
    iterations[iteration].members[member].running = false
    iterations[iteration].running -= 1
    model.observe(iterations[iteration].members[member].vector, loss: loss, budget: result.trial.epochs)
  }

  /// Iteration i of hpbandster's schedule.
  private mutating func startIteration() {
    let sMax = budgets.count - 1, s = sMax - iterations.count % budgets.count
    let first = Int((Double(budgets.count) / Double(s + 1)).rounded(.down) * pow(eta, Double(s)) + 1e-9)
    let sizes = (0...s).map { max(Int(Double(first) * pow(eta, -Double($0)) + 1e-9), 1) }
    iterations.append(Iteration(sizes: sizes, budgets: Array(budgets.suffix(s + 1))))
  }

  /// The next trial of an iteration: a queued member, a new configuration for the first stage,
  /// or — once a stage has finished — the survivors of the next.
  private mutating func nextRun(in index: Int) -> Trial<Configuration>? {
    while true {
      let epochs = iterations[index].budgets[iterations[index].stage]
      if let member = iterations[index].members.firstIndex(where: \.queued) {
        iterations[index].members[member].queued = false
        if iterations[index].members[member].trained >= epochs && training == .resume {
          continue  // Already at this budget (budgets that round alike): its loss stands.
        }
        if training == .scratch && iterations[index].members[member].trained > 0 {
          iterations[index].members[member].trial = newTrial()  // A new trial trains from epoch 0 and pays for it.
        }
        iterations[index].members[member].running = true
        iterations[index].running += 1
        owner[iterations[index].members[member].trial] = (index, member)
        let chosen = iterations[index].members[member]
        return Trial(id: chosen.trial, configuration: chosen.configuration, epochs: epochs)
      }
      if iterations[index].stage == 0 && iterations[index].members.count < iterations[index].sizes[0] {
        let configuration = vectors.configuration(nearest: model.propose(using: &generator))
        iterations[index].members.append(
          Member(vector: vectors.vector(of: configuration), configuration: configuration, trial: newTrial()))
        continue
      }
      guard iterations[index].running == 0 else { return nil }
      advanceStage(of: index)
      if iterations[index].finished { return nil }
    }
  }

  /// Keeps the best of a finished stage (ranked by loss, ties to the earlier member) for the
  /// next, in their original order; or finishes the iteration after its last stage.
  private mutating func advanceStage(of index: Int) {
    var iteration = iterations[index]
    let alive = iteration.members.indices.filter { iteration.members[$0].loss != nil }
    guard iteration.stage + 1 < iteration.sizes.count else {
      iteration.finished = true
      iterations[index] = iteration
      return
    }
    let keep = iteration.sizes[iteration.stage + 1]
    let ranked = alive.sorted { (iteration.members[$0].loss ?? .infinity, $0) < (iteration.members[$1].loss ?? .infinity, $1) }
    let survivors = Set(ranked.prefix(keep))
    for member in iteration.members.indices {
      iteration.members[member].queued = survivors.contains(member)
      if !survivors.contains(member) { iteration.members[member].loss = nil }
    }
    iteration.stage += 1
    iterations[index] = iteration
  }

  private mutating func newTrial() -> Int {
    defer { nextTrial += 1 }
    return nextTrial
  }
}
