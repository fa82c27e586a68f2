import TabularNAS

/// Tournament selection (Real et al. 2019): draw `size` members uniformly with replacement
/// and keep the best by the metric's direction (the first drawn of equals).
enum Tournament {
  /// The winner of one tournament over a non-empty population.
  static func winner<Member, G: RandomNumberGenerator>(
    of population: [Member], size: Int, direction: MetricDirection, fitness: (Member) -> Double, using generator: inout G
  ) -> Member {
    var winner = population[Int.random(in: 0..<population.count, using: &generator)]
    for _ in 1..<max(size, 1) {
      let candidate = population[Int.random(in: 0..<population.count, using: &generator)]
      if direction.isImprovement(fitness(candidate), over: fitness(winner)) { winner = candidate }
    }
    return winner
  }
}
