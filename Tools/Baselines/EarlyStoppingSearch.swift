import TabularNAS

/// Random search accelerated by sequential regression models (Baker et al. 2018, §4).
///
/// Configurations are drawn without replacement in a random order. The first
/// `fullyTrained` train to the end; then one ``SequentialRegressionModel`` per checkpoint is
/// fitted on them and kept. Every later configuration trains checkpoint by checkpoint (paying
/// only the new epochs) and stops as soon as the prediction says it is unlikely to beat the best
/// final value so far: P(ŷ_T ≤ y_best − δ) ≥ Δ (mirrored for lower-is-better metrics).
/// Configurations that are not stopped train fully and may raise y_best.
public struct EarlyStoppingSearch: SearchStrategy {
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

  /// Creates the strategy.
  public init(
    threshold: Double = 0.99, margin: Double = 0, fullyTrained: Int = 50,
    checkpoints: [Double] = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9],
    family: ModelFamily = .nuSVRRBF, draws: Int = 10
  ) {
    self.threshold = threshold
    self.margin = margin
    self.fullyTrained = fullyTrained
    self.checkpoints = checkpoints
    self.family = family
    self.draws = draws
  }

  /// `srm-random`.
  public var name: String { "srm-random" }

  /// The prefix lengths τ of the checkpoints on a dataset (at least 1, below the full curve).
  public func observedCounts(on dataset: LearningCurveDataset) -> [Int] {
    let length = dataset.epochs.count
    return Array(Set(checkpoints.map { max(1, min(length - 1, Int(($0 * Double(length)).rounded()))) })).sorted()
  }

  /// Runs until the budget is spent or every configuration has been tried.
  public func run(on benchmark: LearningCurveDataset, budget: Double, seed: UInt64) throws -> BenchmarkRun<LearningCurveDataset> {
    try search(on: benchmark, budget: budget, seed: seed).run
  }

  /// What one search did, for speedup reports.
  public struct Outcome: Sendable {
    /// The run and its log.
    public let run: BenchmarkRun<LearningCurveDataset>
    /// Configurations tried, in order.
    public let tried: [LearningCurveKey]
    /// The configurations stopped early.
    public let stopped: Set<LearningCurveKey>
    /// Epochs trained in total.
    public let epochsTrained: Int
  }

  /// Searches and reports what was stopped and how many epochs were trained.
  public func search(on dataset: LearningCurveDataset, budget: Double, seed: UInt64) throws -> Outcome {
    var run = BenchmarkRun(benchmark: dataset)
    var generator = SplitMix64(seed: seed)
    let order = dataset.keys.shuffled(using: &generator)
    let last = dataset.epochs.upperBound, first = dataset.epochs.lowerBound
    let counts = observedCounts(on: dataset)
    var model: SequentialRegressionModel?
    var best: Double?
    var tried: [LearningCurveKey] = [], stopped = Set<LearningCurveKey>(), epochsTrained = 0
    for key in order where run.totalCost < budget {
      tried.append(key)
      if model == nil && tried.count > fullyTrained {
        model = try SequentialRegressionModel(
          dataset: dataset, configurations: Array(tried.dropLast()), observedCounts: counts, family: family, draws: draws,
          uncertainty: .folds(5), seed: seed)
      }
      var trained = 0  // epochs trained so far; epoch 0 (the untrained network) is free
      if let model, let incumbent = best {
        let curve = try dataset.curve(of: key)
        for tau in counts {
          let epoch = first + tau - 1
          if epoch > trained {
            try run.resume(key, from: trained, to: epoch)
            epochsTrained += epoch - trained
            trained = epoch
          }
          let prediction = try model.predict(key, observedCurve: Array(curve.prefix(tau)))
          let unlikely =
            dataset.direction == .higherIsBetter
            ? prediction.probability(atMost: incumbent - margin)
            : 1 - prediction.probability(atMost: incumbent + margin)
          if unlikely >= threshold {
            stopped.insert(key)
            break
          }
        }
      }
      guard !stopped.contains(key) else { continue }
      let final = try run.resume(key, from: trained, to: last).value
      epochsTrained += last - trained
      if best.map({ dataset.direction.isImprovement(final, over: $0) }) ?? true { best = final }
    }
    return Outcome(run: run, tried: tried, stopped: stopped, epochsTrained: epochsTrained)
  }
}
