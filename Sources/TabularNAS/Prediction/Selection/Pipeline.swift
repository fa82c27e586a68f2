/// A regressor with its preprocessing: features standardised and targets centred and scaled
/// on the training rows, predictions mapped back. Scaling the targets keeps SVR tolerances
/// and penalties meaningful whatever the metric's units (accuracy fractions or perplexity).
public struct Pipeline: Sendable {
  /// The learning method.
  public let regressor: any Regressor
  /// A raw feature the target is taken relative to (e.g. the last observed curve value, so the
  /// model learns the remaining improvement), or `nil`.
  public let baselineFeature: Int?

  /// Wraps a regressor.
  public init(_ regressor: any Regressor, baselineFeature: Int? = nil) {
    self.regressor = regressor
    self.baselineFeature = baselineFeature
  }

  /// Fits on raw features and targets.
  ///
  /// - Throws: ``PredictionError`` from validation or the regressor.
  public func fit(_ features: FeatureMatrix, _ targets: [Double], seed: UInt64) throws -> FittedPipeline {
    try validateTrainingSet(features, targets, minimumRows: 1, method: regressor.name)
    if let baselineFeature { precondition(baselineFeature < features.columnCount, "the baseline is not a feature") }
    let targets = baselineFeature.map { column in targets.indices.map { targets[$0] - features[$0, column] } } ?? targets
    let standardizer = Standardizer(fitting: features)
    let mean = targets.reduce(0, +) / Double(targets.count)
    let deviation = (targets.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(targets.count)).squareRoot()
    let scale = deviation > 1e-12 * max(abs(mean), 1) ? deviation : 1
    let model = try regressor.fit(standardizer.transform(features), targets.map { ($0 - mean) / scale }, seed: seed)
    return FittedPipeline(
      standardizer: standardizer, model: model, targetMean: mean, targetScale: scale, baselineFeature: baselineFeature)
  }
}

/// A fitted pipeline: predicts from raw feature rows.
public struct FittedPipeline: Sendable {
  let standardizer: Standardizer
  let model: any RegressionModel
  let targetMean: Double
  let targetScale: Double
  let baselineFeature: Int?

  /// The number of features a row must have.
  public var featureCount: Int { standardizer.means.count }

  /// The prediction for one raw row.
  ///
  /// - Throws: ``PredictionError/featureCountMismatch(found:expected:)`` or
  ///   ``PredictionError/nonFiniteValue(row:column:)``.
  public func predict(_ row: [Double]) throws -> Double {
    guard row.count == featureCount else { throw PredictionError.featureCountMismatch(found: row.count, expected: featureCount) }
    if let column = row.firstIndex(where: { !$0.isFinite }) {
      throw PredictionError.nonFiniteValue(row: 0, column: "feature \(column)")
    }
    let baseline = baselineFeature.map { row[$0] } ?? 0
    return baseline + targetMean + targetScale * model.predict(standardizer.transform(row)[...])
  }

  /// Predictions for every row of a raw matrix.
  public func predict(_ features: FeatureMatrix) throws -> [Double] {
    try (0..<features.rowCount).map { try predict(Array(features[$0])) }
  }
}
