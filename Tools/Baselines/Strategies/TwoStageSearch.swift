import TabularNAS

/// Hyperparameters first, then the architecture — the NAS-HPO-Bench-II reference's
/// `rs_then_rea.py` and `bohb_then_rea.py`: on one random architecture, a hyperparameter search
/// (random search until its own budget, or BOHB for some iterations); then regularized
/// evolution over architectures with the best hyperparameters found, mutating only the
/// architecture, until the run's budget (which counts the first stage's cost too, as the
/// reference's log is not reset between stages).
public struct TwoStageSearch<Vectors: ConfigurationVectors>: SearchStrategy {
  /// The dataset type.
  public typealias Benchmark = Vectors.Benchmark

  /// The hyperparameter search.
  public enum FirstStage: Sendable {
    /// Random hyperparameters, fully trained, while the cost so far is below `budget`
    /// (reference: 5,000 s).
    case random(budget: Double)
    /// BOHB over the hyperparameters for `iterations` iterations (reference: 4, with 5 samples),
    /// stopping earlier once the cost so far reaches `budget`.
    case bohb(BOHB<Vectors>, budget: Double?)
  }

  /// The dataset's coordinates.
  public let vectors: Vectors
  /// The first stage.
  public var firstStage: FirstStage
  /// Evolution's population (10) and tournament (3) sizes.
  public var populationSize: Int, sampleSize: Int

  /// Creates the strategy.
  public init(vectors: Vectors, firstStage: FirstStage, populationSize: Int = 10, sampleSize: Int = 3) {
    precondition(populationSize >= 1 && sampleSize >= 1, "population and sample need at least one member")
    self.vectors = vectors
    self.firstStage = firstStage
    self.populationSize = populationSize
    self.sampleSize = sampleSize
  }

  /// `rs-then-rea` or `bohb-then-rea`.
  public var name: String {
    if case .random = firstStage { "rs-then-rea" } else { "bohb-then-rea" }
  }

  /// Starts a run on a random architecture.
  ///
  /// - Throws: ``SearchError/unsupportedSetting(_:reason:)`` on a dataset that does not separate
  ///   hyperparameters from a categorical architecture; BOHB's setting errors.
  public func start(on benchmark: Benchmark, seed: UInt64) throws -> Search {
    let hyperparameters = vectors.hyperparameterDimensions, architecture = vectors.architectureDimensions
    guard vectors.isProduct, !hyperparameters.isEmpty, !architecture.isEmpty else {
      throw SearchError.unsupportedSetting(
        name, reason: "it searches training hyperparameters and then the architecture, every combination of them; \(benchmark.name)'s configurations do not separate them so (rows of a table, or files lacking some cells)")
    }
    var generator = SplitMix64(seed: seed)
    let start = vectors.dimensions.randomVector(
      over: Array(vectors.dimensions.indices), base: [Double](repeating: 0, count: vectors.dimensions.count), using: &generator)
    let stage: Search.Stage
    switch firstStage {
    case .random(let budget): stage = .random(budget: budget)
    case .bohb(let bohb, let budget):
      stage = .bohb(
        try BOHBIterations(
          benchmark: benchmark, vectors: vectors, settings: bohb.model, eta: bohb.eta, minimumEpochs: bohb.minimumEpochs,
          maximumEpochs: bohb.maximumEpochs, iterations: bohb.iterations, training: bohb.training, free: hyperparameters,
          base: start, extraPoints: 1, generator: SplitMix64(seed: generator.next())),
        budget: budget)
    }
    return Search(strategy: self, benchmark: benchmark, generator: generator, vector: start, stage: stage)
  }

  /// One run: the hyperparameter stage, then evolution.
  public struct Search: AskTellSearch {
    /// The dataset type.
    public typealias Benchmark = Vectors.Benchmark

    enum Stage {
      case random(budget: Double)
      case bohb(BOHBIterations<Vectors>, budget: Double?)
      case evolution
    }

    let strategy: TwoStageSearch
    let benchmark: Benchmark
    var generator: SplitMix64
    /// The architecture searched first; then the best hyperparameters found, with any architecture.
    var vector: [Double]
    var stage: Stage
    var costSoFar = 0.0
    var best: (vector: [Double], value: Double)?
    var running: Set<Int> = []
    var nextTrial = 0
    var evolutionStarted = 0
    var population: [(vector: [Double], value: Double)] = []
    /// The vector of each running trial, by trial id.
    var trialVectors: [Int: [Double]] = [:]
    /// The results the hyperparameter stage was told.
    public private(set) var firstStageTrials = 0

    /// As the reference, evolution's initial population is filled whatever the budget.
    public var needsTrialPastBudget: Bool {
      if case .evolution = stage { evolutionStarted < strategy.populationSize } else { false }
    }

    /// The hyperparameters found so far (with the first stage's architecture), once known.
    public var hyperparameters: [Double]? {
      if case .evolution = stage { strategy.vectors.hyperparameterDimensions.map { vector[$0] } } else { nil }
    }

    /// A trial of the current stage, `wait` while the first stage's last trials run, or (BOHB's
    /// stage) whatever BOHB answers.
    public mutating func ask() throws -> TrialRequest<Benchmark.Configuration> {
      while true {
        switch stage {
        case .random(let budget):
          if costSoFar < budget {
            let draw = strategy.vectors.dimensions.randomVector(
              over: strategy.vectors.hyperparameterDimensions, base: vector, using: &generator)
            return train(draw)
          }
          guard running.isEmpty else { return .wait }
          beginEvolution(trialsUsed: nextTrial)
        case .bohb(var iterations, let budget):
          if budget.map({ costSoFar < $0 }) ?? true, !iterations.isFinished {
            let request = try iterations.ask()
            stage = .bohb(iterations, budget: budget)
            if case .train(let trial) = request {
              trialVectors[trial.id] = strategy.vectors.vector(of: trial.configuration)
              running.insert(trial.id)
              return request
            }
            if case .wait = request { return .wait }
          }
          guard running.isEmpty else { return .wait }
          beginEvolution(trialsUsed: iterations.trialCount)
        case .evolution:
          defer { evolutionStarted += 1 }
          if population.count < strategy.populationSize {
            return train(
              strategy.vectors.dimensions.randomVector(over: strategy.vectors.architectureDimensions, base: vector, using: &generator))
          }
          let parent = Tournament.winner(
            of: population, size: strategy.sampleSize, direction: benchmark.direction, fitness: { $0.value }, using: &generator)
          return train(mutated(parent.vector))
        }
      }
    }

    /// Takes a result: the first stage keeps the best so far (and feeds BOHB), evolution ages its population.
    public mutating func tell(_ result: TrialResult<Benchmark.Configuration>) {
      running.remove(result.trial.id)
      costSoFar += result.cost
      let vector = trialVectors.removeValue(forKey: result.trial.id) ?? strategy.vectors.vector(of: result.trial.configuration)
      switch stage {
      case .random, .bohb:
        firstStageTrials += 1
        if case .bohb(var iterations, let budget) = stage {
          iterations.tell(result)
          stage = .bohb(iterations, budget: budget)
        }
        // Every result competes, whatever its budget, as in the reference's log.
        if best.map({ benchmark.direction.isImprovement(result.value, over: $0.value) }) ?? true { best = (vector, result.value) }
      case .evolution:
        population.append((vector, result.value))
        if population.count > strategy.populationSize { population.removeFirst() }
      }
    }

    /// Fixes the best hyperparameters and starts evolution.
    private mutating func beginEvolution(trialsUsed: Int) {
      if let best {
        for index in strategy.vectors.hyperparameterDimensions { vector[index] = best.vector[index] }
      }
      nextTrial = max(nextTrial, trialsUsed)
      stage = .evolution
    }

    /// A fully trained trial of a vector's configuration.
    private mutating func train(_ draw: [Double]) -> TrialRequest<Benchmark.Configuration> {
      let configuration = strategy.vectors.configuration(nearest: draw)
      defer { nextTrial += 1 }
      trialVectors[nextTrial] = draw
      running.insert(nextTrial)
      return .train(Trial(id: nextTrial, configuration: configuration, epochs: benchmark.epochRange.upperBound))
    }

    /// One architecture coordinate changed to a different choice, uniformly (the reference
    /// mutates one of the six edges and keeps the learning rate and batch size).
    private mutating func mutated(_ parent: [Double]) -> [Double] {
      var child = parent
      let architecture = strategy.vectors.architectureDimensions
      let coordinate = architecture[Int.random(in: 0..<architecture.count, using: &generator)]
      guard case .categorical(let choices) = strategy.vectors.dimensions[coordinate], choices > 1 else { return child }
      let current = Int(parent[coordinate]), draw = Int.random(in: 0..<(choices - 1), using: &generator)
      child[coordinate] = Double(draw >= current ? draw + 1 : draw)
      return child
    }
  }
}
