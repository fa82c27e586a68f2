import Testing
@testable import Baselines
@testable import TabularNAS

@Suite("Searches on files holding a subset")
struct SubsetSearchTests {
  static let whole = NASHPOBench2.synthetic()
  /// 100 cells, three learning rates, two batch sizes, seeds 555 and 888.
  static let subset = try! whole.restricted(
    toCells: CellCode.all.filter { $0.index % 41 == 3 }, learningRates: [0.0125, 0.05, 0.2], batchSizes: [64, 256],
    seeds: [555, 888])

  @Test("every algorithm queries only keys the files hold", arguments: SearchAlgorithm.allCases)
  func staysInside(algorithm: SearchAlgorithm) throws {
    let space = Self.subset.searchSpace
    let runner = SearchRunner(algorithm: algorithm, settings: SearchSettings(), budget: 30_000, seed: 3)
    let results: [SearchRunResults<NASHPOKey>]
    do {
      results = try runner.run(on: Self.subset, runs: 0..<2, jobs: 1)
    } catch let error as SearchError {
      // The product-space searches refuse files lacking cells, naming why.
      #expect([.reinforce, .randomThenEvolution, .bohbThenEvolution].contains(algorithm), "\(error)")
      #expect("\(error)".contains("files lacking some cells"))
      return
    }
    for run in results {
      #expect(!run.results.keys.isEmpty)
      #expect(run.results.keys.allSatisfy(space.contains), "\(algorithm) left the subset")
    }
  }

  @Test("the mutation draws what the reference draws on the whole benchmark and stays in a subset")
  func mutation() {
    let whole = NASHPOMutation(), partial = NASHPOMutation(space: Self.subset.searchSpace)
    let everything = NASHPOMutation(space: try! Self.whole.restricted(toCells: CellCode.all).searchSpace)
    var first = SplitMix64(seed: 9), second = SplitMix64(seed: 9)
    var key = NASHPOKey(index: 12_345)
    for _ in 0..<500 {
      // The general rule on a complete space (through neighbours) draws exactly the reference's keys.
      let reference = whole.neighbour(of: key, using: &first)
      let elements = everything.neighbours(of: key)
      let element = elements[Int.random(in: 0..<elements.count, using: &second)]
      #expect(element[Int.random(in: 0..<element.count, using: &second)] == reference)
      key = reference
    }
    var generator = SplitMix64(seed: 4)
    var inside = Self.subset.searchSpace[17]
    for _ in 0..<500 {
      let child = partial.neighbour(of: inside, using: &generator)
      #expect(Self.subset.searchSpace.contains(child) && child != inside)
      inside = child
    }
  }

  @Test("the choices code the held hyperparameters and snap to the nearest held cell")
  func choices() {
    let choices = NASHPOChoices(space: Self.subset.searchSpace)
    #expect(!choices.isProduct)
    #expect(choices.dimensions.suffix(2) == [.categorical(choices: 3), .categorical(choices: 2)])
    for position in stride(from: 0, to: Self.subset.count, by: 37) {
      let key = Self.subset.searchSpace[position]
      #expect(choices.configuration(nearest: choices.vector(of: key)) == key)
    }
    let snapped = choices.configuration(nearest: [0, 0, 0, 0, 0, 0, 9, -1])
    #expect(Self.subset.searchSpace.contains(snapped))
    #expect(snapped.learningRate == 0.2 && snapped.batchSize == 64)
    #expect(NASHPOChoices(space: try! Self.whole.restricted(learningRates: [0.1]).searchSpace).isProduct)
  }
}
