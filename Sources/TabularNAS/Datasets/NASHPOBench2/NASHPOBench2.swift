/// NAS-HPO-Bench-II: 12-epoch training results and 200-epoch estimates for every
/// cell × learning rate × batch size, queried like the Python `nashpobench2api`.
///
/// The value is immutable and `Sendable`: share one across threads and give each search its own
/// ``BenchmarkRun`` for logging.
///
/// ```swift
/// let bench = NASHPOBench2.synthetic()
/// let result = try bench.queryByKey(cellcode: "0|10|210", lr: 0.1, batchSize: 256)
/// print(result.accuracy, result.cost!)
/// ```
public struct NASHPOBench2: Sendable {
  /// The columnar data.
  public let table: NASHPOTable
  /// Where the numbers come from; synthetic tables say so in every output.
  public let source: DatasetSource
  /// How 200-epoch queries are charged (by default not at all, as in the reference); a run
  /// refuses to log them under ``SurrogateCostRule/unavailable``.
  public private(set) var surrogateCost: SurrogateCostRule = .unavailable

  /// The search space: the cells × learning rates × batch sizes the table holds (all of them
  /// unless the files hold a subset, see ``NASHPOTable/coverage``).
  public let searchSpace: NASHPOSearchSpace

  /// Wraps a table.
  public init(table: NASHPOTable, source: DatasetSource) {
    self.table = table
    self.source = source
    searchSpace = NASHPOSearchSpace(coverage: table.coverage)
  }

  /// The seed a query names when it names none: 222, or the smallest seed files holding a
  /// subset hold (the reference's `seeds[0]`).
  public var defaultSeed: Int { table.coverage.defaultSeed }

  /// The same data with another charge for 200-epoch queries.
  public func withSurrogateCost(_ rule: SurrogateCostRule) -> NASHPOBench2 {
    var copy = self
    copy.surrogateCost = rule
    return copy
  }
}
