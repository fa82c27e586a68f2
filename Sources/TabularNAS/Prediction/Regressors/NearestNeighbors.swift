/// k-nearest-neighbour regression: the mean target of the k closest training rows (Euclidean
/// distance), chosen and averaged as scikit-learn's brute-force search did (≤ 1.0, NumPy ≤ 1.24):
/// `argpartition` decides which of equally distant rows are kept, they are sorted stably by
/// distance and averaged by NumPy's pairwise sum. NAAP-440's published k-NN rows depend on it:
/// 174 of its 400 training rows repeat another's two Scheme features.
public struct NearestNeighbors: Regressor {
  /// The number of neighbours.
  public var neighbors: Int

  /// Creates a regressor.
  public init(neighbors: Int = 5) { self.neighbors = neighbors }

  /// `knn-5`.
  public var name: String { "knn-\(neighbors)" }

  /// Stores the training set.
  public func fit(_ features: FeatureMatrix, _ targets: [Double], seed: UInt64) throws -> any RegressionModel {
    guard neighbors >= 1 else {
      throw PredictionError.invalidHyperparameter(name: "k", value: Double(neighbors), allowed: "k must be ≥ 1")
    }
    try validateTrainingSet(features, targets, minimumRows: neighbors, method: "\(neighbors)-nearest neighbours")
    return NearestNeighborsModel(features: features, targets: targets, neighbors: neighbors)
  }
}

/// A fitted k-nearest-neighbour model.
public struct NearestNeighborsModel: RegressionModel {
  let features: FeatureMatrix
  let targets: [Double]
  let neighbors: Int

  /// The mean target of the k nearest training rows.
  public func predict(_ row: ArraySlice<Double>) -> Double {
    let squaredDistances = (0..<features.rowCount).map { index in
      var sum = 0.0
      for (a, b) in zip(features[index], row) { sum += (a - b) * (a - b) }
      return sum
    }
    let nearest = NumPyArgpartition.smallest(neighbors, of: squaredDistances)
    return NumPyPairwiseSum.mean(nearest.map { targets[$0] })
  }
}
