@testable import Baselines
import Foundation
import Testing
import TabularNAS

/// A hand-made product space: two coordinates of 3 and 2 choices, one epoch each, every
/// configuration costing 1; choice (2, 0) is best by far.
private struct TinyGrid: TabularBenchmark {
  struct Key: TrajectoryKey {
    let index: Int
    static let exportFieldNames = ["index"]
    var exportFieldValues: [JSONValue] { [.integer(index)] }
    init(index: Int) { self.index = index }
    init(jsonObject: JSONValue) throws {
      guard case .integer(let index)? = jsonObject["index"] else { throw TrajectoryFileError.malformed(field: "index", reason: "not an integer") }
      self.index = index
    }
  }

  static let values: [Double] = [10, 12, 11, 9, 50, 14]
  var name: String { "tiny" }
  var label: String { "tiny grid" }
  var metricName: String { "score" }
  var direction: MetricDirection { .higherIsBetter }
  var costUnit: String { "epochs" }
  var configurationCount: Int { 6 }
  var epochRange: ClosedRange<Int> { 1...1 }
  var finalEpochs: [Int] { [1] }
  var finalValueName: String { "score" }
  func configuration(at position: Int) -> Key { Key(index: position) }
  func position(of configuration: Key) -> Int { configuration.index }
  func query(_ configuration: Key, epochs: Int) throws -> QueryResult { QueryResult(value: Self.values[configuration.index], cost: 1) }
  func finalValues(of configuration: Key) throws -> [Double] { [Self.values[configuration.index]] }
}

/// The grid's coordinates: index = first × 2 + second.
private struct TinyVectors: ConfigurationVectors {
  typealias Benchmark = TinyGrid
  var dimensions: [VectorDimension] { [.categorical(choices: 3), .categorical(choices: 2)] }
  var hyperparameterDimensions: [Int] { [1] }
  var isProduct: Bool { true }
  func vector(of key: TinyGrid.Key) -> [Double] { [Double(key.index / 2), Double(key.index % 2)] }
  func configuration(nearest vector: [Double]) -> TinyGrid.Key { TinyGrid.Key(index: Int(vector[0]) * 2 + Int(vector[1])) }
}

@Suite("REINFORCE, BOHB and the two-stage searches")
struct ReferenceBaselinesTests {
  static let bench = NASHPOBench2.synthetic()

  /// Every new algorithm, as the command line builds it.
  static let runners: [SearchAlgorithm] = [.reinforce, .bohb, .randomThenEvolution, .bohbThenEvolution]

  private func run(_ algorithm: SearchAlgorithm, budget: Double, seed: UInt64, settings: SearchSettings = SearchSettings(),
                   workers: Int? = nil) throws -> SearchRunResults<NASHPOKey> {
    let resolved: WorkerBudget = workers == nil ? .cost(budget) : .time(budget)
    let runner = SearchRunner(algorithm: algorithm, settings: settings, budget: resolved, seed: seed, workers: workers)
    return try runner.run(on: Self.bench, budget: resolved, runs: 0..<1, jobs: 1)[0]
  }

  @Test("the same seed gives the same run, sequentially and on workers; another seed another", arguments: runners)
  func determinism(algorithm: SearchAlgorithm) throws {
    let first = try run(algorithm, budget: 20_000, seed: 3), again = try run(algorithm, budget: 20_000, seed: 3)
    #expect(first.values == again.values)
    #expect(first.keys == again.keys)
    #expect(try run(algorithm, budget: 20_000, seed: 4).keys != first.keys)
    let onWorkers = try run(algorithm, budget: 3000, seed: 3, workers: 4), repeated = try run(algorithm, budget: 3000, seed: 3, workers: 4)
    #expect(onWorkers.keys == repeated.keys)
    #expect(onWorkers.timeline == repeated.timeline)
  }

  @Test("runs stop once the budget is reached, overshooting by at most the last query", arguments: runners)
  func budget(algorithm: SearchAlgorithm) throws {
    for seed in 0..<8 as Range<UInt64> {
      let costs = try run(algorithm, budget: 20_000, seed: seed).totalCosts
      #expect(costs.last.map { $0 >= 20_000 } ?? false)
      #expect(costs[costs.count - 2] < 20_000)
    }
  }

  @Test("REINFORCE's gradient raises the rewarded choice's probability and lowers the others'")
  func policyGradient() {
    var generator = SplitMix64(seed: 1)
    var policy = SoftmaxPolicy(choices: [4], using: &generator)
    var optimizer = AdamOptimizer(parameterCount: 4, learningRate: 0.01)
    let before = policy.probabilities(of: 0)
    policy.update(with: &optimizer, gradient: policy.lossGradient(action: [2], advantage: 5))
    let after = policy.probabilities(of: 0)
    #expect(after[2] > before[2])
    #expect([0, 1, 3].allSatisfy { after[$0] < before[$0] })
    // A negative advantage pushes the other way.
    policy.update(with: &optimizer, gradient: policy.lossGradient(action: [2], advantage: -50))
    #expect(policy.probabilities(of: 0)[2] < after[2])
  }

  @Test("REINFORCE's policy moves toward the rewarded configuration of a hand-made table")
  func reinforceLearns() throws {
    let strategy = Reinforce(vectors: TinyVectors(), learningRate: 0.05)
    var hits = (early: 0, late: 0)
    for seed in 0..<10 as Range<UInt64> {
      let run = try strategy.run(on: TinyGrid(), budget: 300, seed: seed)
      let indices = run.log.entries.map(\.key.index)
      hits.early += indices.prefix(50).count { $0 == 4 }
      hits.late += indices.suffix(50).count { $0 == 4 }
    }
    // Uniform sampling would hit configuration 4 one time in six: 83 of 500.
    #expect(hits.late > 400)
    #expect(hits.late > hits.early)
  }

  @Test("REINFORCE refuses a dataset whose configurations are rows of a table")
  func reinforceNeedsChoices() throws {
    let curves = try CurveFixture.saturating()
    #expect(throws: SearchError.self) { try Reinforce(vectors: try curves.configurationVectors()).start(on: curves, seed: 0) }
    #expect(throws: SearchError.self) {
      try SearchSettings().twoStage(vectors: try curves.configurationVectors(), bohbFirst: false, budget: 100).start(on: curves, seed: 0)
    }
  }

  @Test("BOHB's proposals concentrate on the good region of a synthetic function")
  func bohbModelConcentrates() {
    var generator = SplitMix64(seed: 9)
    var settings = BOHBModelSettings()
    settings.samples = 64
    settings.minimumBandwidth = 1e-3
    var model = BOHBModel(settings: settings, dimensions: [.continuous, .continuous, .categorical(choices: 5)], free: [0, 1, 2], base: [0, 0, 0])
    func loss(_ v: [Double]) -> Double { (v[0] - 0.8) * (v[0] - 0.8) + (v[1] - 0.2) * (v[1] - 0.2) + (v[2] == 3 ? 0 : 0.5) }
    for _ in 0..<300 {
      let point = [generator.nextUnitInterval(), generator.nextUnitInterval(), Double(Int.random(in: 0..<5, using: &generator))]
      model.observe(point, loss: loss(point), budget: 1)
    }
    #expect(model.hasModel)
    let proposals = (0..<200).map { _ in model.propose(using: &generator) }
    let distance = proposals.map { (($0[0] - 0.8) * ($0[0] - 0.8) + ($0[1] - 0.2) * ($0[1] - 0.2)).squareRoot() }.reduce(0, +) / 200
    // Uniform points lie about 0.45 from (0.8, 0.2) on average.
    #expect(distance < 0.25)
    #expect(proposals.count { $0[2] == 3 } > 120)
  }

  @Test("BOHB runs the reference's brackets: 9 configurations at 1 epoch, 3 at 4, 1 at 12; scratch pays every epoch")
  func bohbBrackets() throws {
    var settings = SearchSettings()
    settings.iterations = 1
    let resumed = try settings.bohb(vectors: NASHPOChoices()).run(on: Self.bench, budget: .infinity, seed: 1).log
    #expect(resumed.entries.map(\.epochs) == [1, 1, 1, 1, 1, 1, 1, 1, 1, 4, 4, 4, 12])
    settings.partialTraining = .scratch
    let scratch = try settings.bohb(vectors: NASHPOChoices()).run(on: Self.bench, budget: .infinity, seed: 1).log
    #expect(scratch.entries.map(\.epochs) == resumed.entries.map(\.epochs))
    // The same configurations, but a promoted one pays its early epochs again.
    #expect(scratch.keys == resumed.keys)
    #expect(try scratch.entries[12].cost == Self.bench.query(scratch.entries[12].key, epochs: 12).cost)
    #expect(resumed.entries[12].cost < scratch.entries[12].cost)
    settings.iterations = 3
    let three = try settings.bohb(vectors: NASHPOChoices()).run(on: Self.bench, budget: .infinity, seed: 1).log
    // Iterations s = 2, 1, 0: 9 + 3 + 1, then 3 + 1, then 3 queries.
    #expect(three.entries.count == 13 + 4 + 3)
  }

  @Test("the two-stage searches hand the best hyperparameters found to evolution, which keeps them", arguments: [false, true])
  func twoStageHandsOver(bohbFirst: Bool) throws {
    var search = try SearchSettings().twoStage(vectors: NASHPOChoices(), bohbFirst: bohbFirst, budget: 20_000).start(on: Self.bench, seed: 5)
    let log = try SequentialDriver(budget: 20_000).run(&search, on: Self.bench).log
    let first = log.entries.prefix(search.firstStageTrials), evolution = log.entries.dropFirst(search.firstStageTrials)
    #expect(!first.isEmpty && evolution.count >= 10)
    #expect(Set(first.map(\.key.cell)).count == 1)
    let best = first.reduce(first[0]) { $1.value > $0.value ? $1 : $0 }
    #expect(search.hyperparameters == [Double(best.key.learningRateIndex), Double(best.key.batchSizeIndex)])
    #expect(evolution.allSatisfy { $0.key.learningRate == best.key.learningRate && $0.key.batchSize == best.key.batchSize })
    #expect(Set(evolution.map(\.key.cell)).count > 1)
  }
}

