import Foundation
import TabularNAS

/// Hyperband (Li et al. 2018): brackets of successive halving over random configurations.
///
/// With R the full training length in epochs and η the halving rate, bracket s (from
/// s_max = ⌊log_η R⌋ down to 0) starts n = ⌈(s_max + 1) η^s / (s + 1)⌉ configurations at
/// r = R η^(−s) epochs, and each round keeps the best ⌊nᵢ/η⌋ and trains them η times longer,
/// paying only for the new epochs. Brackets repeat until the budget is spent.
public struct Hyperband<Benchmark: TabularBenchmark>: SearchStrategy {
  /// The halving rate η (default 3).
  public var eta: Double
  /// R, the full training length in epochs (default: the dataset's last epoch).
  public var maximumEpochs: Int?

  /// Creates the strategy.
  public init(eta: Double = 3, maximumEpochs: Int? = nil) {
    precondition(eta > 1, "η must exceed 1")
    self.eta = eta
    self.maximumEpochs = maximumEpochs
  }

  /// `hyperband`.
  public var name: String { "hyperband" }

  /// Runs brackets while the total cost is below the budget.
  public func run(on benchmark: Benchmark, budget: Double, seed: UInt64) throws -> BenchmarkRun<Benchmark> {
    var run = BenchmarkRun(benchmark: benchmark)
    var generator = SplitMix64(seed: seed)
    let range = benchmark.epochRange
    let full = min(maximumEpochs ?? range.upperBound, range.upperBound)
    let lowest = max(range.lowerBound, 1)
    let sMax = Int((log(Double(full) / Double(lowest)) / log(eta)).rounded(.down) + 1e-9)
    while run.totalCost < budget {
      for s in stride(from: sMax, through: 0, by: -1) {
        let count = Int((Double(sMax + 1) / Double(s + 1) * pow(eta, Double(s))).rounded(.up))
        var survivors = (0..<count).map { _ in benchmark.randomConfiguration(using: &generator) }
        var trained = [Int](repeating: 0, count: survivors.count)
        for round in 0...s {
          let epochs = min(full, max(lowest, Int((Double(full) * pow(eta, Double(round - s))).rounded())))
          var scored: [(position: Int, value: Double)] = []
          for position in survivors.indices {
            guard run.totalCost < budget else { return run }
            let value: Double
            if epochs > trained[position] {
              value = try run.resume(survivors[position], from: trained[position], to: epochs).value
              trained[position] = epochs
            } else {
              value = try benchmark.evaluate(survivors[position], epochs: epochs).value
            }
            scored.append((position, value))
          }
          let keep = max(1, Int(Double(survivors.count) / eta))
          guard round < s else { break }
          scored.sort { benchmark.direction.isImprovement($0.value, over: $1.value) }
          let kept = scored.prefix(keep).map(\.position)
          survivors = kept.map { survivors[$0] }
          trained = kept.map { trained[$0] }
        }
      }
    }
    return run
  }
}
