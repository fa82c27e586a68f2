import Foundation
import TabularNAS

/// Runs any ``SearchAlgorithm`` with its ``SearchSettings`` on any ``SearchableBenchmark``:
/// the one place that turns a chosen algorithm into a strategy.
public struct SearchRunner: Sendable {
  /// The algorithm.
  public let algorithm: SearchAlgorithm
  /// Its settings.
  public let settings: SearchSettings
  /// The budget of each run (`nil`: the dataset's default, unlimited with `iterations`).
  public let budget: Double?
  /// The base seed.
  public let seed: UInt64

  /// Creates a runner.
  public init(algorithm: SearchAlgorithm, settings: SearchSettings, budget: Double?, seed: UInt64) {
    self.algorithm = algorithm
    self.settings = settings
    self.budget = budget
    self.seed = seed
  }

  /// The budget on a dataset.
  ///
  /// - Throws: The dataset's query errors.
  public func budget<B: SearchableBenchmark>(on benchmark: B) throws -> Double {
    try budget ?? (settings.iterations == nil ? benchmark.defaultBudget() : .infinity)
  }

  /// Runs the given runs (each from its own seed, see ``SearchExperiment``) on `jobs` threads.
  ///
  /// - Throws: The strategy's errors (settings the dataset cannot honour, query errors).
  public func run<B: SearchableBenchmark>(
    on benchmark: B, runs: Range<Int>, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
    progress: (@Sendable (Int) -> Void)? = nil
  ) throws -> [TrajectoryResults<B.Configuration>] {
    let budget = try budget(on: benchmark)
    func execute<S: SearchStrategy>(_ strategy: S) throws -> [TrajectoryResults<B.Configuration>] where S.Benchmark == B {
      try SearchExperiment(strategy: strategy, budget: budget, seed: seed).run(on: benchmark, runs: runs, jobs: jobs, progress: progress)
    }
    switch algorithm {
    case .random: return try execute(UniformRandomSearch<B>())
    case .evolution: return try execute(settings.evolution(rule: try benchmark.neighbourRule()))
    case .hyperband: return try execute(settings.hyperband() as Hyperband<B>)
    case .fastHyperband: return try execute(settings.fastHyperband() as FastHyperband<B>)
    case .earlyStoppingRandom: return try execute(settings.earlyStopping(rule: nil) as EarlyStoppingSearch<B>)
    case .earlyStoppingEvolution: return try execute(settings.earlyStopping(rule: try benchmark.neighbourRule()))
    }
  }
}
