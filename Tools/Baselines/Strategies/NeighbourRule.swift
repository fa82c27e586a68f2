import TabularNAS

/// How evolution mutates a configuration into a different, nearby one.
public protocol NeighbourRule<Benchmark>: Sendable {
  /// The dataset type.
  associatedtype Benchmark: TabularBenchmark

  /// A random neighbour of a configuration, never the configuration itself.
  func neighbour<G: RandomNumberGenerator>(of configuration: Benchmark.Configuration, using generator: inout G)
    -> Benchmark.Configuration
}
