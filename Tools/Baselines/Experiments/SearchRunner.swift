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

  /// A budget may be at most this many times the cost of training every configuration fully
  /// once, so that every run ends.
  public static let budgetMultiple = 10.0

  /// The budget on a dataset.
  ///
  /// - Throws: ``SearchError/budgetUnreachable(_:maximum:unit:)`` for an infinite budget or one
  ///   above ``budgetMultiple`` × the cost of training every configuration fully; query errors.
  public func budget<B: SearchableBenchmark>(on benchmark: B) throws -> Double {
    guard let budget else { return settings.iterations == nil ? try benchmark.defaultBudget() : .infinity }
    let full = benchmark.epochRange.upperBound
    var total = 0.0
    for position in 0..<benchmark.configurationCount {
      total += try benchmark.query(benchmark.configuration(at: position), epochs: full).cost ?? Double(full)
    }
    let maximum = Self.budgetMultiple * max(total, 1)
    guard budget.isFinite, budget <= maximum else {
      throw SearchError.budgetUnreachable(budget, maximum: maximum, unit: benchmark.costUnit)
    }
    return budget
  }

  /// Runs the given runs (each from its own seed, see ``SearchExperiment``) on `jobs` threads.
  ///
  /// - Throws: The strategy's errors (settings the dataset cannot honour, query errors).
  public func run<B: SearchableBenchmark>(
    on benchmark: B, runs: Range<Int>, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
    progress: (@Sendable (Int) -> Void)? = nil
  ) throws -> [TrajectoryResults<B.Configuration>] {
    try run(on: benchmark, budget: budget(on: benchmark), runs: runs, jobs: jobs, progress: progress)
  }

  /// Runs with a budget already resolved by ``budget(on:)`` (so a caller that reports it
  /// resolves it once).
  ///
  /// - Throws: The strategy's errors.
  public func run<B: SearchableBenchmark>(
    on benchmark: B, budget: Double, runs: Range<Int>, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
    progress: (@Sendable (Int) -> Void)? = nil
  ) throws -> [TrajectoryResults<B.Configuration>] {
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
