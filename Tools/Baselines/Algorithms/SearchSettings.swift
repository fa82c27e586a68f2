import TabularNAS

/// The values of a search's settings; `nil` takes the algorithm's default.
public struct SearchSettings: Sendable {
  /// Evolution: population size [10].
  public var population: Int?
  /// Evolution: members sampled per cycle [3].
  public var sample: Int?
  /// Hyperband: halving rate [3].
  public var eta: Double?
  /// Hyperband: full training length [the last epoch].
  public var maximumEpochs: Int?
  /// ASHA: the lowest rung r in epochs [the first trained epoch].
  public var minimumEpochs: Int?
  /// ASHA: explicit rungs in epochs [r, rη, rη², …, R].
  public var rungs: [Int]?
  /// ASHA: promotion-based or stopping-based [promotion].
  public var halvingRule: HalvingRule?
  /// Hyperband: passes over all brackets [until the budget is spent].
  public var iterations: Int?
  /// Early stopping: Δ [0.99; f-Hyperband 0.95].
  public var threshold: Double?
  /// Early stopping: δ in metric units [0].
  public var margin: Double?
  /// Early stopping: checkpoint fractions.
  public var checkpoints: [Double]?
  /// Early stopping: the regression family [ν-SVR RBF].
  public var model: ModelFamily?
  /// Early stopping: configurations trained fully before fitting [50].
  public var fullyTrained: Int?
  /// f-Hyperband: d [100].
  public var burnIn: Int?
  /// f-Hyperband: κ [0.1].
  public var kappa: Double?
  /// REINFORCE: Adam's learning rate [0.01].
  public var policyLearningRate: Double?
  /// REINFORCE: the reward baseline's momentum [0.9].
  public var baselineMomentum: Double?
  /// BOHB: the model's settings but its samples [the reference's].
  public var bohbModel = BOHBModelSettings()
  /// BOHB: candidates per proposal [4; bohb-then-rea 5].
  public var samples: Int?
  /// BOHB: how promoted configurations train [resume].
  public var partialTraining: PartialTraining?
  /// Two-stage searches: the hyperparameter stage's budget [a quarter of the run's budget].
  public var hyperparameterBudget: Double?

  /// The early-stopping searches' default: configurations trained fully before fitting (Baker et al.: 50).
  public static let defaultFullyTrained = 50
  /// f-Hyperband's default burn-in d (Baker et al.: 100).
  public static let defaultBurnIn = 100

  /// Creates settings, every one at its default.
  public init() {}

  /// Hyperband with these settings.
  public func hyperband<B: TabularBenchmark>() -> Hyperband<B> {
    Hyperband(eta: eta ?? 3, maximumEpochs: maximumEpochs, iterations: iterations)
  }

  /// Successive halving with these settings: Hyperband's most aggressive bracket.
  public func successiveHalving<B: TabularBenchmark>() -> Hyperband<B> {
    Hyperband(eta: eta ?? 3, maximumEpochs: maximumEpochs, iterations: iterations, brackets: 1)
  }

  /// ASHA (one bracket) or asynchronous Hyperband (`nil`: every bracket) with these settings.
  public func asynchronousHyperband<B: TabularBenchmark>(brackets: Int?) -> AsynchronousHyperband<B> {
    AsynchronousHyperband(
      eta: eta ?? 3, minimumEpochs: minimumEpochs, maximumEpochs: maximumEpochs, rungs: rungs, brackets: brackets,
      rule: halvingRule ?? .promotion)
  }

  /// f-Hyperband with these settings.
  public func fastHyperband<B: LearningCurveBenchmark>() -> FastHyperband<B> {
    let defaults = FastHyperband<B>()
    return FastHyperband(
      eta: eta ?? defaults.eta, maximumEpochs: maximumEpochs, iterations: iterations,
      threshold: threshold ?? defaults.threshold, margin: margin ?? defaults.margin, burnIn: burnIn ?? defaults.burnIn,
      kappa: kappa ?? defaults.kappa, checkpoints: checkpoints ?? defaults.checkpoints, family: model ?? defaults.family)
  }

  /// REINFORCE with these settings.
  public func reinforce<Vectors: ConfigurationVectors>(vectors: Vectors) -> Reinforce<Vectors> {
    Reinforce(vectors: vectors, learningRate: policyLearningRate ?? 0.01, momentum: baselineMomentum ?? 0.9)
  }

  /// BOHB with these settings; `iterations` and `samples` default as given (the two-stage
  /// search's first stage runs the reference's 4 iterations of 5 samples).
  public func bohb<Vectors: ConfigurationVectors>(vectors: Vectors, iterations defaultIterations: Int? = nil, samples defaultSamples: Int? = nil)
    -> BOHB<Vectors>
  {
    var model = bohbModel
    model.samples = samples ?? defaultSamples ?? model.samples
    return BOHB(
      vectors: vectors, model: model, eta: eta ?? 3, minimumEpochs: minimumEpochs, maximumEpochs: maximumEpochs,
      iterations: iterations ?? defaultIterations, training: partialTraining ?? .resume)
  }

  /// A two-stage search with these settings: random or BOHB hyperparameters, then evolution.
  ///
  /// - Parameter budget: The run's cost budget, whose quarter is the default first-stage budget.
  public func twoStage<Vectors: ConfigurationVectors>(vectors: Vectors, bohbFirst: Bool, budget: Double) -> TwoStageSearch<Vectors> {
    let first: TwoStageSearch<Vectors>.FirstStage =
      bohbFirst
      ? .bohb(bohb(vectors: vectors, iterations: 4, samples: 5), budget: hyperparameterBudget)
      : .random(budget: hyperparameterBudget ?? budget / 4)
    return TwoStageSearch(vectors: vectors, firstStage: first, populationSize: population ?? 10, sampleSize: sample ?? 3)
  }

  /// Regularized evolution with these settings.
  public func evolution<Rule: NeighbourRule>(rule: Rule) -> RegularizedEvolution<Rule> {
    RegularizedEvolution(populationSize: population ?? 10, sampleSize: sample ?? 3, rule: rule)
  }

  /// The early-stopping search with these settings, in random order or (given a rule) by
  /// regularized evolution.
  public func earlyStopping<B: LearningCurveBenchmark>(rule: (any NeighbourRule<B>)?) -> EarlyStoppingSearch<B> {
    let defaults = EarlyStoppingSearch<B>()
    let order: EarlyStoppingSearch<B>.Order =
      rule.map { .evolution(populationSize: population ?? 10, sampleSize: sample ?? 3, rule: $0) } ?? .random
    return EarlyStoppingSearch(
      threshold: threshold ?? defaults.threshold, margin: margin ?? defaults.margin,
      fullyTrained: fullyTrained ?? defaults.fullyTrained, checkpoints: checkpoints ?? defaults.checkpoints,
      family: model ?? defaults.family, order: order)
  }
}
