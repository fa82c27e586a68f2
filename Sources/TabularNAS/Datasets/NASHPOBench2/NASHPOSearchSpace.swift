/// The NAS-HPO-Bench-II search space: the cells × learning rates × batch sizes a table holds —
/// all 4,096 × 8 × 6 when complete, a product of the held values when the files hold a subset,
/// as the reference API derives it.
///
/// A random-access collection of ``NASHPOKey``s in the reference's `get_key_from_idx` order
/// (cell, then learning rate, then batch size, each ascending), with the benchmark's fixed value
/// lists and validating conversions from user input.
public struct NASHPOSearchSpace: RandomAccessCollection, Sendable {
  /// The eight initial learning rates, ascending.
  public static let learningRates: [Double] = [0.003125, 0.00625, 0.0125, 0.025, 0.05, 0.1, 0.2, 0.4]
  /// The six batch sizes, ascending.
  public static let batchSizes: [Int] = [16, 32, 64, 128, 256, 512]
  /// The three training seeds; 222 is the reference API's default.
  public static let seeds: [Int] = [222, 555, 888]
  /// The seed used when a query names none, on a table holding every seed.
  public static let defaultSeed = 222
  /// The queryable epochs: 12 (measured) and 200 (surrogate estimate).
  public static let epochs: [Int] = [12, 200]
  /// The number of measured training epochs.
  public static let trainedEpochs = 12
  /// The number of keys of the whole benchmark (196,608).
  public static let fullCount = CellCode.count * learningRates.count * batchSizes.count

  /// The cells, ascending.
  public let cells: [CellCode]
  /// The learning rates' positions in ``learningRates``, ascending.
  public let learningRateIndices: [Int]
  /// The batch sizes' positions in ``batchSizes``, ascending.
  public let batchSizeIndices: [Int]
  /// Whether this is the whole benchmark, where a key's position is its flat index.
  public let isComplete: Bool
  /// The position of each cell in ``cells`` (-1: not held); empty when complete.
  private let cellPositions: [Int32]
  /// Learning rate and batch size position → position among the held ones (-1: not held).
  private let learningRatePositions: [Int8], batchSizePositions: [Int8]

  /// The whole search space.
  public init() { self.init(coverage: .complete) }

  /// The search space a table's coverage spans.
  public init(coverage: NASHPOCoverage) {
    cells = coverage.cells
    learningRateIndices = coverage.learningRateIndices
    batchSizeIndices = coverage.batchSizeIndices
    isComplete = cells.count == CellCode.count && learningRateIndices.count == Self.learningRates.count
      && batchSizeIndices.count == Self.batchSizes.count
    var cellPositions = [Int32](repeating: -1, count: isComplete ? 0 : CellCode.count)
    if !isComplete { for (position, cell) in cells.enumerated() { cellPositions[cell.index] = Int32(position) } }
    self.cellPositions = cellPositions
    func positions(_ held: [Int], among count: Int) -> [Int8] {
      var positions = [Int8](repeating: -1, count: count)
      for (position, index) in held.enumerated() { positions[index] = Int8(position) }
      return positions
    }
    learningRatePositions = positions(learningRateIndices, among: Self.learningRates.count)
    batchSizePositions = positions(batchSizeIndices, among: Self.batchSizes.count)
  }

  /// The first position, 0.
  public var startIndex: Int { 0 }
  /// One past the last position.
  public var endIndex: Int { cells.count * learningRateIndices.count * batchSizeIndices.count }

  /// The key at a position (the collection subscript; traps when out of range).
  @inline(__always)
  public subscript(position: Int) -> NASHPOKey {
    if isComplete { return NASHPOKey(index: position) }
    precondition(indices.contains(position), "position \(position) is outside 0..<\(count)")
    let (settings, batchSizes) = (learningRateIndices.count * batchSizeIndices.count, batchSizeIndices.count)
    return NASHPOKey(
      cell: cells[position / settings], learningRateIndex: learningRateIndices[position / batchSizes % learningRateIndices.count],
      batchSizeIndex: batchSizeIndices[position % batchSizes])
  }

  /// The key at a position, like the reference `get_key_from_idx`.
  ///
  /// - Throws: ``NASHPOBench2Error/indexOutOfRange(_:count:)``.
  public func key(at index: Int) throws -> NASHPOKey {
    guard indices.contains(index) else {
      throw NASHPOBench2Error.indexOutOfRange(index, count: count)
    }
    return self[index]
  }

  /// The position of a key, like the reference `get_idx_from_key`; `nil` outside the space.
  public func position(of key: NASHPOKey) -> Int? {
    if isComplete { return key.index }
    let cell = Int(cellPositions[key.cell.index])
    let learningRate = Int(learningRatePositions[key.learningRateIndex]), batchSize = Int(batchSizePositions[key.batchSizeIndex])
    guard cell >= 0, learningRate >= 0, batchSize >= 0 else { return nil }
    return (cell * learningRateIndices.count + learningRate) * batchSizeIndices.count + batchSize
  }

  /// Whether a key lies in the space.
  public func contains(_ key: NASHPOKey) -> Bool { position(of: key) != nil }

  /// Checks that a key lies in the space.
  ///
  /// - Throws: ``NASHPOBench2Error/notInFiles(component:value:held:)`` naming the first of its
  ///   cell, learning rate and batch size the space lacks, and the values it holds.
  public func checkContains(_ key: NASHPOKey) throws {
    guard !contains(key) else { return }
    if !isComplete, cellPositions[key.cell.index] < 0 {
      throw NASHPOBench2Error.notInFiles(component: "cell code", value: "\(key.cell)", held: cells.map(\.description))
    }
    if learningRatePositions[key.learningRateIndex] < 0 {
      throw NASHPOBench2Error.notInFiles(
        component: "learning rate", value: "\(key.learningRate)", held: heldLearningRates.map { "\($0)" })
    }
    throw NASHPOBench2Error.notInFiles(component: "batch size", value: "\(key.batchSize)", held: heldBatchSizes.map(String.init))
  }

  /// The key at positions among the held cells, learning rates and batch sizes, as the
  /// reference `query_by_index` receives them.
  ///
  /// - Throws: ``NASHPOBench2Error/componentIndexOutOfRange(component:index:count:)``.
  public func key(cellIndex: Int, learningRateIndex: Int, batchSizeIndex: Int) throws -> NASHPOKey {
    let checks = [
      ("cell", cellIndex, cells.count), ("lr", learningRateIndex, learningRateIndices.count),
      ("batch size", batchSizeIndex, batchSizeIndices.count),
    ]
    for (component, index, count) in checks where !(0..<count).contains(index) {
      throw NASHPOBench2Error.componentIndexOutOfRange(component: component, index: index, count: count)
    }
    return NASHPOKey(
      cell: cells[cellIndex], learningRateIndex: learningRateIndices[learningRateIndex],
      batchSizeIndex: batchSizeIndices[batchSizeIndex])
  }

  /// The learning rates, ascending.
  public var heldLearningRates: [Double] { learningRateIndices.map { Self.learningRates[$0] } }
  /// The batch sizes, ascending.
  public var heldBatchSizes: [Int] { batchSizeIndices.map { Self.batchSizes[$0] } }

  /// A uniformly random key, drawn from the generator.
  public func randomKey<G: RandomNumberGenerator>(using generator: inout G) -> NASHPOKey {
    self[Int.random(in: 0..<count, using: &generator)]
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
