import Foundation
import Testing
@testable import TabularNAS

@Suite("One interface over every dataset")
struct BenchmarkRunTests {
  /// A random search written once against the protocol, as the baselines will be.
  private func randomSearch<B: TabularBenchmark>(_ benchmark: B, budget: Double, seed: UInt64) throws -> BenchmarkRun<B> {
    var run = BenchmarkRun(benchmark: benchmark)
    var generator = SplitMix64(seed: seed)
    while run.totalCost < budget {
      try run.query(benchmark.randomConfiguration(using: &generator))
    }
    return run
  }

  private func curves(_ text: String) throws -> LearningCurveDataset {
    let files = try TemporaryFiles()
    defer { files.remove() }
    return try LearningCurveDataset(contentsOf: files.write("runs.csv", text))
  }

  @Test("on NAS-HPO-Bench-II the generic query logs exactly what the query with every reference option logs")
  func nasHPOBench() throws {
    let bench = NASHPOBench2.synthetic()
    let generic = try randomSearch(bench, budget: 20_000, seed: 5)
    var reference = BenchmarkRun(benchmark: bench)
    var generator = SplitMix64(seed: 5)
    while reference.totalCost < 20_000 { try reference.query(bench.randomConfiguration(using: &generator), epoch: 12, mode: .valid) }
    #expect(generic.log.values == reference.log.values)
    #expect(generic.log.totalCosts == reference.log.totalCosts)
    #expect(try generic.results().json.text == reference.results().json.text)
    #expect(generic.log.entries.map(\.seed) == reference.log.entries.map(\.seed))
    #expect(bench.epochRange == 1...12 && bench.configurationCount == 196_608)
    #expect(try bench.query(bench.configuration(at: 7), epochs: 3) == bench.query(NASHPOKey(index: 7), iepoch: 3))
  }

  @Test("on a learning-curve file the same search runs, with the same export shapes")
  func curveExports() throws {
    let data = try curves("ModelId,lr,acc_1,acc_2\n10,0.1,0.2,0.5\n11,0.2,0.3,0.7\n12,0.3,0.1,0.6\n")
    let run = try randomSearch(data, budget: 10, seed: 1)
    #expect(run.totalCost == 10)
    #expect(run.log.count == 5)
    let results = try run.results()
    let json = try #require(try JSONSerialization.jsonObject(with: Data(results.json.text.utf8)) as? [String: Any])
    #expect(
      Set(json.keys) == [
        "acc_trans", "key_trans", "best_acc_trans", "best_key_trans", "total_cost_trans", "final_accs", "final_epochs",
        "dataset",
      ])
    #expect(json["final_epochs"] as? [Int] == [2])
    let firstKey = try #require((json["key_trans"] as? [[String: Int]])?.first)
    #expect(Set(firstKey.keys) == ["config", "id"])
    let pickled = try PickleDecoder().decode(results.pickleBytes)
    #expect(
      pickled.entries.map(\.key)
        == ["acc_trans", "key_trans", "best_acc_trans", "best_key_trans", "total_cost_trans", "final_accs"].map(
          PickleValue.string))
    #expect(pickled["key_trans"] == .list(run.log.keys.map(\.pickleDict)))
    let csv = run.log.csv(dataset: data.label).split(separator: "\n")
    #expect(csv.first == "query,config,id,epochs,mode,seed,value,cost,total_cost,best_value,best_config,best_id,dataset")
    #expect(csv.count == 6)
  }

  @Test("best-so-far follows the metric’s direction; partial-training queries log their epochs")
  func direction() throws {
    let data = try curves("e1LossMean,e2LossMean\n3,2\n4,1\n5,4\n")
    var run = BenchmarkRun(benchmark: data)
    for position in [0, 1, 2] { try run.query(data.configuration(at: position)) }
    #expect(run.log.bestValues == [2, 1, 1])
    #expect(try run.results().finalValues == [1])
    try run.query(data.configuration(at: 2), epochs: 1)
    #expect(run.log.entries.last?.epochs == 1)
    #expect(run.totalCost == 7)
  }

  @Test("runs report nothing before their first query and log nothing for a bad epoch")
  func errors() throws {
    let data = try curves("acc_1,acc_2\n0.1,0.2\n")
    var run = BenchmarkRun(benchmark: data)
    #expect(throws: BenchmarkError.noValidationQuery(loggedQueries: 0)) { try run.results() }
    #expect(throws: LearningCurveError.epochOutOfRange(3, allowed: 1...2)) {
      try run.query(data.configuration(at: 0), epochs: 3)
    }
    #expect(run.log.count == 0)
  }

  @Test("concurrent runs on one shared dataset equal sequential ones")
  func concurrentRuns() async throws {
    let data = try curves("acc_1,acc_2\n" + (0..<50).map { "0.\($0),0.\($0 + 1)" }.joined(separator: "\n"))
    let sequential = try (0..<8).map { try randomSearch(data, budget: 100, seed: UInt64($0)).log.values }
    let concurrent = try await withThrowingTaskGroup(of: (Int, [Double]).self) { group in
      for seed in 0..<8 { group.addTask { (seed, try randomSearch(data, budget: 100, seed: UInt64(seed)).log.values) } }
      var logs = [[Double]](repeating: [], count: 8)
      for try await (seed, values) in group { logs[seed] = values }
      return logs
    }
    #expect(concurrent == sequential)
  }
}
