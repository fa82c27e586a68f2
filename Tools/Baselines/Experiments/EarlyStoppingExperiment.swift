import Dispatch
import TabularNAS

/// Baker et al. (2018, §4)'s early-stopping evaluation: search every configuration of a
/// dataset in several random orders, and compare the epochs trained with training all fully.
public struct EarlyStoppingExperiment<Benchmark: LearningCurveBenchmark>: Sendable {
  /// One ordering's outcome.
  public struct Ordering: Sendable {
    /// Epochs trained with early stopping.
    public let epochsTrained: Int
    /// Epochs to train every configuration fully.
    public let epochsWithout: Int
    /// Configurations stopped early.
    public let stoppedCount: Int
    /// Whether the configuration with the best final value was trained fully.
    public let bestTrainedFully: Bool

    /// epochsWithout / epochsTrained.
    public var speedup: Double { Double(epochsWithout) / Double(max(epochsTrained, 1)) }
  }

  /// The strategy evaluated.
  public let search: EarlyStoppingSearch<Benchmark>
  /// The number of random orders.
  public let orderings: Int
  /// The base seed.
  public let seed: UInt64

  /// Creates an experiment.
  public init(search: EarlyStoppingSearch<Benchmark>, orderings: Int = 10, seed: UInt64 = 0) {
    self.search = search
    self.orderings = orderings
    self.seed = seed
  }

  /// Runs every ordering (in parallel; each from its own seed).
  ///
  /// - Throws: ``PredictionError`` when the dataset has too few configurations to fit the
  ///   models, and query errors.
  public func run(on dataset: Benchmark) throws -> [Ordering] {
    guard dataset.configurationCount > search.fullyTrained else {
      throw PredictionError.tooFewRows(dataset.configurationCount, needed: search.fullyTrained + 1, reason: "early stopping after \(search.fullyTrained) full trainings")
    }
    let best = try dataset.bestConfiguration(by: dataset.finalValue(of:))?.configuration
    let fullLength = dataset.epochRange.upperBound
    let slots = ParallelResults<Result<Ordering, any Error>>(count: orderings)
    DispatchQueue.concurrentPerform(iterations: orderings) { index in
      _ = slots.set(
        index,
        Result {
          let outcome = try search.search(
            on: dataset, budget: .infinity, seed: SearchExperiment<EarlyStoppingSearch<Benchmark>>.runSeed(base: seed, index: index))
          return Ordering(
            epochsTrained: outcome.epochsTrained, epochsWithout: outcome.tried.count * fullLength,
            stoppedCount: outcome.stopped.count, bestTrainedFully: best.map { !outcome.stopped.contains($0) } ?? false)
        })
    }
    return try slots.values.map { try $0.get() }
  }
}
