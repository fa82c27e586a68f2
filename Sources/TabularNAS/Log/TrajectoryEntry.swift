/// One logged query: what was asked, what it returned, and the run's state after it.
public struct TrajectoryEntry<Key: TrajectoryKey>: Sendable {
  /// The configuration queried.
  public let key: Key
  /// The metric value returned.
  public let value: Double
  /// The cost of this query.
  public let cost: Double
  /// The run's cumulative cost after this query.
  public let totalCost: Double
  /// The training epochs the value reflects (the fidelity).
  public let epochs: Int
  /// The split read; only ``QueryMode/valid`` queries compete for the best-so-far.
  public let mode: QueryMode
  /// The training seed, where the dataset has seeds.
  public let seed: Int?
}
