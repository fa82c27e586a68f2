/// A learning method: fits a model to feature rows and targets.
///
/// Fitting is deterministic: randomised methods (forests, boosting with subsampling) draw from
/// a ``SplitMix64`` seeded by the caller.
public protocol Regressor: Sendable {
  /// A short name for reports, e.g. `nu-svr-rbf`.
  var name: String { get }
  /// Fits a model.
  ///
  /// - Throws: ``PredictionError`` for too few rows, mismatched sizes, non-finite values or
  ///   invalid hyperparameters.
  func fit(_ features: FeatureMatrix, _ targets: [Double], seed: UInt64) throws -> any RegressionModel
}

/// A fitted model.
public protocol RegressionModel: Sendable {
  /// The prediction for one feature row.
  func predict(_ row: ArraySlice<Double>) -> Double
}

extension RegressionModel {
  /// Predictions for every row.
  public func predict(_ features: FeatureMatrix) -> [Double] {
    (0..<features.rowCount).map { predict(features[$0]) }
  }
}

/// Checks a training set: sizes agree, at least `minimumRows` rows, every value finite.
func validateTrainingSet(_ features: FeatureMatrix, _ targets: [Double], minimumRows: Int, method: String) throws {
  guard targets.count == features.rowCount else {
    throw PredictionError.targetCountMismatch(targets: targets.count, rows: features.rowCount)
  }
  guard features.rowCount >= minimumRows else {
    throw PredictionError.tooFewRows(features.rowCount, needed: minimumRows, reason: method)
  }
  if let position = features.values.firstIndex(where: { !$0.isFinite }) {
    throw PredictionError.nonFiniteValue(row: position / max(features.columnCount, 1), column: "feature \(position % max(features.columnCount, 1))")
  }
  if let row = targets.firstIndex(where: { !$0.isFinite }) {
    throw PredictionError.nonFiniteValue(row: row, column: "target")
  }
}
