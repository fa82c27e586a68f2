import Baselines
import Testing
import TabularNAS

/// The README's own-algorithm example, verbatim (the test runs fewer seeds).
struct HalfAndHalf: SearchStrategy {
  var name: String { "half-and-half" }
  func start(on benchmark: NASHPOBench2, seed: UInt64) -> Search { Search(benchmark: benchmark, generator: SplitMix64(seed: seed)) }

  struct Search: AskTellSearch {
    typealias Benchmark = NASHPOBench2
    let benchmark: NASHPOBench2
    var generator: SplitMix64
    var started = 0, short: [(trial: Int, key: NASHPOKey, value: Double)] = [], promoted = Set<Int>()

    mutating func ask() -> TrialRequest<NASHPOKey> {
      let median = short.map(\.value).sorted().dropFirst(short.count / 2).first ?? .infinity
      if let good = short.first(where: { $0.value >= median && !promoted.contains($0.trial) }) {
        promoted.insert(good.trial)  // same trial id: the driver resumes it, paying epochs 5–12 only
        return .train(Trial(id: good.trial, configuration: good.key, epochs: 12))
      }
      defer { started += 1 }
      return .train(Trial(id: started, configuration: benchmark.randomConfiguration(using: &generator), epochs: 4))
    }

    mutating func tell(_ result: TrialResult<NASHPOKey>) {
      if result.trial.epochs == 4 { short.append((result.trial.id, result.trial.configuration, result.value)) }
    }
  }
}

@Suite("The README's own search")
struct OwnSearchExampleTests {
  @Test("runs sequentially, on simulated workers and as an experiment, resuming its promoted trials")
  func runs() throws {
    let bench = NASHPOBench2.synthetic()
    let sequential = try HalfAndHalf().run(on: bench, budget: 20_000, seed: 1)  // one worker
    var search = HalfAndHalf().start(on: bench, seed: 1)
    let parallel = try SimulatedWorkers(workers: 8, budget: .time(20_000)).run(&search, on: bench)
    let runs = try SearchExperiment(
      strategy: HalfAndHalf(), driver: .simulated(SimulatedWorkers(workers: 8, budget: .time(20_000))), seed: 0
    ).run(on: bench, runs: 0..<8)
    #expect(sequential.log.entries.contains { $0.epochs == 12 } && sequential.totalCost >= 20_000)
    #expect(parallel.timeline.records.contains { $0.trainedEpochs == 4 && $0.epochs == 12 })
    #expect(parallel.timeline.utilisation > 0.99)
    #expect(runs.count == 8 && runs.allSatisfy { $0.timeline?.records.allSatisfy { $0.end <= 20_000 } == true })
  }
}
