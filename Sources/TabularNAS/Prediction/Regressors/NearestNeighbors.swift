/// k-nearest-neighbour regression: the mean target of the k closest training rows (Euclidean
/// distance; ties keep the earlier row).
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
    var distances: [(distance: Double, index: Int)] = []
    distances.reserveCapacity(features.rowCount)
    for index in 0..<features.rowCount {
      var sum = 0.0
      for (a, b) in zip(features[index], row) { sum += (a - b) * (a - b) }
      distances.append((sum, index))
    }
    distances.sort { $0.distance != $1.distance ? $0.distance < $1.distance : $0.index < $1.index }
    return distances.prefix(neighbors).reduce(0) { $0 + targets[$1.index] } / Double(neighbors)
  }
}
