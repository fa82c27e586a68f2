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

  /// Starts a run.
  ///
  /// - Throws: ``SearchError/maximumEpochsOutOfRange(_:allowed:)`` for an R outside the
  ///   dataset's epochs, ``SearchError/noTrainedEpochs(algorithm:epochs:)``.
  public func start(on dataset: Benchmark, seed: UInt64) throws -> Search {
    Search(
      schedule: try HyperbandSchedule(
        benchmark: dataset, eta: eta, maximumEpochs: maximumEpochs, iterations: iterations, seed: seed,
        training: CheckpointRoundTraining(strategy: self, seed: seed)))
  }

  /// One run of f-Hyperband.
  public struct Search: AskTellSearch {
    var schedule: HyperbandSchedule<CheckpointRoundTraining<Benchmark>>

    /// The next stretch of a survivor's training, `wait` while a round finishes, or `finished`.
    ///
    /// - Throws: ``PredictionError`` when a model cannot be fitted; query errors.
    public mutating func ask() throws -> TrialRequest<Benchmark.Configuration> { try schedule.ask() }
    /// Predicts at the checkpoint reached, or scores the survivor.
    public mutating func tell(_ result: TrialResult<Benchmark.Configuration>) throws { try schedule.tell(result) }
  }
}

/// f-Hyperband's training of a survivor in a round: checkpoint by checkpoint once the round's
/// models and reference exist, then to the round's epochs if it was not stopped.
struct CheckpointRoundTraining<Benchmark: LearningCurveBenchmark>: RoundTraining {
  /// One survivor's training.
  struct Job {
    let key: Benchmark.Configuration
    let roundEpochs: Int
    /// The checkpoints still to pass, `nil` once training goes to the round's epochs.
    var checkpoints: CheckpointTraining<Benchmark>?
  }

  let strategy: FastHyperband<Benchmark>
  let seed: UInt64
  private var reached = TrainingRecord<Benchmark.Configuration>()
  private var models: [Int: SequentialRegressionModel<Benchmark>] = [:]
  private var roundID = -1
  private var fullValues: [Double] = []

  init(strategy: FastHyperband<Benchmark>, seed: UInt64) {
    self.strategy = strategy
    self.seed = seed
  }

  mutating func begin(
    _ key: Benchmark.Configuration, trained: Int, round: HyperbandRound, on dataset: Benchmark
  ) throws -> (job: Job, step: RoundStep) {
    if round.id != roundID { (roundID, fullValues) = (round.id, []) }
    let first = dataset.epochRange.lowerBound, length = round.epochs - first + 1
    let lowerRungs = round.rungs.filter { $0 < round.epochs }.map { $0 - first + 1 }
    let counts = Array(Set(CheckpointStopper<Benchmark>.prefixLengths(strategy.checkpoints, of: length) + lowerRungs))
      .filter { $0 >= 1 && $0 < length }.sorted()
    if models[round.epochs] == nil, !counts.isEmpty {
      let keys = reached.configurations(trainedTo: round.epochs)
      if keys.count >= strategy.burnIn {
        models[round.epochs] = try SequentialRegressionModel(
          dataset: dataset, configurations: keys, observedCounts: counts, family: strategy.family, draws: strategy.draws,
          uncertainty: .folds(5), target: .value(afterEpochs: round.epochs), seed: seed)
      }
    }
    let reference = max(1, Int((strategy.kappa * Double(round.size)).rounded(.up)))
    var job = Job(key: key, roundEpochs: round.epochs)
    if let model = models[round.epochs], fullValues.count >= reference {
      let incumbent = fullValues.sorted { dataset.direction.isImprovement($0, over: $1) }[reference - 1]
      let stopper = CheckpointStopper<Benchmark>(threshold: strategy.threshold, margin: strategy.margin)
      job.checkpoints = try stopper.training(key, counts: counts, model: model, reference: incumbent, trained: trained, on: dataset)
    }
    return (job, try step(&job, trained: trained, on: dataset))
  }

  mutating func advance(_ job: inout Job, trainedTo epochs: Int, value: Double, on dataset: Benchmark) throws -> RoundStep {
    guard job.checkpoints != nil else { return finish(job, score: value, trained: epochs) }
    job.checkpoints?.trained = epochs
    return try step(&job, trained: epochs, on: dataset)
  }

  /// Passes checkpoints while it can, then trains to the round's epochs (free when it has them).
  private mutating func step(_ job: inout Job, trained: Int, on dataset: Benchmark) throws -> RoundStep {
    var trained = trained
    if var checkpoints = job.checkpoints {
      let next = try checkpoints.next(on: dataset)
      job.checkpoints = checkpoints
      switch next {
      case .train(let epochs): return .train(epochs: epochs)
      case .stopped(let prediction, let epochs):
        reached.record(job.key, epochs: epochs)
        return .done(score: prediction, trained: epochs)
      case .passed(let epochs):
        job.checkpoints = nil
        trained = epochs
      }
    }
    guard job.roundEpochs > trained else {
      return finish(job, score: try dataset.query(job.key, epochs: job.roundEpochs).value, trained: trained)
    }
    return .train(epochs: job.roundEpochs)
  }

  /// Scores a survivor that trained to the round's epochs.
  private mutating func finish(_ job: Job, score: Double, trained: Int) -> RoundStep {
    fullValues.append(score)
    reached.record(job.key, epochs: trained)
    return .done(score: score, trained: trained)
  }
}
