/// Model selection as Baker et al. (2018, appendix) describe it: random hyperparameter draws,
/// each scored by k-fold cross-validation (mean squared error of the standardised pipeline),
/// the best refitted on every training row.
public struct RandomSearch: Sendable {
  /// The family searched.
  public let family: ModelFamily
  /// The number of hyperparameter draws (the family's defaults are always scored too).
  public let draws: Int
  /// The number of folds.
  public let folds: Int
  /// The pipelines' baseline feature (see ``Pipeline/baselineFeature``).
  public let baselineFeature: Int?

  /// Creates a search.
  public init(family: ModelFamily, draws: Int = 20, folds: Int = 3, baselineFeature: Int? = nil) {
    self.family = family
    self.draws = draws
    self.folds = folds
    self.baselineFeature = baselineFeature
  }

  /// The regressor with the best cross-validated error.
  ///
  /// - Throws: ``PredictionError/tooFewRows(_:needed:reason:)`` with fewer rows than folds, and
  ///   the pipeline's validation errors.
  public func select(_ features: FeatureMatrix, _ targets: [Double], seed: UInt64) throws -> any Regressor {
    try validateTrainingSet(features, targets, minimumRows: folds, method: "\(folds)-fold cross-validation")
    let defaults = family.defaultRegressor(featureCount: features.columnCount)
    guard family.isTunable else { return defaults }
    let split = try KFold(rowCount: features.rowCount, folds: folds, seed: seed)
    var generator = SplitMix64(seed: seed ^ 0x9E37_79B9_7F4A_7C15)
    let candidates = [defaults] + (0..<draws).map { _ in family.randomRegressor(featureCount: features.columnCount, using: &generator) }
    var best: (regressor: any Regressor, error: Double)?
    for candidate in candidates {
      let error = try crossValidatedError(candidate, features, targets, split: split, seed: seed)
      if error < (best?.error ?? .infinity) { best = (candidate, error) }
    }
    return best?.regressor ?? defaults
  }

  /// Mean squared error over the held-out folds.
  func crossValidatedError(_ regressor: any Regressor, _ features: FeatureMatrix, _ targets: [Double], split: KFold, seed: UInt64)
    throws -> Double
  {
    var squares = 0.0
    for (fold, heldOut) in split.folds.enumerated() {
      let training = split.trainingRows(of: fold)
      let model = try Pipeline(regressor, baselineFeature: baselineFeature).fit(features.rows(training), training.map { targets[$0] }, seed: seed)
      for row in heldOut {
        let error = try model.predict(Array(features[row])) - targets[row]
        squares += error * error
      }
    }
    return squares / Double(features.rowCount)
  }
}
