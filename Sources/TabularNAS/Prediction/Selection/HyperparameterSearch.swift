import Dispatch

/// Model selection as Baker et al. (2018, appendix) describe it: random hyperparameter draws,
/// each scored by k-fold cross-validation (mean squared error of the standardised pipeline),
/// the best kept. Draws may also pick among feature-column variants (e.g. with or without curve
/// differences), so the data decide which help.
public struct HyperparameterSearch: Sendable {
  /// The family searched.
  public let family: ModelFamily
  /// The number of hyperparameter draws (the family's defaults are always scored too, with
  /// every variant).
  public let draws: Int
  /// The number of folds.
  public let folds: Int
  /// The pipelines' baseline feature (see ``Pipeline/baselineFeature``).
  public let baselineFeature: Int?
  /// Alternative feature-column subsets (`nil`: every column).
  public let featureVariants: [[Int]?]
  /// What the cross-validation minimises.
  public let criterion: SelectionCriterion

  /// Creates a search.
  public init(
    family: ModelFamily, draws: Int = 20, folds: Int = 3, baselineFeature: Int? = nil, featureVariants: [[Int]?] = [nil],
    criterion: SelectionCriterion = .squaredError
  ) {
    self.criterion = criterion
    self.family = family
    self.draws = draws
    self.folds = folds
    self.baselineFeature = baselineFeature
    self.featureVariants = featureVariants.isEmpty ? [nil] : featureVariants
  }

  /// The same search over another family.
  public func with(family: ModelFamily) -> HyperparameterSearch {
    HyperparameterSearch(
      family: family, draws: draws, folds: folds, baselineFeature: baselineFeature, featureVariants: featureVariants,
      criterion: criterion)
  }

  /// The pipeline with the best cross-validated error (not yet fitted).
  ///
  /// - Throws: ``PredictionError/tooFewRows(_:needed:reason:)`` with fewer rows than folds, and
  ///   the pipeline's validation errors.
  public func select(_ features: FeatureMatrix, _ targets: [Double], seed: UInt64) throws -> Pipeline {
    guard family.isTunable || featureVariants.count > 1 else {
      try validateTrainingSet(features, targets, minimumRows: folds, method: "\(folds)-fold cross-validation")
      return candidates(columnCount: features.columnCount, seed: seed)[0]
    }
    return try selectScored(features, targets, seed: seed).pipeline
  }

  /// The pipeline with the best cross-validated error, and that error (always cross-validated,
  /// even when there is nothing to tune, so families can be compared).
  ///
  /// - Throws: As ``select(_:_:seed:)``.
  public func selectScored(_ features: FeatureMatrix, _ targets: [Double], seed: UInt64) throws -> (
    pipeline: Pipeline, error: Double
  ) {
    try validateTrainingSet(features, targets, minimumRows: folds, method: "\(folds)-fold cross-validation")
    let candidates = candidates(columnCount: features.columnCount, seed: seed)
    let split = try KFold(rowCount: features.rowCount, folds: folds, seed: seed)
    // Every (candidate, fold) fit runs in parallel; the choice is made in candidate order, so it
    // is the sequential one: the first of equal errors wins.
    let held = heldOutPredictions(candidates, features, targets, split: split, seed: seed)
    var best: (pipeline: Pipeline, error: Double)?
    var firstFailure: PredictionError?
    for (index, candidate) in candidates.enumerated() {
      do {
        var predictions = [Double](repeating: 0, count: targets.count)
        for (fold, heldOut) in split.folds.enumerated() {
          for (row, value) in zip(heldOut, try held[index * split.folds.count + fold].get()) { predictions[row] = value }
        }
        let error = score(predictions, targets)
        if error < (best?.error ?? .infinity) { best = (candidate, error) }
      } catch let failure as PredictionError {
        // A draw too large for a fold (k neighbours > rows) is skipped, not fatal.
        guard case .tooFewRows = failure else { throw failure }
        firstFailure = firstFailure ?? failure
      }
    }
    if let best { return best }
    throw firstFailure ?? PredictionError.tooFewRows(features.rowCount, needed: folds, reason: "cross-validation")
  }

  /// The candidates a search with this seed scores, in order: the family's defaults with every
  /// feature variant, then the random draws.
  public func candidates(columnCount: Int, seed: UInt64) -> [Pipeline] {
    func width(_ variant: [Int]?) -> Int { variant?.count ?? columnCount }
    var candidates = featureVariants.map {
      Pipeline(family.defaultRegressor(featureCount: width($0)), baselineFeature: baselineFeature, columns: $0)
    }
    guard family.isTunable else { return candidates }
    var generator = SplitMix64(seed: seed ^ 0x9E37_79B9_7F4A_7C15)
    for _ in 0..<draws {
      let variant = featureVariants[Int.random(in: 0..<featureVariants.count, using: &generator)]
      let regressor = family.randomRegressor(featureCount: width(variant), using: &generator)
      candidates.append(Pipeline(regressor, baselineFeature: baselineFeature, columns: variant))
    }
    return candidates
  }

  /// The held-out predictions of each candidate on each fold (candidate-major), fitted in parallel
  /// on every core.
  private func heldOutPredictions(
    _ candidates: [Pipeline], _ features: FeatureMatrix, _ targets: [Double], split: KFold, seed: UInt64
  ) -> [Result<[Double], any Error>] {
    let foldCount = split.folds.count
    let results = ParallelResults<Result<[Double], any Error>>(count: candidates.count * foldCount)
    DispatchQueue.concurrentPerform(iterations: candidates.count * foldCount) { task in
      let (candidate, fold) = task.quotientAndRemainder(dividingBy: foldCount)
      results.set(
        task,
        Result {
          let training = split.trainingRows(of: fold)
          let model = try candidates[candidate].fit(features.rows(training), training.map { targets[$0] }, seed: seed)
          return try split.folds[fold].map { try model.predict(Array(features[$0])) }
        })
    }
    return results.values
  }

  /// The criterion's value for held-out predictions.
  private func score(_ predictions: [Double], _ targets: [Double]) -> Double {
    switch criterion {
    case .squaredError:
      return zip(predictions, targets).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } / Double(targets.count)
    case .rankViolations:
      return Double(Metrics.monotonicityViolations(predictions: predictions, truths: targets).violations)
    }
  }
}

/// What model selection minimises.
public enum SelectionCriterion: String, Sendable, CaseIterable {
  /// Mean squared error of the held-out predictions.
  case squaredError = "squared-error"
  /// Pairs of held-out configurations ranked the wrong way (NAAP-440's monotonicity).
  case rankViolations = "rank-violations"
}
