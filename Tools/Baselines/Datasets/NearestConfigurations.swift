import TabularNAS

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
    let keys = Array(dataset.configurations)
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
