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

  /// Starts a run.
  public func start(on dataset: Benchmark, seed: UInt64) -> Search { Search(search: self, dataset: dataset, seed: seed) }

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

  /// Searches on one worker and reports what was stopped and how many epochs were trained.
  ///
  /// - Throws: ``PredictionError`` when the models cannot be fitted; query errors.
  public func search(on dataset: Benchmark, budget: Double, seed: UInt64) throws -> Outcome {
    var state = start(on: dataset, seed: seed)
    let run = try SequentialDriver(budget: budget).run(&state, on: dataset)
    return Outcome(run: run, tried: state.tried, stopped: state.stopped, epochsTrained: state.epochsTrained)
  }

  /// One early-stopping search in progress. Each configuration is one trial, trained
  /// checkpoint by checkpoint; on several workers, several configurations train at once and a
  /// configuration's next stretch goes to the first free worker.
  public struct Search: AskTellSearch {
    /// One configuration in training.
    private struct Job {
      let key: Benchmark.Configuration
      /// Whether it is a child of the population (not one of the initial members).
      let isChild: Bool
      /// The checkpoints still to pass, `nil` once it trains to the end.
      var checkpoints: CheckpointTraining<Benchmark>?
    }

    let search: EarlyStoppingSearch<Benchmark>
    let dataset: Benchmark
    let seed: UInt64
    let counts: [Int]
    var generator: SplitMix64
    /// A random permutation of the configuration positions (mapped to configurations as used).
    let randomOrder: [Int]
    private var nextInOrder = 0
    private var model: SequentialRegressionModel<Benchmark>?
    private var best: Double?
    /// Configurations tried, in order.
    public private(set) var tried: [Benchmark.Configuration] = []
    /// Configurations stopped early.
    public private(set) var stopped = Set<Benchmark.Configuration>()
    /// Epochs trained so far.
    public private(set) var epochsTrained = 0
    private var fullyTrainedKeys: [Benchmark.Configuration] = []
    private var population: [(key: Benchmark.Configuration, fitness: Double)] = []
    private var jobs: [Int: Job] = [:]
    private var ready: [Trial<Benchmark.Configuration>] = []

    init(search: EarlyStoppingSearch<Benchmark>, dataset: Benchmark, seed: UInt64) {
      self.search = search
      self.dataset = dataset
      self.seed = seed
      counts = search.observedCounts(on: dataset)
      generator = SplitMix64(seed: seed)
      randomOrder = (0..<dataset.configurationCount).shuffled(using: &generator)
    }

    /// A configuration's next stretch of training, or a new configuration: the next in the
    /// random order, or a mutated tournament winner once the population is full.
    public mutating func ask() throws -> TrialRequest<Benchmark.Configuration> {
      while true {
        if !ready.isEmpty { return .train(ready.removeFirst()) }
        let next: (key: Benchmark.Configuration, isChild: Bool)
        switch search.order {
        case .random:
          guard nextInOrder < randomOrder.count else { return jobs.isEmpty ? .finished : .wait }
          next = (dataset.configuration(at: randomOrder[nextInOrder]), false)
          nextInOrder += 1
        case .evolution(let populationSize, let sampleSize, let rule):
          if population.count < populationSize, nextInOrder < randomOrder.count {
            next = (dataset.configuration(at: randomOrder[nextInOrder]), false)
            nextInOrder += 1
          } else if !population.isEmpty {
            let parent = Tournament.winner(
              of: population, size: sampleSize, direction: dataset.direction, fitness: { $0.fitness }, using: &generator)
            next = (rule.neighbour(of: parent.key, using: &generator), true)
          } else {
            return jobs.isEmpty ? .finished : .wait
          }
        }
        if let trial = try begin(next.key, isChild: next.isChild) { return .train(trial) }
      }
    }

    /// Predicts at the checkpoint reached, or takes the final value.
    public mutating func tell(_ result: TrialResult<Benchmark.Configuration>) throws {
      guard var job = jobs[result.trial.id] else { return }
      epochsTrained += result.trial.epochs - result.trainedEpochs
      if job.checkpoints == nil {
        finishTraining(job, final: result.value)
        jobs[result.trial.id] = nil
        return
      }
      job.checkpoints?.trained = result.trial.epochs
      if let trial = try step(&job, id: result.trial.id, trained: result.trial.epochs) { ready.append(trial) }
    }

    /// Starts a configuration: fits the models once enough have trained fully, then trains it
    /// checkpoint by checkpoint (or fully, before the models). Returns its first trial, or `nil`
    /// when it was stopped before training anything.
    private mutating func begin(_ key: Benchmark.Configuration, isChild: Bool) throws -> Trial<Benchmark.Configuration>? {
      let id = tried.count
      tried.append(key)
      if model == nil && fullyTrainedKeys.count >= search.fullyTrained {
        model = try SequentialRegressionModel(
          dataset: dataset, configurations: fullyTrainedKeys, observedCounts: counts, family: search.family,
          draws: search.draws, uncertainty: .folds(5), seed: seed)
      }
      var job = Job(key: key, isChild: isChild)
      if let model, let incumbent = best {
        let stopper = CheckpointStopper<Benchmark>(threshold: search.threshold, margin: search.margin)
        job.checkpoints = try stopper.training(key, counts: counts, model: model, reference: incumbent, trained: 0, on: dataset)
      }
      return try step(&job, id: id, trained: 0)
    }

    /// Passes checkpoints while it can; returns the next trial, or `nil` when the job is done.
    private mutating func step(_ job: inout Job, id: Int, trained: Int) throws -> Trial<Benchmark.Configuration>? {
      if var checkpoints = job.checkpoints {
        let next = try checkpoints.next(on: dataset)
        job.checkpoints = checkpoints
        switch next {
        case .train(let epochs):
          jobs[id] = job
          return Trial(id: id, configuration: job.key, epochs: epochs)
        case .stopped(let prediction, _):
          stopped.insert(job.key)
          join(job, fitness: prediction)
          jobs[id] = nil
          return nil
        case .passed:
          job.checkpoints = nil
        }
      }
      jobs[id] = job
      return Trial(id: id, configuration: job.key, epochs: dataset.epochRange.upperBound)
    }

    /// Records a configuration trained to the end.
    private mutating func finishTraining(_ job: Job, final: Double) {
      fullyTrainedKeys.append(job.key)
      if best.map({ dataset.direction.isImprovement(final, over: $0) }) ?? true { best = final }
      join(job, fitness: final)
    }

    /// Adds a finished configuration to evolution's population.
    private mutating func join(_ job: Job, fitness: Double) {
      guard case .evolution = search.order else { return }
      population.append((job.key, fitness))
      if job.isChild { population.removeFirst() }
    }
  }
}
