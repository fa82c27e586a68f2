import TabularNAS

/// BOHB (Falkner et al. 2018): Hyperband's brackets with η = 3 whose new configurations come
/// from a TPE-style model — densities of good and bad configurations per budget — as the
/// NAS-HPO-Bench-II reference runs it through hpbandster (``BOHBIterations``, ``BOHBModel``).
///
/// Budgets are epochs: 1, 4 and 12 on NAS-HPO-Bench-II (the reference's `iepoch`), and the same
/// fractions of full training on the learning-curve files, whose configurations are modelled by
/// their scaled features and snapped to the nearest row. A configuration promoted to a larger
/// budget resumes (default) or trains from scratch (the reference). The reference always runs 40
/// iterations whatever the time budget; here the budget ends a run unless `iterations` is given.
public struct BOHB<Vectors: ConfigurationVectors>: SearchStrategy {
  /// The dataset type.
  public typealias Benchmark = Vectors.Benchmark

  /// The dataset's coordinates.
  public let vectors: Vectors
  /// The model's settings.
  public var model: BOHBModelSettings
  /// The halving rate η (3).
  public var eta: Double
  /// The smallest budget in epochs (default: the first trained epoch).
  public var minimumEpochs: Int?
  /// The largest budget (default: full training).
  public var maximumEpochs: Int?
  /// Iterations to run at most (`nil`: until the budget is spent; the reference: 40).
  public var iterations: Int?
  /// How promoted configurations train.
  public var training: PartialTraining

  /// Creates the strategy with the reference's settings.
  public init(
    vectors: Vectors, model: BOHBModelSettings = BOHBModelSettings(), eta: Double = 3, minimumEpochs: Int? = nil,
    maximumEpochs: Int? = nil, iterations: Int? = nil, training: PartialTraining = .resume
  ) {
    precondition(eta > 1, "η must exceed 1")
    self.vectors = vectors
    self.model = model
    self.eta = eta
    self.minimumEpochs = minimumEpochs
    self.maximumEpochs = maximumEpochs
    self.iterations = iterations
    self.training = training
  }

  /// `bohb`.
  public var name: String { "bohb" }

  /// Starts a run.
  ///
  /// - Throws: ``SearchError/maximumEpochsOutOfRange(_:allowed:)``.
  public func start(on benchmark: Benchmark, seed: UInt64) throws -> Search {
    let everything = Array(vectors.dimensions.indices)
    return Search(
      iterations: try BOHBIterations(
        benchmark: benchmark, vectors: vectors, settings: model, eta: eta, minimumEpochs: minimumEpochs,
        maximumEpochs: maximumEpochs, iterations: iterations, training: training, free: everything,
        base: [Double](repeating: 0, count: everything.count), generator: SplitMix64(seed: seed)))
  }

  /// One run of BOHB.
  public struct Search: AskTellSearch {
    /// The dataset type.
    public typealias Benchmark = Vectors.Benchmark

    var iterations: BOHBIterations<Vectors>

    /// The next trial, `wait` while every iteration waits for results, or `finished`.
    public mutating func ask() throws -> TrialRequest<Benchmark.Configuration> { try iterations.ask() }
    /// Feeds the result to its iteration and to the model.
    public mutating func tell(_ result: TrialResult<Benchmark.Configuration>) { iterations.tell(result) }
  }
}
