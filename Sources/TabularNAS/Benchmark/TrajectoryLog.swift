/// The trajectory of one search run: every query, the best-so-far and the cumulative cost.
///
/// A log is a value owned by one run, separate from the shared store, so runs on one store
/// parallelise freely. Only validation queries compete for the best-so-far (the reference
/// API lets test queries in too); a tie keeps the earlier key, as in the reference.
public struct TrajectoryLog<Key: TrajectoryKey>: Sendable {
  /// Which queries compete for the best-so-far.
  public enum Ranking: String, Sendable, CaseIterable {
    /// Validation queries only (the default).
    case validationQueries = "validation"
    /// Every logged query, whatever its split, as the reference API's log does.
    case everyQuery = "every"
  }

  /// Whether larger or smaller values are better.
  public let direction: MetricDirection
  /// Which queries compete for the best-so-far.
  public let ranking: Ranking
  /// Every logged query, in order.
  public private(set) var entries: [TrajectoryEntry<Key>] = []
  /// The cumulative cost of all logged queries.
  public private(set) var totalCost: Double = 0

  /// Creates an empty log.
  public init(direction: MetricDirection = .higherIsBetter, ranking: Ranking = .validationQueries) {
    self.direction = direction
    self.ranking = ranking
  }

  /// Appends a query and updates the cumulative cost and the best-so-far.
  ///
  /// - Complexity: Amortised O(1).
  public mutating func record(
    key: Key, value: Double, cost: Double, epochs: Int, split: DataSplit = .valid, seed: Int? = nil
  ) {
    totalCost += cost
    var best = entries.last?.bestPosition ?? -1
    if (split == .valid || ranking == .everyQuery) && (best < 0 || direction.isImprovement(value, over: entries[Int(best)].value)) {
      best = Int32(entries.count)
    }
    entries.append(
      TrajectoryEntry(
        key: key, value: value, cost: cost, totalCost: totalCost, bestPosition: best, epochs: epochs, split: split,
        seed: seed))
  }

  /// Reserves room for a number of queries, so a long run does not grow its storage repeatedly.
  public mutating func reserveCapacity(_ count: Int) { entries.reserveCapacity(count) }

  /// Forgets every query, like the reference `reset_logdata`.
  public mutating func reset() {
    entries.removeAll(keepingCapacity: true)
    totalCost = 0
  }

  /// The number of logged queries.
  public var count: Int { entries.count }

  /// The best validation entry so far, or `nil` before any validation query.
  public var best: TrajectoryEntry<Key>? { bestEntry(after: entries.count - 1) }

  /// The best validation entry after the query at a position, or `nil` if there was none yet.
  public func bestEntry(after position: Int) -> TrajectoryEntry<Key>? {
    guard entries.indices.contains(position), entries[position].bestPosition >= 0 else { return nil }
    return entries[Int(entries[position].bestPosition)]
  }

  /// The values in query order (`acc_trans`).
  public var values: [Double] { entries.map(\.value) }
  /// The keys in query order (`key_trans`).
  public var keys: [Key] { entries.map(\.key) }
  /// The cumulative cost after each query (`total_cost_trans`).
  public var totalCosts: [Double] { entries.map(\.totalCost) }
  /// The best value after each query, `nil` before the first validation query (`best_acc_trans`).
  public var bestValues: [Double?] { entries.indices.map { bestEntry(after: $0)?.value } }
  /// The best key after each query (`best_key_trans`).
  public var bestKeys: [Key?] { entries.indices.map { bestEntry(after: $0)?.key } }
}
