import TabularNAS

/// Search accelerated by sequential regression models (Baker et al. 2018, §4).
///
/// Configurations come in a random order without replacement, or from regularized evolution.
/// The first `fullyTrained` train to the end; then one ``SequentialRegressionModel`` per
/// checkpoint is fitted on them and kept. Every later configuration trains checkpoint by
/// checkpoint (paying only the new epochs) and stops as soon as the prediction says it is
/// unlikely to beat the best final value so far: P(ŷ_T ≤ y_best − δ) ≥ Δ (mirrored for
/// lower-is-better metrics). Configurations that are not stopped train fully and may raise
/// y_best; in evolution a stopped configuration's fitness is its predicted final value. Runs on
/// any ``LearningCurveBenchmark``.
public struct EarlyStoppingSearch<Benchmark: LearningCurveBenchmark>: SearchStrategy {
  /// Where configurations come from.
  public enum Order: Sendable {
    /// A random permutation of the dataset.
    case random
    /// Regularized evolution (population, sample, neighbour rule), as ``RegularizedEvolution``.
    case evolution(populationSize: Int, sampleSize: Int, rule: any NeighbourRule<Benchmark>)
  }

  /// The probability threshold Δ.
  public var threshold: Double
  /// The margin δ, in metric units.
  public var margin: Double
  /// Configurations trained fully before the models are fitted.
  public var fullyTrained: Int
  /// The checkpoints, as fractions of the curve (each becomes a prefix length τ).
  public var checkpoints: [Double]
  /// The regression family of the models.
  public var family: ModelFamily
  /// Random-search draws when tuning each model.
  public var draws: Int
  /// Where configurations come from.
  public var order: Order

  /// Creates the strategy.
  public init(
    threshold: Double = 0.99, margin: Double = 0, fullyTrained: Int = SearchSettings.defaultFullyTrained,
    checkpoints: [Double] = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9],
    family: ModelFamily = .nuSVRRBF, draws: Int = 10, order: Order = .random
  ) {
    self.order = order
    self.threshold = threshold
    self.margin = margin
    self.fullyTrained = fullyTrained
    self.checkpoints = checkpoints
    self.family = family
    self.draws = draws
  }

  /// `srm-random` or `srm-evolution`.
  public var name: String {
    if case .evolution = order { "srm-evolution" } else { "srm-random" }
  }

  /// The prefix lengths τ of the checkpoints on a dataset (at least 1, below the full curve).
  public func observedCounts(on dataset: Benchmark) -> [Int] {
    let length = dataset.epochRange.count
    return Array(Set(CheckpointStopper<Benchmark>.prefixLengths(checkpoints, of: length).map { min(length - 1, $0) })).sorted()
  }

  /// Runs until the budget is spent or every configuration has been tried.
  public func run(on benchmark: Benchmark, budget: Double, seed: UInt64) throws -> BenchmarkRun<Benchmark> {
    try search(on: benchmark, budget: budget, seed: seed).run
  }

  /// What one search did, for speedup reports.
  public struct Outcome: Sendable {
    /// The run and its log.
    public let run: BenchmarkRun<Benchmark>
    /// Configurations tried, in order.
    public let tried: [Benchmark.Configuration]
    /// The configurations stopped early.
    public let stopped: Set<Benchmark.Configuration>
    /// Epochs trained in total.
    public let epochsTrained: Int
  }

  /// Searches and reports what was stopped and how many epochs were trained.
  public func search(on dataset: Benchmark, budget: Double, seed: UInt64) throws -> Outcome {
    var state = SearchState(search: self, dataset: dataset, budget: budget, seed: seed)
    switch order {
    case .random:
      for position in state.randomOrder where state.run.totalCost < budget {
        _ = try state.train(dataset.configuration(at: position))
      }
    case .evolution(let populationSize, let sampleSize, let rule):
      var population: [(key: Benchmark.Configuration, fitness: Double)] = []
      for position in state.randomOrder.prefix(populationSize) where state.run.totalCost < budget {
        let key = dataset.configuration(at: position)
        population.append((key, try state.train(key)))
      }
      while state.run.totalCost < budget, !population.isEmpty {
        let parent = Tournament.winner(
          of: population, size: sampleSize, direction: dataset.direction, fitness: { $0.fitness }, using: &state.generator)
        let child = rule.neighbour(of: parent.key, using: &state.generator)
        population.append((child, try state.train(child)))
        population.removeFirst()
      }
    }
    return Outcome(run: state.run, tried: state.tried, stopped: state.stopped, epochsTrained: state.epochsTrained)
  }
}

/// One early-stopping search in progress.
private struct SearchState<Benchmark: LearningCurveBenchmark> {
  let search: EarlyStoppingSearch<Benchmark>
  let dataset: Benchmark
  let budget: Double
  let seed: UInt64
  let counts: [Int]
  var generator: SplitMix64
  /// A random permutation of the configuration positions (mapped to configurations as used).
  let randomOrder: [Int]
  var run: BenchmarkRun<Benchmark>
  var model: SequentialRegressionModel<Benchmark>?
  var best: Double?
  var tried: [Benchmark.Configuration] = []
  var fullyTrainedKeys: [Benchmark.Configuration] = []
  var stopped = Set<Benchmark.Configuration>()
  var epochsTrained = 0

  init(search: EarlyStoppingSearch<Benchmark>, dataset: Benchmark, budget: Double, seed: UInt64) {
    self.search = search
    self.dataset = dataset
    self.budget = budget
    self.seed = seed
    counts = search.observedCounts(on: dataset)
    generator = SplitMix64(seed: seed)
    randomOrder = (0..<dataset.configurationCount).shuffled(using: &generator)
    run = BenchmarkRun(benchmark: dataset)
  }

  /// Trains a configuration, stopping it early when the models say so; returns its fitness:
  /// the final value, or the predicted one when stopped. Training also ends, unfinished, when
  /// the budget runs out, so a run overshoots by at most one query.
  mutating func train(_ key: Benchmark.Configuration) throws -> Double {
    tried.append(key)
    if model == nil && fullyTrainedKeys.count >= search.fullyTrained {
      model = try SequentialRegressionModel(
        dataset: dataset, configurations: fullyTrainedKeys, observedCounts: counts, family: search.family,
        draws: search.draws, uncertainty: .folds(5), seed: seed)
    }
    var trained = 0  // epochs trained so far; epoch 0 (the untrained network) is free
    if let model, let incumbent = best {
      let stopper = CheckpointStopper<Benchmark>(threshold: search.threshold, margin: search.margin)
      switch try stopper.train(key, counts: counts, model: model, reference: incumbent, from: 0, run: &run, budget: budget) {
      case .stopped(let prediction, let epochs):
        epochsTrained += epochs
        stopped.insert(key)
        return prediction
      case .outOfBudget(let latest, let epochs):
        epochsTrained += epochs
        return latest ?? dataset.direction.worst
      case .passed(let epochs):
        trained = epochs
        epochsTrained += epochs
      }
    }
    let last = dataset.epochRange.upperBound
    guard run.totalCost < budget || trained == 0 else { return dataset.direction.worst }
    let final = try run.resume(key, from: trained, to: last).value
    epochsTrained += last - trained
    fullyTrainedKeys.append(key)
    if best.map({ dataset.direction.isImprovement(final, over: $0) }) ?? true { best = final }
    return final
  }
}
