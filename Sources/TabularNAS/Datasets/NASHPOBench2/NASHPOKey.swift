/// A point of the NAS-HPO-Bench-II search space: a cell code, a learning rate and a batch size.
///
/// Stored as its flat index (`cell × 48 + lr × 6 + batch size`, the reference API's
/// `get_idx_from_key` order), so a key is one integer.
public struct NASHPOKey: Hashable, Comparable, Sendable {
  /// The key's flat index in the whole benchmark, `0 ..< 196_608`.
  public let index: Int

  /// Creates the key at a flat index.
  ///
  /// - Precondition: the index lies inside the search space; use
  ///   ``NASHPOSearchSpace/key(at:)`` to validate user input instead.
  public init(index: Int) {
    precondition((0..<NASHPOSearchSpace.fullCount).contains(index), "key index \(index) out of range")
    self.index = index
  }

  /// Creates a key from a cell and the positions of its learning rate and batch size.
  public init(cell: CellCode, learningRateIndex: Int, batchSizeIndex: Int) {
    precondition(NASHPOSearchSpace.learningRates.indices.contains(learningRateIndex))
    precondition(NASHPOSearchSpace.batchSizes.indices.contains(batchSizeIndex))
    self.init(
      index: (cell.index * NASHPOSearchSpace.learningRates.count + learningRateIndex)
        * NASHPOSearchSpace.batchSizes.count + batchSizeIndex)
  }

  /// Creates a key from the values a reference-API user writes.
  ///
  /// - Throws: ``NASHPOBench2Error`` naming an invalid cell code, learning rate or batch size.
  public init(cellcode: String, lr: Double, batchSize: Int) throws {
    self.init(
      cell: try CellCode(cellcode),
      learningRateIndex: try NASHPOSearchSpace.learningRateIndex(of: lr),
      batchSizeIndex: try NASHPOSearchSpace.batchSizeIndex(of: batchSize))
  }

  /// The cell code.
  public var cell: CellCode {
    CellCode(index: index / (NASHPOSearchSpace.learningRates.count * NASHPOSearchSpace.batchSizes.count))
  }

  /// The learning rate's position in ``NASHPOSearchSpace/learningRates``.
  public var learningRateIndex: Int {
    (index / NASHPOSearchSpace.batchSizes.count) % NASHPOSearchSpace.learningRates.count
  }

  /// The batch size's position in ``NASHPOSearchSpace/batchSizes``.
  public var batchSizeIndex: Int { index % NASHPOSearchSpace.batchSizes.count }

  /// The initial learning rate.
  public var learningRate: Double { NASHPOSearchSpace.learningRates[learningRateIndex] }

  /// The batch size.
  public var batchSize: Int { NASHPOSearchSpace.batchSizes[batchSizeIndex] }

  /// Orders keys by flat index.
  public static func < (lhs: NASHPOKey, rhs: NASHPOKey) -> Bool { lhs.index < rhs.index }
}

extension NASHPOKey: CustomStringConvertible {
  /// The key as the reference API prints it: cell code, learning rate and batch size.
  public var description: String { "\(cell) lr=\(learningRate) batch_size=\(batchSize)" }
}
