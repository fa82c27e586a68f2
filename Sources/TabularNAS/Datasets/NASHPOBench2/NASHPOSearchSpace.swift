/// The NAS-HPO-Bench-II search space: 4,096 cells × 8 learning rates × 6 batch sizes.
///
/// A random-access collection of every ``NASHPOKey`` in flat-index order, with the
/// benchmark's fixed value lists and validating conversions from user input.
public struct NASHPOSearchSpace: RandomAccessCollection, Sendable {
  /// The eight initial learning rates, ascending.
  public static let learningRates: [Double] = [0.003125, 0.00625, 0.0125, 0.025, 0.05, 0.1, 0.2, 0.4]
  /// The six batch sizes, ascending.
  public static let batchSizes: [Int] = [16, 32, 64, 128, 256, 512]
  /// The three training seeds; 222 is the reference API's default.
  public static let seeds: [Int] = [222, 555, 888]
  /// The seed used when a query names none.
  public static let defaultSeed = 222
  /// The queryable epochs: 12 (measured) and 200 (surrogate estimate).
  public static let epochs: [Int] = [12, 200]
  /// The number of measured training epochs.
  public static let trainedEpochs = 12
  /// The number of keys (196,608).
  public static let count = CellCode.count * learningRates.count * batchSizes.count

  /// Creates the search space.
  public init() {}

  /// The first flat index, 0.
  public var startIndex: Int { 0 }
  /// One past the last flat index.
  public var endIndex: Int { Self.count }
  /// The key at a flat index (the collection subscript; traps when out of range).
  public subscript(position: Int) -> NASHPOKey { NASHPOKey(index: position) }

  /// The key at a flat index, like the reference `get_key_from_idx`.
  ///
  /// - Throws: ``NASHPOBench2Error/indexOutOfRange(_:count:)``.
  public func key(at index: Int) throws -> NASHPOKey {
    guard indices.contains(index) else {
      throw NASHPOBench2Error.indexOutOfRange(index, count: Self.count)
    }
    return NASHPOKey(index: index)
  }

  /// The flat index of a key, like the reference `get_idx_from_key`.
  public func index(of key: NASHPOKey) -> Int { key.index }

  /// A uniformly random key, drawn from the generator.
  public func randomKey<G: RandomNumberGenerator>(using generator: inout G) -> NASHPOKey {
    NASHPOKey(index: Int.random(in: 0..<Self.count, using: &generator))
  }

  /// The position of a learning rate, compared exactly as the reference API does.
  ///
  /// - Throws: ``NASHPOBench2Error/unknownLearningRate(_:allowed:)``.
  public static func learningRateIndex(of value: Double) throws -> Int {
    guard let index = learningRates.firstIndex(of: value) else {
      throw NASHPOBench2Error.unknownLearningRate(value, allowed: learningRates)
    }
    return index
  }

  /// The position of a batch size.
  ///
  /// - Throws: ``NASHPOBench2Error/unknownBatchSize(_:allowed:)``.
  public static func batchSizeIndex(of value: Int) throws -> Int {
    guard let index = batchSizes.firstIndex(of: value) else {
      throw NASHPOBench2Error.unknownBatchSize(value, allowed: batchSizes)
    }
    return index
  }

  /// The position of a training seed; 0 and other values are refused, never ignored.
  ///
  /// - Throws: ``NASHPOBench2Error/unknownSeed(_:allowed:)``.
  public static func seedIndex(of value: Int) throws -> Int {
    guard let index = seeds.firstIndex(of: value) else {
      throw NASHPOBench2Error.unknownSeed(value, allowed: seeds)
    }
    return index
  }
}
