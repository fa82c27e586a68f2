/// NAS-HPO-Bench-II: 12-epoch training results and 200-epoch estimates for every
/// cell × learning rate × batch size, queried like the Python `nashpobench2api`.
///
/// The value is immutable and `Sendable`: share one across threads and give each search its own
/// ``NASHPORun`` for logging.
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

  /// Wraps a table.
  public init(table: NASHPOTable, source: DatasetSource) {
    self.table = table
    self.source = source
  }

  /// The search space (cells × learning rates × batch sizes).
  public var searchSpace: NASHPOSearchSpace { NASHPOSearchSpace() }

  /// The number of keys, like the reference API's `len(api)`.
  public var count: Int { NASHPOSearchSpace.count }

  /// The benchmark's display name, like the reference API's `str(api)`, with its source.
  public var name: String { "NAS-HPO-Bench-II [\(source)]" }

  /// The key at a flat index (`get_key_from_idx`).
  public func key(at index: Int) throws -> NASHPOKey { try searchSpace.key(at: index) }

  /// The flat index of a key (`get_idx_from_key`).
  public func index(of key: NASHPOKey) -> Int { key.index }

  /// A uniformly random key (`get_random_key`), drawn from the given generator.
  public func randomKey<G: RandomNumberGenerator>(using generator: inout G) -> NASHPOKey {
    searchSpace.randomKey(using: &generator)
  }
}
