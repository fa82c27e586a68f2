import TabularNAS

/// Regularized (aging) evolution (Real et al. 2019, Algorithm 1), as the reference baseline:
/// a population of random configurations; each cycle samples some members, mutates the best
/// (by the metric's direction) into a child, queries it, adds it and removes the oldest member.
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

  /// Evolves while the total cost is below the budget.
  public func run(on benchmark: Rule.Benchmark, budget: Double, seed: UInt64) throws -> BenchmarkRun<Rule.Benchmark> {
    var run = BenchmarkRun(benchmark: benchmark)
    var generator = SplitMix64(seed: seed)
    var population: [(configuration: Rule.Benchmark.Configuration, value: Double)] = []
    // As the reference: the initial population is filled whatever the budget.
    while population.count < populationSize {
      let configuration = benchmark.randomConfiguration(using: &generator)
      population.append((configuration, try run.query(configuration).value))
    }
    while run.totalCost < budget {
      let parent = Tournament.winner(
        of: population, size: sampleSize, direction: benchmark.direction, fitness: { $0.value }, using: &generator)
      let child = rule.neighbour(of: parent.configuration, using: &generator)
      population.append((child, try run.query(child).value))
      population.removeFirst()
    }
    return run
  }
}
