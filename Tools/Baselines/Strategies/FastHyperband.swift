import TabularNAS

/// f-Hyperband (Baker et al. 2018, §4.2.1): Hyperband whose successive-halving rounds stop
/// configurations early with sequential regression models that predict the value at the
/// round's epochs rᵢ.
///
/// It starts exactly as ``Hyperband`` and samples the same configurations from the same seed.
/// Once `burnIn` (the paper's 100, our d) distinct configurations have trained to at least rᵢ
/// epochs (so y_{rᵢ} is known), a model per checkpoint is fitted on them to predict y_{rᵢ}, and
/// every later round that trains to rᵢ stops a configuration at a checkpoint when
/// P(ŷ_{rᵢ} ≤ y_ref − δ) ≥ Δ. The reference y_ref is the ⌈κ nᵢ⌉-th best value at rᵢ among the
/// round's configurations trained fully so far (κ: the proportion of the nᵢ that must train
/// fully); until that many have, nobody stops. Stopped configurations rank by their predicted
/// value. Checkpoints are fractions of the curve up to rᵢ plus the lower rungs, the epochs
/// survivors arrive with (free to evaluate). Runs on any ``LearningCurveBenchmark`` (the models
/// read its features).
public struct FastHyperband<Benchmark: LearningCurveBenchmark>: SearchStrategy {
  /// The halving rate η.
  public var eta: Double
  /// R, the full training length (default: the dataset's last epoch).
  public var maximumEpochs: Int?
  /// Passes over all brackets to run at most (`nil`: until the budget is spent).
  public var iterations: Int?
  /// The probability threshold Δ.
  public var threshold: Double
  /// The margin δ, in metric units.
  public var margin: Double
  /// d: configurations trained fully to rᵢ before its models are fitted.
  public var burnIn: Int
  /// κ: the proportion of each round's configurations that must train fully.
  public var kappa: Double
  /// Checkpoints as fractions of the curve up to rᵢ.
  public var checkpoints: [Double]
  /// The regression family.
  public var family: ModelFamily
  /// Random-search draws when tuning each model.
  public var draws: Int

  /// Creates the strategy.
  public init(
    eta: Double = 3, maximumEpochs: Int? = nil, iterations: Int? = nil, threshold: Double = 0.95, margin: Double = 0,
    burnIn: Int = SearchSettings.defaultBurnIn, kappa: Double = 0.1, checkpoints: [Double] = [0.1, 0.25, 0.5, 0.75],
    family: ModelFamily = .nuSVRRBF, draws: Int = 10
  ) {
    precondition(eta > 1 && kappa > 0 && kappa <= 1 && burnIn >= 5, "η > 1, κ in (0, 1], d ≥ 5")
    self.eta = eta
    self.maximumEpochs = maximumEpochs
    self.iterations = iterations
    self.threshold = threshold
    self.margin = margin
    self.burnIn = burnIn
    self.kappa = kappa
    self.checkpoints = checkpoints
    self.family = family
    self.draws = draws
  }

  /// `f-hyperband`.
  public var name: String { "f-hyperband" }

  /// Runs brackets while the total cost is below the budget and passes remain.
  ///
  /// - Throws: ``SearchError/maximumEpochsOutOfRange(_:allowed:)`` for an R outside the
  ///   dataset's epochs; ``PredictionError`` when a model cannot be fitted; query errors.
  public func run(on dataset: Benchmark, budget: Double, seed: UInt64) throws -> BenchmarkRun<Benchmark> {
    let stopper = CheckpointStopper<Benchmark>(threshold: threshold, margin: margin)
    var reached = TrainingRecord<Benchmark.Configuration>()
    var models: [Int: SequentialRegressionModel<Benchmark>] = [:]
    var roundID = -1, fullValues: [Double] = []
    return try HyperbandSchedule<Benchmark>(eta: eta, maximumEpochs: maximumEpochs, iterations: iterations).run(
      on: dataset, budget: budget, seed: seed
    ) { run, round, key, trained in
      if round.id != roundID { (roundID, fullValues) = (round.id, []) }
      let first = dataset.epochRange.lowerBound, length = round.epochs - first + 1
      let lowerRungs = round.rungs.filter { $0 < round.epochs }.map { $0 - first + 1 }
      let counts = Array(Set(CheckpointStopper<Benchmark>.prefixLengths(checkpoints, of: length) + lowerRungs))
        .filter { $0 >= 1 && $0 < length }.sorted()
      if models[round.epochs] == nil, !counts.isEmpty {
        let keys = reached.configurations(trainedTo: round.epochs)
        if keys.count >= burnIn {
          models[round.epochs] = try SequentialRegressionModel(
            dataset: dataset, configurations: keys, observedCounts: counts, family: family, draws: draws,
            uncertainty: .folds(5), target: .value(afterEpochs: round.epochs), seed: seed)
        }
      }
      let reference = max(1, Int((kappa * Double(round.size)).rounded(.up)))
      var trained = trained
      if let model = models[round.epochs], fullValues.count >= reference {
        let incumbent = fullValues.sorted { dataset.direction.isImprovement($0, over: $1) }[reference - 1]
        let outcome = try stopper.train(
          key, counts: counts, model: model, reference: incumbent, from: trained, run: &run, budget: budget)
        switch outcome {
        case .stopped(let prediction, let epochs):
          reached.record(key, epochs: epochs)
          return (prediction, epochs)
        case .outOfBudget: return nil
        case .passed(let epochs): trained = epochs
        }
      }
      guard run.totalCost < budget || round.epochs <= trained else { return nil }
      let outcome = try run.train(key, from: trained, to: round.epochs)
      fullValues.append(outcome.score)
      reached.record(key, epochs: outcome.trained)
      return outcome
    }
  }
}
