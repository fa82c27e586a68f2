// The names of the Python `nashpobench2api`, gathered for people porting code. The rest of
// the library uses one vocabulary (`configurationCount`, `configuration(at:)`,
// `randomConfiguration(using:)`, `query(_:epochs:)`, `QueryResult.value`).

/// The reference API's name for the split a query reads.
public typealias QueryMode = DataSplit

extension QueryResult {
  /// The value under the reference API's name: accuracy in percent on NAS-HPO-Bench-II.
  public var accuracy: Double { value }
}

extension NASHPOBench2 {
  /// The number of keys, like the reference API's `len(api)`.
  public var count: Int { searchSpace.count }

  /// The key at a flat index (`get_key_from_idx`).
  ///
  /// - Throws: ``NASHPOBench2Error/indexOutOfRange(_:count:)``.
  public func key(at index: Int) throws -> NASHPOKey { try searchSpace.key(at: index) }

  /// The position of a key (`get_idx_from_key`): its flat index, unless the files hold a subset.
  ///
  /// - Throws: ``NASHPOBench2Error/notInFiles(component:value:held:)`` for a key outside them.
  public func index(of key: NASHPOKey) throws -> Int {
    try searchSpace.checkContains(key)
    return searchSpace.position(of: key) ?? key.index
  }

  /// A uniformly random key (`get_random_key`), drawn from the given generator.
  public func randomKey<G: RandomNumberGenerator>(using generator: inout G) -> NASHPOKey {
    randomConfiguration(using: &generator)
  }

  /// Returns the accuracy and cost of a configuration, like the reference `query_by_key`; see
  /// ``query(_:epoch:mode:iepoch:seed:surrogateCost:)`` for the semantics.
  ///
  /// - Parameters:
  ///   - cellcode: A cell code `A|BC|DEF`.
  ///   - lr: One of ``NASHPOSearchSpace/learningRates``.
  ///   - batchSize: One of ``NASHPOSearchSpace/batchSizes``.
  /// - Throws: ``NASHPOBench2Error`` naming any invalid argument and the allowed values.
  public func queryByKey(
    cellcode: String, lr: Double, batchSize: Int, epoch: Int = 12, mode: QueryMode = .valid,
    iepoch: Int? = nil, seed: Int? = nil, surrogateCost: SurrogateCostRule? = nil
  ) throws -> QueryResult {
    try query(
      NASHPOKey(cellcode: cellcode, lr: lr, batchSize: batchSize), epoch: epoch, mode: mode,
      iepoch: iepoch, seed: seed, surrogateCost: surrogateCost)
  }

  /// Returns the accuracy and cost of the key at component positions, like `query_by_index`:
  /// positions in ``NASHPOSearchSpace/cells``, ``NASHPOSearchSpace/heldLearningRates`` and
  /// ``NASHPOSearchSpace/heldBatchSizes`` (the full lists unless the files hold a subset).
  ///
  /// - Throws: ``NASHPOBench2Error/componentIndexOutOfRange(component:index:count:)`` or any
  ///   error of ``query(_:epoch:mode:iepoch:seed:surrogateCost:)``.
  public func queryByIndex(
    cellIndex: Int, lrIndex: Int, batchSizeIndex: Int, epoch: Int = 12, mode: QueryMode = .valid,
    iepoch: Int? = nil, seed: Int? = nil, surrogateCost: SurrogateCostRule? = nil
  ) throws -> QueryResult {
    let key = try searchSpace.key(cellIndex: cellIndex, learningRateIndex: lrIndex, batchSizeIndex: batchSizeIndex)
    return try query(key, epoch: epoch, mode: mode, iepoch: iepoch, seed: seed, surrogateCost: surrogateCost)
  }

  /// Returns the accuracy and cost of the key at a flat index, like the reference `api[index]`.
  ///
  /// - Throws: ``NASHPOBench2Error/indexOutOfRange(_:count:)`` or any error of
  ///   ``query(_:epoch:mode:iepoch:seed:surrogateCost:)``.
  public func query(
    at index: Int, epoch: Int = 12, mode: QueryMode = .valid, iepoch: Int? = nil,
    seed: Int? = nil, surrogateCost: SurrogateCostRule? = nil
  ) throws -> QueryResult {
    try query(key(at: index), epoch: epoch, mode: mode, iepoch: iepoch, seed: seed, surrogateCost: surrogateCost)
  }
}

extension BenchmarkRun where Benchmark == NASHPOBench2 {
  /// Queries and logs a configuration given as the reference API's values (`query_by_key`
  /// with logging on).
  ///
  /// - Throws: As ``query(_:epoch:mode:iepoch:seed:)``.
  @discardableResult
  public mutating func queryByKey(
    cellcode: String, lr: Double, batchSize: Int, epoch: Int = 12, mode: QueryMode = .valid,
    iepoch: Int? = nil, seed: Int? = nil
  ) throws -> QueryResult {
    try query(
      NASHPOKey(cellcode: cellcode, lr: lr, batchSize: batchSize), epoch: epoch, mode: mode, iepoch: iepoch, seed: seed)
  }
}

extension NASHPOBench2 {
  /// The reference API's search-space attributes as JSON — `cellcodes`, `lrs`, `batch_sizes`,
  /// `seeds` (ascending, what the files hold) — and `partial`, for clients that mirror them.
  public var searchSpaceJSON: JSONValue {
    .object([
      .init("cellcodes", .array(searchSpace.cells.map { .string($0.description) })),
      .init("lrs", .array(searchSpace.heldLearningRates.map(JSONValue.number))),
      .init("batch_sizes", .array(searchSpace.heldBatchSizes.map(JSONValue.integer))),
      .init("seeds", .array(table.coverage.seeds.map(JSONValue.integer))), .init("partial", .bool(!table.coverage.isComplete)),
    ])
  }
}
