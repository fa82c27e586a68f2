/// A regressor with its preprocessing: optionally a subset of the feature columns and a target
/// taken relative to one feature, then features standardised and targets centred and scaled on
/// the training rows, predictions mapped back. Scaling the targets keeps SVR tolerances and
/// penalties meaningful whatever the metric's units (accuracy fractions or perplexity).
public struct Pipeline: Sendable {
  /// The learning method.
  public let regressor: any Regressor
  /// A raw feature the target is taken relative to (e.g. the last observed curve value, so the
  /// model learns the remaining change), or `nil`.
  public let baselineFeature: Int?
  /// The feature columns the regressor sees (all when `nil`); model selection may drop noisy
  /// groups, such as long runs of curve differences.
  public let columns: [Int]?
  /// Whether targets are centred and scaled before fitting (protocols that tune SVR's ε in
  /// target units, like NAAP-440's, turn it off).
  public let scalesTargets: Bool

  /// Wraps a regressor.
  public init(_ regressor: any Regressor, baselineFeature: Int? = nil, columns: [Int]? = nil, scalesTargets: Bool = true) {
    self.regressor = regressor
    self.baselineFeature = baselineFeature
    self.columns = columns
    self.scalesTargets = scalesTargets
  }

  /// Fits on raw features and targets.
  ///
  /// - Throws: ``PredictionError`` from validation or the regressor.
  public func fit(_ features: FeatureMatrix, _ targets: [Double], seed: UInt64) throws -> FittedPipeline {
    try validateTrainingSet(features, targets, minimumRows: 1, method: regressor.name)
    let relative = baselineFeature.map { column in targets.indices.map { targets[$0] - features[$0, column] } } ?? targets
    let selected = columns.map { features.columns($0) } ?? features
    let standardizer = Standardizer(fitting: selected)
    var mean = 0.0, scale = 1.0
    if scalesTargets {
      mean = relative.reduce(0, +) / Double(relative.count)
      let deviation = (relative.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(relative.count)).squareRoot()
      scale = deviation > 1e-12 * max(abs(mean), 1) ? deviation : 1
    }
    let model = try regressor.fit(standardizer.transform(selected), relative.map { ($0 - mean) / scale }, seed: seed)
    return FittedPipeline(
      pipeline: self, inputCount: features.columnCount, standardizer: standardizer, model: model, targetMean: mean,
      targetScale: scale)
  }
}

/// A fitted pipeline: predicts from raw feature rows.
public struct FittedPipeline: Sendable {
  /// The settings it was fitted with.
  public let pipeline: Pipeline
  /// The number of raw features a row must have.
  public let inputCount: Int
  let standardizer: Standardizer
  let model: any RegressionModel
  let targetMean: Double
  let targetScale: Double

  /// The prediction for one raw row.
  ///
  /// - Throws: ``PredictionError/featureCountMismatch(found:expected:)`` or
  ///   ``PredictionError/nonFiniteValue(row:column:)``.
  public func predict(_ row: [Double]) throws -> Double {
    guard row.count == inputCount else { throw PredictionError.featureCountMismatch(found: row.count, expected: inputCount) }
    if let column = row.firstIndex(where: { !$0.isFinite }) {
      throw PredictionError.nonFiniteValue(row: 0, column: "feature \(column)")
    }
    let selected = pipeline.columns.map { $0.map { row[$0] } } ?? row
    let baseline = pipeline.baselineFeature.map { row[$0] } ?? 0
    return baseline + targetMean + targetScale * model.predict(standardizer.transform(selected)[...])
  }

  /// Predictions for every row of a raw matrix.
  public func predict(_ features: FeatureMatrix) throws -> [Double] {
    try (0..<features.rowCount).map { try predict(Array(features[$0])) }
  }
}
