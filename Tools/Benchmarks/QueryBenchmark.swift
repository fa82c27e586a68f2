import Foundation
import TabularNAS

/// Logged NAS-HPO-Bench-II queries per second on the full-size synthetic table.
enum QueryBenchmark {
  static let queryCount = 2_000_000

  static func run() throws {
    let setup = ContinuousClock.now
    let bench = NASHPOBench2.synthetic()
    print("query benchmark: \(bench.name), \(bench.table.runs.recordCount) runs, "
      + "generated in \(ContinuousClock.now - setup)")
    var generator = SplitMix64(seed: 1)
    let keys = (0..<queryCount).map { _ in bench.randomKey(using: &generator) }
    let iepochs = (0..<queryCount).map { _ in Int.random(in: 1...12, using: &generator) }
    let codes = keys.map { $0.cell.description }

    var checksum = 0.0
    let unlogged = try measure {
      for key in keys { checksum += try bench.query(key).accuracy }
    }
    let logged = try measure {
      var run = BenchmarkRun(benchmark: bench)
      for key in keys { try run.query(key) }
      checksum += run.totalCost
    }
    let loggedPartial = try measure {
      var run = BenchmarkRun(benchmark: bench)
      for (key, iepoch) in zip(keys, iepochs) { try run.query(key, iepoch: iepoch) }
      checksum += run.totalCost
    }
    let loggedByString = try measure {
      var run = BenchmarkRun(benchmark: bench)
      for (key, code) in zip(keys, codes) {
        try run.queryByKey(cellcode: code, lr: key.learningRate, batchSize: key.batchSize)
      }
      checksum += run.totalCost
    }
    // Searches run many short logs (a 20,000 s budget buys tens to hundreds of queries).
    let shortRunLength = 200
    let loggedShortRuns = try measure {
      for start in stride(from: 0, to: queryCount, by: shortRunLength) {
        var run = BenchmarkRun(benchmark: bench)
        for key in keys[start..<min(start + shortRunLength, queryCount)] { try run.query(key) }
        checksum += run.totalCost
      }
    }
    func nanoseconds(_ seconds: Double) -> String {
      String(Int((seconds / Double(queryCount) * 1e9).rounded())) + " ns"
    }
    let rows = [
      ("unlogged query (typed key, epoch 12)", unlogged),
      ("logged query (typed key, epoch 12), one 2M-query run", logged),
      ("logged query (typed key, epoch 12), runs of \(shortRunLength)", loggedShortRuns),
      ("logged query (typed key, random iepoch: sums)", loggedPartial),
      ("logged queryByKey (cell code string, lr, batch size)", loggedByString),
    ]
    for (name, seconds) in rows {
      let perSecond = Int(Double(queryCount) / seconds)
      print("  \(name.padding(toLength: 54, withPad: " ", startingAt: 0)) \(nanoseconds(seconds))/query  "
        + "\(perSecond) queries/s  ×\(String(format: "%.2f", seconds / unlogged)) of unlogged")
    }
    print("  goal: ≤ 100 ns per logged query  (checksum \(checksum.isFinite ? "ok" : "nan"))")
  }
}
