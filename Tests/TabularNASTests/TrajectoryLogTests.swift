import Foundation
import Testing
@testable import TabularNAS

@Suite("Trajectory log and runs")
struct TrajectoryLogTests {
  let bench = NASHPOBench2.synthetic()

  @Test("cumulative cost and best-so-far: only validation queries compete, ties keep the first")
  func bestSoFar() {
    var log = TrajectoryLog<NASHPOKey>()
    let a = NASHPOKey(index: 1), b = NASHPOKey(index: 2), c = NASHPOKey(index: 3)
    log.record(key: a, value: 90, cost: 10, epochs: 12, split: .test)
    #expect(log.best == nil)
    log.record(key: a, value: 50, cost: 5, epochs: 12, split: .valid)
    log.record(key: b, value: 60, cost: 5, epochs: 12, split: .valid)
    log.record(key: c, value: 60, cost: 5, epochs: 12, split: .valid)
    log.record(key: c, value: 99, cost: 5, epochs: 12, split: .train)
    #expect(log.values == [90, 50, 60, 60, 99])
    #expect(log.totalCosts == [10, 15, 20, 25, 30])
    #expect(log.bestValues == [nil, 50, 60, 60, 60])
    #expect(log.bestKeys == [nil, a, b, b, b])
    #expect(log.totalCost == 30)
    log.reset()
    #expect(log.count == 0 && log.totalCost == 0 && log.best == nil)
  }

  @Test("lower-is-better metrics improve downwards")
  func lowerIsBetter() {
    var log = TrajectoryLog<NASHPOKey>(direction: .lowerIsBetter)
    for (index, value) in [120.0, 90, 95, 80].enumerated() {
      log.record(key: NASHPOKey(index: index), value: value, cost: 1, epochs: 1)
    }
    #expect(log.bestValues == [120, 90, 90, 80])
  }

  @Test("a run logs what the store answers and reports get_results' final accuracies")
  func runResults() throws {
    var run = BenchmarkRun(benchmark: bench)
    var generator = SplitMix64(seed: 3)
    var expectedCost = 0.0
    while run.totalCost < 20_000 {
      let key = bench.randomKey(using: &generator)
      let result = try run.query(key)
      #expect(result == (try bench.query(key)))
      expectedCost += result.cost ?? 0
    }
    #expect(run.totalCost == expectedCost)
    let results = try run.results()
    let best = try #require(run.log.best)
    #expect(best.value == run.log.values.max())
    #expect(results.finalValues == [
      try bench.query(best.key, mode: .test).accuracy, try bench.query(best.key, epoch: 200).accuracy,
    ])
    #expect(results.finalEpochs == [12, 200])
    #expect(try run.results(epochs: [200]).finalValues == [results.finalValues[1]])
    #expect(results.values.count == run.log.count && results.bestKeys.last == best.key)
  }

  @Test("results need a validation query; 200-epoch queries need a cost rule to be logged")
  func runErrors() throws {
    var run = BenchmarkRun(benchmark: bench)
    #expect(throws: BenchmarkError.noValidationQuery(loggedQueries: 0)) { try run.results() }
    try run.queryByKey(cellcode: "0|10|210", lr: 0.1, batchSize: 256, mode: .test)
    #expect(throws: BenchmarkError.noValidationQuery(loggedQueries: 1)) { try run.results() }
    #expect(throws: NASHPOBench2Error.surrogateCostUnavailable) {
      try run.queryByKey(cellcode: "0|10|210", lr: 0.1, batchSize: 256, epoch: 200)
    }
    #expect(run.log.count == 1)
    #expect(NASHPOBench2Error.surrogateCostUnavailable.description.contains("extrapolated"))

    var charged = BenchmarkRun(benchmark: bench, surrogateCost: .extrapolated)
    let result = try charged.queryByKey(cellcode: "0|10|210", lr: 0.1, batchSize: 256, epoch: 200)
    #expect(charged.totalCost == result.cost)
    #expect(charged.log.entries[0].epochs == 200)
    charged.reset()
    #expect(charged.log.count == 0)
  }

  @Test("JSON export carries get_results' keys and parses back")
  func jsonExport() throws {
    var run = BenchmarkRun(benchmark: bench)
    try run.queryByKey(cellcode: "0|10|210", lr: 0.1, batchSize: 256, mode: .train, iepoch: 3)
    try run.queryByKey(cellcode: "0|00|000", lr: 0.025, batchSize: 64)
    let text = try run.results().json.text
    let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    for name in ["acc_trans", "key_trans", "best_acc_trans", "best_key_trans", "total_cost_trans", "final_accs"] {
      #expect(object[name] != nil, "missing \(name)")
    }
    let keys = try #require(object["key_trans"] as? [[String: Any]])
    #expect(keys[0]["cellcode"] as? String == "0|10|210")
    #expect(keys[0]["lr"] as? Double == 0.1)
    #expect(keys[0]["batch_size"] as? Int == 256)
    let best = try #require(object["best_acc_trans"] as? [Any])
    #expect(best[0] is NSNull)
    #expect((object["acc_trans"] as? [Double]) == run.log.values)
    #expect((object["dataset"] as? String)?.contains("synthetic") == true)
  }

  @Test("CSV export has one row per query with the best-so-far and the dataset label")
  func csvExport() throws {
    var run = BenchmarkRun(benchmark: bench)
    try run.queryByKey(cellcode: "0|10|210", lr: 0.1, batchSize: 256, mode: .test)
    try run.queryByKey(cellcode: "0|00|000", lr: 0.025, batchSize: 64, iepoch: 6, seed: 555)
    let lines = run.log.csv(dataset: bench.name).split(separator: "\n").map(String.init)
    #expect(lines.count == 3)
    #expect(lines[0] == "query,cellcode,lr,batch_size,epochs,mode,seed,value,cost,total_cost,best_value,"
      + "best_cellcode,best_lr,best_batch_size,dataset")
    #expect(lines[1].hasPrefix("1,0|10|210,0.1,256,12,test,222,"))
    #expect(lines[1].contains(",,,,,\"NAS-HPO-Bench-II [synthetic (seed 0; generated, not measured)]\""))
    #expect(lines[2].hasPrefix("2,0|00|000,0.025,64,6,valid,555,\(run.log.values[1]),"))
    #expect(lines[2].contains(",0|00|000,0.025,64,\"NAS-HPO-Bench-II [synthetic"))
  }

  @Test("concurrent runs on one shared store give the same logs as sequential runs")
  func concurrentRuns() async throws {
    let bench = self.bench
    @Sendable func search(seed: UInt64) throws -> [Double] {
      var run = BenchmarkRun(benchmark: bench)
      var generator = SplitMix64(seed: seed)
      while run.totalCost < 20_000 {
        let mode: QueryMode = generator.next() % 4 == 0 ? .test : .valid
        try run.query(bench.randomKey(using: &generator), mode: mode, iepoch: Int(generator.next() % 12) + 1)
      }
      return run.log.values + run.log.totalCosts + run.log.bestValues.map { $0 ?? -1 }
    }
    let sequential = try (0..<16).map { try search(seed: UInt64($0)) }
    let concurrent = try await withThrowingTaskGroup(of: (Int, [Double]).self) { group in
      for index in 0..<16 { group.addTask { (index, try search(seed: UInt64(index))) } }
      var logs = [[Double]](repeating: [], count: 16)
      for try await (index, log) in group { logs[index] = log }
      return logs
    }
    #expect(concurrent == sequential)
  }
}
