import Dispatch
import Foundation
import TabularNAS

/// Many independent runs of one strategy on one dataset, spread over threads.
///
/// Run i draws from its own seed, derived from the base seed and i alone, so results are the
/// same whatever the number of jobs or how runs are split into shards.
public struct SearchExperiment<Strategy: SearchStrategy>: Sendable {
  /// The strategy.
  public let strategy: Strategy
  /// How each run is driven (and what ends it).
  public let driver: SearchDriver
  /// The base seed.
  public let seed: UInt64

  /// Creates an experiment.
  public init(strategy: Strategy, driver: SearchDriver, seed: UInt64) {
    self.strategy = strategy
    self.driver = driver
    self.seed = seed
  }

  /// Creates an experiment of sequential runs, each while its total cost is below the budget
  /// (in the benchmark's cost unit).
  public init(strategy: Strategy, budget: Double, seed: UInt64) {
    self.init(strategy: strategy, driver: .sequential(budget: budget), seed: seed)
  }

  /// The seed of run `index`.
  public static func runSeed(base: UInt64, index: Int) -> UInt64 {
    var generator = SplitMix64(seed: base ^ (UInt64(index) &* 0x9E37_79B9_7F4A_7C15))
    return generator.next()
  }

  /// Runs the given run indices with `jobs` threads; `progress` is called after each run with
  /// the number finished so far.
  ///
  /// - Throws: The first run's error, if any fails.
  public func run(
    on benchmark: Strategy.Benchmark, runs: Range<Int>, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
    progress: (@Sendable (Int) -> Void)? = nil
  ) throws -> [SearchRunResults<Strategy.Benchmark.Configuration>] {
    let indices = Array(runs)
    let results = ParallelResults<Result<SearchRunResults<Strategy.Benchmark.Configuration>, any Error>>(count: indices.count)
    let workers = max(1, min(jobs, indices.count))
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      for slot in stride(from: worker, to: indices.count, by: workers) {
        let outcome = Result {
          var search = try strategy.start(on: benchmark, seed: Self.runSeed(base: seed, index: indices[slot]))
          return try driver.run(&search, on: benchmark)
        }
        let finished = results.set(slot, outcome)
        progress?(finished)
      }
    }
    return try results.values.map { try $0.get() }
  }
}
