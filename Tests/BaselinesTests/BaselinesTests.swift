@testable import Baselines
import Foundation
import Testing
import TabularNAS

@Suite("Baseline searches")
struct BaselinesTests {
  static let bench = NASHPOBench2.synthetic()

  @Test("the reference mutation changes exactly one of the six edges, the learning rate or the batch size")
  func mutation() {
    var generator = SplitMix64(seed: 1)
    for _ in 0..<2000 {
      let key = Self.bench.randomConfiguration(using: &generator)
      let child = NASHPOMutation().neighbour(of: key, using: &generator)
      let changedEdges = zip(key.cell.operations, child.cell.operations).count { $0 != $1 }
      let changed = changedEdges + (key.learningRateIndex != child.learningRateIndex ? 1 : 0)
        + (key.batchSizeIndex != child.batchSizeIndex ? 1 : 0)
      #expect(changed == 1)
    }
  }

  @Test("runs stop once the budget is reached, overshooting by at most the last query", arguments: [1000.0, 20_000])
  func budget(budget: Double) throws {
    for seed in 0..<20 as Range<UInt64> {
      for run in [
        try UniformRandomSearch<NASHPOBench2>().run(on: Self.bench, budget: budget, seed: seed),
        try RegularizedEvolution(rule: NASHPOMutation()).run(on: Self.bench, budget: budget, seed: seed),
      ] {
        let costs = run.log.totalCosts
        #expect(costs.last.map { $0 >= budget } ?? false)
        #expect(costs.count < 11 || costs[costs.count - 2] < budget)
      }
    }
  }

  @Test("Hyperband's first bracket starts many configurations at few epochs and halves them")
  func hyperband() throws {
    let run = try Hyperband<NASHPOBench2>().run(on: Self.bench, budget: 20_000, seed: 2)
    // R = 12, η = 3: s_max = 2, so the first bracket starts 9 configurations at 12/9 → 1 epoch.
    let epochs = run.log.entries.map(\.epochs)
    #expect(Array(epochs.prefix(9)) == Array(repeating: 1, count: 9))
    #expect(Array(epochs.dropFirst(9).prefix(3)) == [4, 4, 4])
    #expect(epochs[12] == 12)
    let costs = run.log.totalCosts
    #expect(costs.last.map { $0 >= 20_000 } ?? false && costs[costs.count - 2] < 20_000)
    let again = try Hyperband<NASHPOBench2>().run(on: Self.bench, budget: 20_000, seed: 2)
    #expect(again.log.values == run.log.values)
    // Resumed training pays only the new epochs: a 1 → 4 step costs less than 4 epochs from scratch.
    let resumed = run.log.entries[9]
    #expect(try resumed.cost < Self.bench.query(resumed.key, epochs: 4).cost ?? 0)
  }

  @Test("experiments are deterministic under a seed and independent of the number of jobs")
  func determinism() throws {
    let experiment = SearchExperiment(strategy: RegularizedEvolution(rule: NASHPOMutation()), budget: 5000, seed: 7)
    let one = try experiment.run(on: Self.bench, runs: 0..<12, jobs: 1)
    let four = try experiment.run(on: Self.bench, runs: 0..<12, jobs: 4)
    #expect(one.map(\.values) == four.map(\.values))
    #expect(one.map(\.finalValues) == four.map(\.finalValues))
    let shard = try experiment.run(on: Self.bench, runs: 6..<12, jobs: 2)
    #expect(shard.map(\.values) == Array(one[6...]).map(\.values))
    let other = try SearchExperiment(strategy: RegularizedEvolution(rule: NASHPOMutation()), budget: 5000, seed: 8)
      .run(on: Self.bench, runs: 0..<12, jobs: 2)
    #expect(other.map(\.values) != one.map(\.values))
  }

  @Test("regularized evolution beats random search on the synthetic table at 20,000 s")
  func evolutionBeatsRandom() throws {
    let random = try SearchExperiment(strategy: UniformRandomSearch<NASHPOBench2>(), budget: 20_000, seed: 0)
      .run(on: Self.bench, runs: 0..<200)
    let evolution = try SearchExperiment(strategy: RegularizedEvolution(rule: NASHPOMutation()), budget: 20_000, seed: 0)
      .run(on: Self.bench, runs: 0..<200)
    let best = try SearchSummary.best(of: Self.bench)
    let randomSummary = SearchSummary(results: random, datasetBest: best, direction: .higherIsBetter)
    let evolutionSummary = SearchSummary(results: evolution, datasetBest: best, direction: .higherIsBetter)
    let combined = (randomSummary.standardError * randomSummary.standardError + evolutionSummary.standardError * evolutionSummary.standardError).squareRoot()
    #expect(evolutionSummary.mean > randomSummary.mean + 2 * combined)
    #expect(randomSummary.meanRegret > 0 && randomSummary.quantiles.count == 5)
    #expect(randomSummary.costs == random.map { $0.totalCosts.last ?? 0 })
    #expect(randomSummary.costs.allSatisfy { $0 >= 20_000 } && randomSummary.meanCost >= 20_000)
    #expect(randomSummary.configurationCounts == random.map { Set($0.keys).count })
  }

  @Test("on a learning-curve table evolution moves to one of the nearest other configurations")
  func curveNeighbours() throws {
    var text = "width,depth,acc_1,acc_2\n"
    for row in 0..<30 { text += "\(row % 6),\(row / 6),0.\(row % 9 + 1),0.\(row % 7 + 2)\n" }
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("tabnas-\(UUID().uuidString).csv").path
    try writeNewFile(Array(text.utf8), to: path)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let data = try LearningCurveDataset(contentsOf: path)
    let rule = try NearestConfigurations(dataset: data, count: 4)
    var generator = SplitMix64(seed: 3)
    for key in Array(data.configurations) {
      let neighbour = rule.neighbour(of: key, using: &generator)
      #expect(neighbour != key)
      let distance = { (other: LearningCurveKey) in
        zip(try data.features(of: key), try data.features(of: other)).reduce(0.0) { $0 + abs($1.0 - $1.1) }
      }
      #expect(try distance(neighbour) <= 2.5)
    }
    let run = try RegularizedEvolution(rule: rule).run(on: data, budget: 60, seed: 1)
    #expect(run.totalCost >= 60 && run.log.count == 30)
  }
}

@Suite("Trajectory plot axes")
struct TrajectoryPlotTests {
  @Test("value ticks are round numbers inside the range, printed exactly", arguments: [
    (-0.0211, 0.572, [0.0, 0.1, 0.2, 0.3, 0.4, 0.5], 1),
    (44.2, 415.0, [100.0, 200, 300, 400], 0),
    (81.93, 84.07, [82.0, 82.5, 83.0, 83.5, 84.0], 1),
  ] as [(Double, Double, [Double], Int)])
  func ticks(low: Double, high: Double, expected: [Double], decimals: Int) {
    let ticks = TrajectoryPlot.ticks(from: low, to: high)
    #expect(ticks.decimals == decimals)
    #expect(zip(ticks.values, expected).allSatisfy { abs($0 - $1) < 1e-9 } && ticks.values.count == expected.count)
  }

  @Test("the legend column widens to fit long labels, so none runs off the figure")
  func legendFits() throws {
    func width(_ label: String) throws -> Double {
      let plot = TrajectoryPlot(
        series: [.init(label: label, runs: [[(1, 0.5), (10, 0.7)]])], costLabel: "cost", valueLabel: "value", title: "t")
      let header = try #require(plot.svg.firstMatch(of: /width="(\d+)"/))
      return try #require(Double(header.1))
    }
    #expect(try width("random") == 880)
    let long = "async-hyperband, 32 workers"
    #expect(try width(long) >= 680 + 62 + 7.2 * Double("\(long) (1 runs)".count))
  }
}
