import Foundation
import TabularNAS

/// One round of successive halving.
struct HyperbandRound {
  /// A number unique to the round within a run.
  let id: Int
  /// rᵢ: the epochs every survivor trains to.
  let epochs: Int
  /// nᵢ: the survivors entering the round.
  let size: Int
  /// Every rung's epochs in the schedule, ascending (survivors arrive with one of them).
  let rungs: [Int]
}

/// Hyperband's brackets of successive halving (Li et al. 2018) as an ask/tell search, shared by
/// ``Hyperband`` and ``FastHyperband``: which configurations train to how many epochs, and who
/// survives. It is synchronous: a round's survivors are chosen only when all of the round has
/// finished, so free workers wait meanwhile.
struct HyperbandSchedule<Training: RoundTraining>: AskTellSearch {
  typealias Benchmark = Training.Benchmark
  typealias Configuration = Benchmark.Configuration

  /// One configuration of the current bracket.
  private struct Survivor {
    let trial: Int
    let configuration: Configuration
    var trained = 0
  }

  let benchmark: Benchmark
  private(set) var training: Training
  private var generator: SplitMix64
  private let eta: Double
  private let iterations: Int?
  private let full: Int, lowest: Int, sMax: Int
  /// The last bracket of a pass (0 for Hyperband, s_max for successive halving).
  private let lastBracket: Int
  private let rungs: [Int]

  private var pass = 0, bracket = -1, roundIndex = 0, roundID = -1, nextTrial = 0
  private var survivors: [Survivor] = []
  private var round: HyperbandRound?
  /// The next survivor of the round to start.
  private var nextToStart = 0
  /// Started survivors not yet scored: their training state, by trial.
  private var jobs: [Int: (position: Int, job: Training.Job)] = [:]
  /// Survivors whose next step is to train, in the order they became ready.
  private var ready: [(position: Int, epochs: Int)] = []
  private var scores: [Int: Double] = [:]

  /// Prepares the brackets.
  ///
  /// - Throws: ``SearchError/noTrainedEpochs(algorithm:epochs:)`` and
  ///   ``SearchError/maximumEpochsOutOfRange(_:allowed:)``.
  init(
    benchmark: Benchmark, eta: Double, maximumEpochs: Int?, iterations: Int?, brackets: Int? = nil, seed: UInt64, training: Training
  ) throws {
    self.benchmark = benchmark
    self.training = training
    self.eta = eta
    self.iterations = iterations
    generator = SplitMix64(seed: seed)
    full = maximumEpochs ?? benchmark.epochRange.upperBound
    lowest = max(benchmark.epochRange.lowerBound, 1)
    guard benchmark.epochRange.upperBound >= lowest else {
      throw SearchError.noTrainedEpochs(algorithm: "Hyperband", epochs: benchmark.epochRange)
    }
    guard (lowest...benchmark.epochRange.upperBound).contains(full) else {
      throw SearchError.maximumEpochsOutOfRange(full, allowed: lowest...benchmark.epochRange.upperBound)
    }
    sMax = Int((log(Double(full) / Double(lowest)) / log(eta) + 1e-9).rounded(.down))
    let (full, lowest, eta, sMax) = (full, lowest, eta, sMax)
    lastBracket = brackets.map { max(0, sMax - $0 + 1) } ?? 0
    rungs = Array(Set((0...sMax).map { Self.rungEpochs(index: 0, bracket: $0, full: full, lowest: lowest, eta: eta) })).sorted()
  }

  /// rᵢ of round `index` in bracket s.
  private static func rungEpochs(index: Int, bracket s: Int, full: Int, lowest: Int, eta: Double) -> Int {
    min(full, max(lowest, Int((Double(full) * pow(eta, Double(index - s))).rounded())))
  }

  mutating func ask() throws -> TrialRequest<Configuration> {
    while true {
      if !ready.isEmpty {
        let (position, epochs) = ready.removeFirst()
        return .train(Trial(id: survivors[position].trial, configuration: survivors[position].configuration, epochs: epochs))
      }
      if let round, nextToStart < survivors.count {
        let position = nextToStart
        nextToStart += 1
        let (job, step) = try training.begin(
          survivors[position].configuration, trained: survivors[position].trained, round: round, on: benchmark)
        if let request = take(step, position: position, job: job) { return request }
        continue
      }
      if !jobs.isEmpty { return .wait }
      guard advanceRound() else { return .finished }
    }
  }

  mutating func tell(_ result: TrialResult<Configuration>) throws {
    guard let (position, started) = jobs[result.trial.id] else { return }
    var job = started
    survivors[position].trained = result.trial.epochs
    let step = try training.advance(&job, trainedTo: result.trial.epochs, value: result.value, on: benchmark)
    if case .train(let trial) = take(step, position: position, job: job) { ready.append((position, trial.epochs)) }
  }

  /// Files a survivor's step: a trial to run (queued, and returned) or its score.
  private mutating func take(_ step: RoundStep, position: Int, job: Training.Job) -> TrialRequest<Configuration>? {
    let trial = survivors[position].trial
    switch step {
    case .train(let epochs):
      jobs[trial] = (position, job)
      return .train(Trial(id: trial, configuration: survivors[position].configuration, epochs: epochs))
    case .done(let score, let trained):
      jobs[trial] = nil
      survivors[position].trained = trained
      scores[position] = score
      return nil
    }
  }

  /// Moves to the next round: the best of this one, η times longer; or the next bracket, pass
  /// by pass. Returns `false` when every pass is done.
  private mutating func advanceRound() -> Bool {
    if let round, roundIndex < bracket {
      // Ranked in survivor order first, so the outcome does not depend on completion order.
      let scored = survivors.indices.map { ($0, scores[$0] ?? benchmark.direction.worst) }
        .sorted { benchmark.direction.isImprovement($0.1, over: $1.1) }
      let kept = scored.prefix(max(1, Int(Double(round.size) / eta))).map(\.0)
      survivors = kept.map { survivors[$0] }
      roundIndex += 1
    } else {
      if bracket <= lastBracket {
        guard pass < iterations ?? .max else { return false }
        pass += 1
        bracket = sMax + 1
      }
      bracket -= 1
      roundIndex = 0
      let count = Int((Double(sMax + 1) / Double(bracket + 1) * pow(eta, Double(bracket))).rounded(.up))
      survivors = (0..<count).map { _ in
        defer { nextTrial += 1 }
        return Survivor(trial: nextTrial, configuration: benchmark.randomConfiguration(using: &generator))
      }
    }
    roundID += 1
    round = HyperbandRound(
      id: roundID, epochs: Self.rungEpochs(index: roundIndex, bracket: bracket, full: full, lowest: lowest, eta: eta),
      size: survivors.count, rungs: rungs)
    nextToStart = 0
    scores = [:]
    return true
  }
}
