import Testing
@testable import Baselines
@testable import TabularNAS

@Suite("Typed algorithms and their settings")
struct SearchAlgorithmTests {
  @Test("every algorithm declares its settings, and every setting applies to some algorithm")
  func settings() {
    #expect(SearchAlgorithm.random.settings.isEmpty)
    #expect(SearchSetting.kappa.algorithms == [.fastHyperband])
    #expect(SearchSetting.fullyTrained.algorithms == [.earlyStoppingRandom, .earlyStoppingEvolution])
    #expect(SearchSetting.allCases.allSatisfy { !$0.algorithms.isEmpty })
    #expect(SearchAlgorithm.names == "random, evolution, hyperband, f-hyperband, srm-random, srm-evolution, successive-halving, asha, async-hyperband, reinforce, bohb, rs-then-rea or bohb-then-rea")
  }

  @Test("the runner gives what the strategy gives when run directly")
  func runnerMatchesStrategy() throws {
    let bench = NASHPOBench2.synthetic()
    var settings = SearchSettings()
    settings.population = 5
    let viaRunner = try SearchRunner(algorithm: .evolution, settings: settings, budget: 4000, seed: 2).run(on: bench, runs: 0..<3)
    let direct = try SearchExperiment(
      strategy: RegularizedEvolution(populationSize: 5, rule: NASHPOMutation()), budget: 4000, seed: 2
    ).run(on: bench, runs: 0..<3)
    #expect(viaRunner == direct)
    #expect(try SearchRunner(algorithm: .random, settings: settings, budget: nil, seed: 0).budget(on: bench) == .cost(20_000))
  }

  @Test("tournament selection keeps the best of its draws by the metric's direction")
  func tournament() {
    var generator = SplitMix64(seed: 1)
    let population = [3.0, 1, 2]
    let lows = (0..<50).map { _ in
      Tournament.winner(of: population, size: 3, direction: .lowerIsBetter, fitness: { $0 }, using: &generator)
    }
    #expect(lows.filter { $0 == 1 }.count > 25)
    #expect(Tournament.winner(of: [7.0], size: 5, direction: .higherIsBetter, fitness: { $0 }, using: &generator) == 7)
  }
}
