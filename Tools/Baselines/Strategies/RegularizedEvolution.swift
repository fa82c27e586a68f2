import TabularNAS

/// Regularized (aging) evolution (Real et al. 2019, Algorithm 1), as the reference baseline:
/// a population of random configurations; each cycle samples some members, mutates the best
/// (by the metric's direction) into a child, trains it, adds it and removes the oldest member.
///
/// On several workers it is Real et al.'s asynchronous form: a free worker gets a random
/// configuration while fewer than `populationSize` results are in, else a child of the
/// population as it stands; each result joins the population when it arrives.
public struct RegularizedEvolution<Rule: NeighbourRule>: SearchStrategy {
  /// The number of members (reference: 10).
  public var populationSize: Int
  /// Members sampled per cycle, with replacement (reference: 3).
  public var sampleSize: Int
  /// How a child is made.
  public var rule: Rule

  /// Creates the strategy with the reference's sizes.
  public init(populationSize: Int = 10, sampleSize: Int = 3, rule: Rule) {
    precondition(populationSize >= 1 && sampleSize >= 1, "population and sample need at least one member")
    self.populationSize = populationSize
    self.sampleSize = sampleSize
    self.rule = rule
  }

  /// `evolution`.
  public var name: String { "evolution" }

  /// Starts a run.
  public func start(on benchmark: Rule.Benchmark, seed: UInt64) -> Search {
    Search(strategy: self, benchmark: benchmark, generator: SplitMix64(seed: seed))
  }

  /// One run of evolution.
  public struct Search: AskTellSearch {
    /// The dataset type.
    public typealias Benchmark = Rule.Benchmark

    let strategy: RegularizedEvolution
    let benchmark: Rule.Benchmark
    var generator: SplitMix64
    var population: [(configuration: Rule.Benchmark.Configuration, value: Double)] = []
    var started = 0

    /// As the reference, the initial population is filled whatever the budget.
    public var needsTrialPastBudget: Bool { started < strategy.populationSize }

    /// A random configuration until the population is full, then a mutated tournament winner.
    public mutating func ask() -> TrialRequest<Rule.Benchmark.Configuration> {
      defer { started += 1 }
      let configuration: Rule.Benchmark.Configuration
      if population.count < strategy.populationSize {
        configuration = benchmark.randomConfiguration(using: &generator)
      } else {
        let parent = Tournament.winner(
          of: population, size: strategy.sampleSize, direction: benchmark.direction, fitness: { $0.value }, using: &generator)
        configuration = strategy.rule.neighbour(of: parent.configuration, using: &generator)
      }
      return .train(Trial(id: started, configuration: configuration, epochs: benchmark.epochRange.upperBound))
    }

    /// Adds the result to the population, retiring the oldest member once it is full.
    public mutating func tell(_ result: TrialResult<Rule.Benchmark.Configuration>) {
      population.append((result.trial.configuration, result.value))
      if population.count > strategy.populationSize { population.removeFirst() }
    }
  }
}
