import TabularNAS

/// A learning-curve dataset's configurations as their features scaled to 0…1 by each
/// feature's range (a constant feature is 0.5): continuous coordinates, and a vector snaps to
/// the nearest configuration by Euclidean distance (ties: the earlier row).
public struct NormalisedFeatures: ConfigurationVectors {
  /// A learning-curve dataset.
  public typealias Benchmark = LearningCurveDataset

  let dataset: LearningCurveDataset
  /// Every configuration's vector, by row.
  let rows: [[Double]]

  /// Scales every configuration's features once (shared by runs).
  ///
  /// - Throws: ``LearningCurveError`` from reading features.
  public init(dataset: LearningCurveDataset) throws {
    let ranges = dataset.featureRanges
    rows = try dataset.configurations.map { key in
      zip(try dataset.features(of: key), ranges).map { value, range in
        range.upperBound > range.lowerBound ? (value - range.lowerBound) / (range.upperBound - range.lowerBound) : 0.5
      }
    }
    self.dataset = dataset
  }

  /// One continuous coordinate per feature.
  public var dimensions: [VectorDimension] { [VectorDimension](repeating: .continuous, count: dataset.featureRanges.count) }
  /// Rows of a table do not separate architecture from training.
  public var hyperparameterDimensions: [Int] { [] }
  /// A table of rows, not a product of choices.
  public var isProduct: Bool { false }

  /// The configuration's scaled features.
  public func vector(of key: LearningCurveKey) -> [Double] { rows[key.index] }

  /// The configuration nearest the vector.
  public func configuration(nearest vector: [Double]) -> LearningCurveKey {
    var best = 0, bestDistance = Double.infinity
    for (row, values) in rows.enumerated() {
      var distance = 0.0
      for (value, target) in zip(values, vector) { distance += (value - target) * (value - target) }
      if distance < bestDistance { (best, bestDistance) = (row, distance) }
    }
    return dataset.configuration(at: best)
  }
}
