import Foundation
import TabularNAS

/// Asynchronous successive halving (ASHA, Li et al. 2020, Algorithm 2) and asynchronous
/// Hyperband (ASHA brackets), promotion-based by default: a trial is paused at each rung and
/// resumed (paying only its new epochs) when promoted. The stopping-based variant (as Syne
/// Tune's and Ray Tune's ASHA) lets a trial go on from a rung when its value ranks in the
/// top 1/η of the rung's results so far (fraction strictly better ≤ 1/η; the first result goes
/// on), else stops it for good.
///
/// Rungs train to r, rη, rη², … epochs (rounded, below R) and then R. Whenever a worker is
/// free, the search looks from the highest rung down for a trial in the top ⌊n/η⌋ of its rung's
/// n results that has not been promoted yet, and promotes the best one to the next rung;
/// if there is none, a new random configuration starts at the bracket's lowest rung. Nothing
/// waits for stragglers. With several brackets, each new decision first draws a bracket b
/// (whose lowest rung is the b-th) with probability proportional to the number of
/// configurations synchronous Hyperband starts in the matching bracket; brackets keep their
/// own rungs.
public struct AsynchronousHyperband<Benchmark: TabularBenchmark>: SearchStrategy {
  /// The reduction factor η (default 3).
  public var eta: Double
  /// r, the lowest rung's epochs (default: the first trained epoch).
  public var minimumEpochs: Int?
  /// R, the top rung's epochs (default: the dataset's last epoch).
  public var maximumEpochs: Int?
  /// Explicit rungs in epochs, ascending (overrides r, η-spacing and R; η still sets promotion).
  public var rungs: [Int]?
  /// The number of brackets (1: ASHA; `nil`: one per rung, asynchronous Hyperband).
  public var brackets: Int?
  /// Promotion-based (pause and resume) or stopping-based.
  public var rule: HalvingRule

  /// Creates the strategy: ASHA with `brackets: 1`, asynchronous Hyperband with `nil`.
  public init(
    eta: Double = 3, minimumEpochs: Int? = nil, maximumEpochs: Int? = nil, rungs: [Int]? = nil, brackets: Int? = 1,
    rule: HalvingRule = .promotion
  ) {
    precondition(eta > 1, "η must exceed 1")
    self.eta = eta
    self.minimumEpochs = minimumEpochs
    self.maximumEpochs = maximumEpochs
    self.rungs = rungs
    self.brackets = brackets
    self.rule = rule
  }

  /// `asha` or `async-hyperband`.
  public var name: String { brackets == 1 ? "asha" : "async-hyperband" }

  /// The rungs on a dataset, in epochs, ascending.
  ///
  /// - Throws: ``SearchError/noTrainedEpochs(algorithm:epochs:)``,
  ///   ``SearchError/maximumEpochsOutOfRange(_:allowed:)`` for an r, R or rung outside the
  ///   dataset's trained epochs, or rungs that do not ascend.
  public func rungs(on benchmark: Benchmark) throws -> [Int] {
    let lowest = max(benchmark.epochRange.lowerBound, 1), last = benchmark.epochRange.upperBound
    guard last >= lowest else { throw SearchError.noTrainedEpochs(algorithm: name, epochs: benchmark.epochRange) }
    let allowed = lowest...last
    if let rungs {
      if let outside = rungs.first(where: { !allowed.contains($0) }) { throw SearchError.maximumEpochsOutOfRange(outside, allowed: allowed) }
      guard !rungs.isEmpty, zip(rungs, rungs.dropFirst()).allSatisfy({ $0 < $1 }) else {
        throw SearchError.unsupportedSetting("rungs \(rungs.map(String.init).joined(separator: ","))", reason: "rungs must ascend strictly")
      }
      return rungs
    }
    let full = maximumEpochs ?? last, first = minimumEpochs ?? lowest
    for epochs in [full, first] where !allowed.contains(epochs) { throw SearchError.maximumEpochsOutOfRange(epochs, allowed: allowed) }
    guard first <= full else { throw SearchError.maximumEpochsOutOfRange(first, allowed: lowest...full) }
    var rungs: [Int] = []
    var level = Double(first)
    while Int(level.rounded()) < full {
      let epochs = Int(level.rounded())
      if rungs.last != epochs { rungs.append(epochs) }
      level *= eta
    }
    return rungs + [full]
  }

  /// Starts a run.
  ///
  /// - Throws: The errors of ``rungs(on:)``.
  public func start(on benchmark: Benchmark, seed: UInt64) throws -> Search {
    let rungs = try rungs(on: benchmark)
    let count = min(brackets ?? rungs.count, rungs.count)
    // Bracket b starts at rung b: synchronous Hyperband's bracket with s = K − 1 − b halvings,
    // which starts ⌈K/(s + 1) η^s⌉ configurations.
    let weights = (0..<count).map { bracket -> Double in
      let s = Double(rungs.count - 1 - bracket)
      return (Double(rungs.count) / (s + 1) * pow(eta, s)).rounded(.up)
    }
    return Search(
      benchmark: benchmark, eta: eta, rule: rule, rungs: rungs, weights: weights, generator: SplitMix64(seed: seed),
      results: Array(repeating: Array(repeating: RungRanking(direction: benchmark.direction), count: rungs.count), count: count))
  }

  /// One run: the rungs' results per bracket and the trials promoted from them.
  public struct Search: AskTellSearch {
    let benchmark: Benchmark
    let eta: Double
    let rule: HalvingRule
    /// Every rung's epochs.
    public let rungs: [Int]
    let weights: [Double]
    var generator: SplitMix64
    /// Per bracket and rung, its results ranked.
    var results: [[RungRanking]]
    /// Each trial's configuration, bracket and the rung it trains to.
    var trials: [(configuration: Benchmark.Configuration, bracket: Int, rung: Int)] = []
    /// Stopping rule: trials that go on to their next rung, in the order they were told.
    var continuing: [Trial<Benchmark.Configuration>] = []

    /// A trial going on (stopping rule), a promotion if one is due in the drawn bracket
    /// (promotion rule), else a new configuration.
    public mutating func ask() -> TrialRequest<Benchmark.Configuration> {
      if !continuing.isEmpty { return .train(continuing.removeFirst()) }
      let bracket = weights.count == 1 ? 0 : drawBracket()
      for rung in stride(from: rungs.count - 2, through: bracket, by: -1) where rule == .promotion {
        if let trial = results[bracket][rung].candidate(top: Int(Double(results[bracket][rung].count) / eta + 1e-9)) {
          results[bracket][rung].promoteBest()
          trials[trial].rung = rung + 1
          return .train(Trial(id: trial, configuration: trials[trial].configuration, epochs: rungs[rung + 1]))
        }
      }
      trials.append((benchmark.randomConfiguration(using: &generator), bracket, bracket))
      return .train(Trial(id: trials.count - 1, configuration: trials[trials.count - 1].configuration, epochs: rungs[bracket]))
    }

    /// Records the result at the rung its trial trained to; under the stopping rule, decides
    /// whether the trial goes on.
    public mutating func tell(_ result: TrialResult<Benchmark.Configuration>) {
      let trial = trials[result.trial.id]
      if rule == .stopping, trial.rung + 1 < rungs.count {
        let ranking = results[trial.bracket][trial.rung]
        if Double(ranking.countBetter(than: result.value)) / Double(ranking.count + 1) <= 1 / eta {
          trials[result.trial.id].rung += 1
          continuing.append(Trial(id: result.trial.id, configuration: trial.configuration, epochs: rungs[trial.rung + 1]))
        }
      }
      results[trial.bracket][trial.rung].insert(trial: result.trial.id, value: result.value)
    }

    /// A bracket drawn with probability proportional to its weight.
    private mutating func drawBracket() -> Int {
      var point = Double.random(in: 0..<weights.reduce(0, +), using: &generator)
      for (bracket, weight) in weights.enumerated() {
        if point < weight { return bracket }
        point -= weight
      }
      return weights.count - 1
    }
  }
}
