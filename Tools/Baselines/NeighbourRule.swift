import TabularNAS

/// How evolution mutates a configuration into a different, nearby one.
public protocol NeighbourRule<Benchmark>: Sendable {
  /// The dataset type.
  associatedtype Benchmark: TabularBenchmark

  /// A random neighbour of a configuration, never the configuration itself.
  func neighbour<G: RandomNumberGenerator>(of configuration: Benchmark.Configuration, using generator: inout G)
    -> Benchmark.Configuration
}

/// NAS-HPO-Bench-II's reference mutation (`bench_algos/rea.py`): pick one of the six edges, the
/// learning rate or the batch size uniformly, and give it a different value uniformly.
public struct NASHPOMutation: NeighbourRule {
  /// NAS-HPO-Bench-II.
  public typealias Benchmark = NASHPOBench2

  /// Creates the rule.
  public init() {}

  /// The mutated key.
  public func neighbour<G: RandomNumberGenerator>(of key: NASHPOKey, using generator: inout G) -> NASHPOKey {
    let element = Int.random(in: 0..<(CellEdge.allCases.count + 2), using: &generator)
    var cell = key.cell, learningRate = key.learningRateIndex, batchSize = key.batchSizeIndex
    func different(from current: Int, among count: Int) -> Int {
      let draw = Int.random(in: 0..<(count - 1), using: &generator)
      return draw >= current ? draw + 1 : draw
    }
    switch element {
    case 0..<CellEdge.allCases.count:
      let edge = CellEdge.allCases[element]
      let current = CellOperation.allCases.firstIndex(of: cell.operation(on: edge)) ?? 0
      cell = cell.replacing(edge, with: CellOperation.allCases[different(from: current, among: CellOperation.allCases.count)])
    case CellEdge.allCases.count:
      learningRate = different(from: learningRate, among: NASHPOSearchSpace.learningRates.count)
    default:
      batchSize = different(from: batchSize, among: NASHPOSearchSpace.batchSizes.count)
    }
    return NASHPOKey(cell: cell, learningRateIndex: learningRate, batchSizeIndex: batchSize)
  }
}

/// The neighbour rule for learning-curve datasets, whose configurations are rows rather than
/// combinations: one of the `count` nearest other configurations, uniformly, by Euclidean
/// distance between standardised features (``LearningCurveDataset/features(of:)``; curves are
/// not used). Ties go to the earlier row.
public struct NearestConfigurations: NeighbourRule {
  /// A learning-curve dataset.
  public typealias Benchmark = LearningCurveDataset

  /// Each configuration's nearest others, by row position.
  let neighbours: [[Int]]
  let dataset: LearningCurveDataset

  /// Precomputes every configuration's `count` nearest others (O(n²) once, shared by runs).
  ///
  /// - Throws: ``LearningCurveError`` from reading features.
  public init(dataset: LearningCurveDataset, count: Int = 8) throws {
    let keys = dataset.keys
    let matrix = FeatureMatrix(rows: try keys.map { try dataset.features(of: $0) })
    let standardized = Standardizer(fitting: matrix).transform(matrix)
    let n = keys.count, k = max(1, min(count, n - 1))
    neighbours = (0..<n).map { row in
      let distances = (0..<n).filter { $0 != row }.map { other in
        (zip(standardized[row], standardized[other]).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }, other)
      }
      return distances.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }.prefix(k).map(\.1)
    }
    self.dataset = dataset
  }

  /// One of the nearest configurations.
  public func neighbour<G: RandomNumberGenerator>(of key: LearningCurveKey, using generator: inout G) -> LearningCurveKey {
    let candidates = neighbours[key.index]
    guard let choice = candidates.randomElement(using: &generator) else { return key }
    return dataset.configuration(at: choice)
  }
}
