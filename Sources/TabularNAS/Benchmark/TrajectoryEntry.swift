/// One logged query: what was asked, what it returned, and the run's state after it.
///
/// Stored compactly (48 bytes for a one-integer key) because searches log millions.
public struct TrajectoryEntry<Key: TrajectoryKey>: Sendable {
  /// The configuration queried.
  public let key: Key
  /// The metric value returned.
  public let value: Double
  /// The cost of this query.
  public let cost: Double
  /// The run's cumulative cost after this query.
  public let totalCost: Double
  /// Position of the best validation entry so far in the log, or -1 before the first.
  let bestPosition: Int32
  private let storedEpochs: Int32
  private let storedSeed: Int32
  /// The split read; only ``DataSplit/valid`` queries compete for the best-so-far.
  public let split: DataSplit

  private static var noSeed: Int32 { .min }

  init(
    key: Key, value: Double, cost: Double, totalCost: Double, bestPosition: Int32, epochs: Int, split: DataSplit,
    seed: Int?
  ) {
    precondition(Int32(exactly: epochs) != nil, "epoch count \(epochs) is out of range")
    precondition(seed.map { Int32(exactly: $0) != nil && $0 != Int(Self.noSeed) } ?? true, "seed out of range")
    self.key = key
    self.value = value
    self.cost = cost
    self.totalCost = totalCost
    self.bestPosition = bestPosition
    self.storedEpochs = Int32(epochs)
    self.storedSeed = seed.map(Int32.init) ?? Self.noSeed
    self.split = split
  }

  /// The training epochs the value reflects (the fidelity).
  public var epochs: Int { Int(storedEpochs) }

  /// The training seed, where the dataset has seeds.
  public var seed: Int? { storedSeed == Self.noSeed ? nil : Int(storedSeed) }
}
