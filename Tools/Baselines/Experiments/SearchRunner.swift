import Foundation
import TabularNAS

/// Runs any ``SearchAlgorithm`` with its ``SearchSettings`` on any ``SearchableBenchmark``,
/// sequentially or on simulated workers: the one place that turns a chosen algorithm into a
/// strategy.
public struct SearchRunner: Sendable {
  /// The algorithm.
  public let algorithm: SearchAlgorithm
  /// Its settings.
  public let settings: SearchSettings
  /// What ends each run (`nil`: the dataset's default cost budget, unlimited with `iterations`).
  public let budget: WorkerBudget?
  /// The base seed.
  public let seed: UInt64
  /// The simulated workers (`nil`: the sequential driver, which takes only cost budgets).
  public let workers: Int?
  /// How decision time is charged on simulated workers.
  public let overhead: DecisionOverhead

  /// Creates a runner.
  public init(
    algorithm: SearchAlgorithm, settings: SearchSettings, budget: WorkerBudget?, seed: UInt64, workers: Int? = nil,
    overhead: DecisionOverhead = .none
  ) {
    self.algorithm = algorithm
    self.settings = settings
    self.budget = budget
    self.seed = seed
    self.workers = workers
    self.overhead = overhead
  }

  /// Creates a sequential runner with a cost budget.
  public init(algorithm: SearchAlgorithm, settings: SearchSettings, budget: Double?, seed: UInt64) {
    self.init(algorithm: algorithm, settings: settings, budget: budget.map(WorkerBudget.cost), seed: seed)
  }

  /// A budget may be at most this many times the cost of training every configuration fully
  /// once, so that every run ends.
  public static let budgetMultiple = 10.0
  /// The most trials a run may start.
  public static let maximumTrials = 1_000_000

  /// The algorithm's name for outputs, with the settings that change what its figures mean
  /// (BOHB's partial training).
  public var label: String {
    switch algorithm {
    case .bohb, .bohbThenEvolution: "\(algorithm.rawValue) (\((settings.partialTraining ?? .resume).label))"
    default: algorithm.rawValue
    }
  }

  /// The budget on a dataset, resolved and checked.
  ///
  /// - Throws: ``SearchError/budgetUnreachable(_:maximum:unit:)`` for a cost above
  ///   ``budgetMultiple`` × the cost of training every configuration fully (a time budget: that
  ///   divided by the workers, who spend it N times over), or more trials than
  ///   ``maximumTrials``; ``SearchError/unsupportedSetting(_:reason:)`` for measured decision
  ///   time on a dataset whose cost is not in seconds; query errors.
  public func budget<B: SearchableBenchmark>(on benchmark: B) throws -> WorkerBudget {
    if overhead == .measured, benchmark.costUnit != "seconds" {
      throw SearchError.unsupportedSetting(
        "measured decision time", reason: "the dataset's cost is in \(benchmark.costUnit), not seconds; charge a fixed amount instead")
    }
    // Iterations bound a whole run, except bohb-then-rea's, which bound its first stage.
    let iterationsEndRuns = settings.iterations != nil && algorithm != .bohbThenEvolution
    guard let budget else { return .cost(iterationsEndRuns ? .infinity : try benchmark.defaultBudget()) }
    switch budget {
    case .trials(let count):
      guard count <= Self.maximumTrials else {
        throw SearchError.budgetUnreachable(Double(count), maximum: Double(Self.maximumTrials), unit: "trials")
      }
    case .cost(let amount), .time(let amount):
      let full = benchmark.epochRange.upperBound
      var total = 0.0
      for position in 0..<benchmark.configurationCount {
        total += try benchmark.query(benchmark.configuration(at: position), epochs: full).cost ?? Double(full)
      }
      // N workers spend N times a time budget.
      let workers = budget.kind == "time" ? Double(workers ?? 1) : 1
      let maximum = Self.budgetMultiple * max(total, 1) / workers
      guard amount.isFinite, amount <= maximum else {
        throw SearchError.budgetUnreachable(amount, maximum: maximum, unit: benchmark.costUnit)
      }
    }
    return budget
  }

  /// The driver of each run under a resolved budget.
  public func driver(budget: WorkerBudget) -> SearchDriver {
    guard workers != nil || budget.kind != "cost" || overhead != .none else { return .sequential(budget: budget.amount) }
    return .simulated(SimulatedWorkers(workers: workers ?? 1, budget: budget, overhead: overhead))
  }

  /// Runs the given runs (each from its own seed, see ``SearchExperiment``) on `jobs` threads.
  ///
  /// - Throws: The strategy's errors (settings the dataset cannot honour, query errors).
  public func run<B: SearchableBenchmark>(
    on benchmark: B, runs: Range<Int>, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
    progress: (@Sendable (Int) -> Void)? = nil
  ) throws -> [SearchRunResults<B.Configuration>] {
    try run(on: benchmark, budget: budget(on: benchmark), runs: runs, jobs: jobs, progress: progress)
  }

  /// Runs with a budget already resolved by ``budget(on:)`` (so a caller that reports it
  /// resolves it once).
  ///
  /// - Throws: The strategy's errors.
  public func run<B: SearchableBenchmark>(
    on benchmark: B, budget: WorkerBudget, runs: Range<Int>, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
    progress: (@Sendable (Int) -> Void)? = nil
  ) throws -> [SearchRunResults<B.Configuration>] {
    let driver = driver(budget: budget)
    func execute<S: SearchStrategy>(_ strategy: S) throws -> [SearchRunResults<B.Configuration>] where S.Benchmark == B {
      try SearchExperiment(strategy: strategy, driver: driver, seed: seed).run(on: benchmark, runs: runs, jobs: jobs, progress: progress)
    }
    switch algorithm {
    case .random: return try execute(UniformRandomSearch<B>())
    case .evolution: return try execute(settings.evolution(rule: try benchmark.neighbourRule()))
    case .hyperband: return try execute(settings.hyperband() as Hyperband<B>)
    case .fastHyperband: return try execute(settings.fastHyperband() as FastHyperband<B>)
    case .earlyStoppingRandom: return try execute(settings.earlyStopping(rule: nil) as EarlyStoppingSearch<B>)
    case .earlyStoppingEvolution: return try execute(settings.earlyStopping(rule: try benchmark.neighbourRule()))
    case .successiveHalving: return try execute(settings.successiveHalving() as Hyperband<B>)
    case .asha: return try execute(settings.asynchronousHyperband(brackets: 1) as AsynchronousHyperband<B>)
    case .asynchronousHyperband: return try execute(settings.asynchronousHyperband(brackets: nil) as AsynchronousHyperband<B>)
    case .reinforce: return try execute(settings.reinforce(vectors: try benchmark.configurationVectors()))
    case .bohb: return try execute(settings.bohb(vectors: try benchmark.configurationVectors()))
    case .randomThenEvolution, .bohbThenEvolution:
      return try execute(
        settings.twoStage(
          vectors: try benchmark.configurationVectors(), bohbFirst: algorithm == .bohbThenEvolution,
          budget: budget.kind == "cost" ? budget.amount : try benchmark.defaultBudget()))
    }
  }
}
