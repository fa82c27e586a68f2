import Foundation
import TabularNAS

/// Hyperband's brackets of successive halving (Li et al. 2018), shared by ``Hyperband`` and
/// ``FastHyperband``: which configurations train to how many epochs, and who survives.
struct HyperbandSchedule<Benchmark: TabularBenchmark> {
  /// One round of successive halving.
  struct Round {
    /// A number unique to the round within a run.
    let id: Int
    /// rᵢ: the epochs every survivor trains to.
    let epochs: Int
    /// nᵢ: the survivors entering the round.
    let size: Int
    /// Every rung's epochs in the schedule, ascending (survivors arrive with one of them).
    let rungs: [Int]
  }

  /// η.
  let eta: Double
  /// R (default: the benchmark's last epoch).
  let maximumEpochs: Int?
  /// How many passes over all brackets to run at most (`nil`: until the budget is spent).
  let iterations: Int?

  /// Runs brackets while the total cost is below the budget and passes remain. `train` brings
  /// one survivor from `trained` epochs to the round's epochs and returns its score (the value,
  /// or a prediction) and the epochs it now has; `nil` when the budget ran out.
  func run(
    on benchmark: Benchmark, budget: Double, seed: UInt64,
    train: (inout BenchmarkRun<Benchmark>, Round, Benchmark.Configuration, Int) throws -> (score: Double, trained: Int)?
  ) throws -> BenchmarkRun<Benchmark> {
    var run = BenchmarkRun(benchmark: benchmark)
    var generator = SplitMix64(seed: seed)
    let full = maximumEpochs ?? benchmark.epochRange.upperBound
    let lowest = max(benchmark.epochRange.lowerBound, 1)
    guard benchmark.epochRange.upperBound >= lowest else {
      throw SearchError.noTrainedEpochs(algorithm: "Hyperband", epochs: benchmark.epochRange)
    }
    guard (lowest...benchmark.epochRange.upperBound).contains(full) else {
      throw SearchError.maximumEpochsOutOfRange(full, allowed: lowest...benchmark.epochRange.upperBound)
    }
    let sMax = Int((log(Double(full) / Double(lowest)) / log(eta) + 1e-9).rounded(.down))
    let rungEpochs = { (index: Int, s: Int) in
      min(full, max(lowest, Int((Double(full) * pow(eta, Double(index - s))).rounded())))
    }
    let rungs = Array(Set((0...sMax).map { rungEpochs(0, $0) })).sorted()
    var roundID = 0, pass = 0
    while run.totalCost < budget, pass < iterations ?? .max {
      pass += 1
      for s in stride(from: sMax, through: 0, by: -1) {
        let count = Int((Double(sMax + 1) / Double(s + 1) * pow(eta, Double(s))).rounded(.up))
        var survivors = (0..<count).map { _ in benchmark.randomConfiguration(using: &generator) }
        var trained = [Int](repeating: 0, count: survivors.count)
        for index in 0...s {
          let round = Round(id: roundID, epochs: rungEpochs(index, s), size: survivors.count, rungs: rungs)
          roundID += 1
          var scored: [(position: Int, score: Double)] = []
          for position in survivors.indices {
            guard run.totalCost < budget, let outcome = try train(&run, round, survivors[position], trained[position])
            else { return run }
            trained[position] = outcome.trained
            scored.append((position, outcome.score))
          }
          guard index < s else { break }
          scored.sort { benchmark.direction.isImprovement($0.score, over: $1.score) }
          let kept = scored.prefix(max(1, Int(Double(survivors.count) / eta))).map(\.position)
          survivors = kept.map { survivors[$0] }
          trained = kept.map { trained[$0] }
        }
      }
    }
    return run
  }
}

extension BenchmarkRun {
  /// Trains a configuration from `trained` to `epochs` epochs, or reads the value when it has
  /// trained that long already (free); returns the value and the epochs it now has.
  mutating func train(_ configuration: Benchmark.Configuration, from trained: Int, to epochs: Int) throws
    -> (score: Double, trained: Int)
  {
    guard epochs > trained else { return (try benchmark.query(configuration, epochs: epochs).value, trained) }
    return (try resume(configuration, from: trained, to: epochs).value, epochs)
  }
}
