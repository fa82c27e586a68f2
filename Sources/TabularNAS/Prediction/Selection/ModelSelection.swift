/// Tunes and fits a model family on training rows: one ``HyperparameterSearch`` per family, or for
/// ``ModelFamily/ensemble`` one per member, whose fitted pipelines are averaged, or for
/// ``ModelFamily/best`` one per member, of which the lowest cross-validated error is kept.
public struct ModelSelection: Sendable {
  /// The search settings; its family may be ``ModelFamily/ensemble``.
  public let search: HyperparameterSearch

  /// The family.
  public var family: ModelFamily { search.family }
  /// Random-search draws per (member) family.
  public var draws: Int { search.draws }
  /// Cross-validation folds.
  public var folds: Int { search.folds }
  /// What cross-validation minimises.
  public var criterion: SelectionCriterion { search.criterion }

  /// Creates a selection.
  public init(
    family: ModelFamily, draws: Int = 20, folds: Int = 3, baselineFeature: Int? = nil, featureVariants: [[Int]?] = [nil],
    criterion: SelectionCriterion = .squaredError
  ) {
    search = HyperparameterSearch(
      family: family, draws: draws, folds: folds, baselineFeature: baselineFeature, featureVariants: featureVariants,
      criterion: criterion)
  }

  /// Selects hyperparameters by cross-validation: one pipeline per member family.
  ///
  /// - Throws: ``PredictionError`` for too few rows, bad values, or a failing fit.
  public func select(_ features: FeatureMatrix, _ targets: [Double], seed: UInt64) throws -> [Pipeline] {
    guard family.keepsBestMember else {
      return try family.members.enumerated().map { offset, member in
        try search.with(family: member).select(features, targets, seed: Self.memberSeed(seed, offset: offset))
      }
    }
    // The first of equal errors wins, in member order.
    let scored = try family.members.enumerated().map { offset, member in
      try search.with(family: member).selectScored(features, targets, seed: Self.memberSeed(seed, offset: offset))
    }
    return scored.min { $0.error < $1.error }.map { [$0.pipeline] } ?? []
  }

  /// The search seed of the member at a position: distinct per member, fixed by the seed.
  static func memberSeed(_ seed: UInt64, offset: Int) -> UInt64 { seed &+ UInt64(offset) &* 0xD1B5_4A32_D192_ED03 }

  /// Selects hyperparameters by cross-validation and fits on every training row.
  ///
  /// - Throws: ``PredictionError`` for too few rows, bad values, or a failing fit.
  public func fit(_ features: FeatureMatrix, _ targets: [Double], seed: UInt64) throws -> FittedPredictor {
    try FittedPredictor(fitting: select(features, targets, seed: seed), features, targets, seed: seed)
  }
}

/// A fitted predictor: one pipeline, or the average of an ensemble's.
public struct FittedPredictor: Sendable {
  /// The fitted pipelines averaged.
  public let members: [FittedPipeline]

  /// Wraps fitted pipelines.
  public init(members: [FittedPipeline]) { self.members = members }

  /// Fits pipelines (chosen before) on training rows.
  public init(fitting pipelines: [Pipeline], _ features: FeatureMatrix, _ targets: [Double], seed: UInt64) throws {
    members = try pipelines.map { try $0.fit(features, targets, seed: seed) }
  }

  /// The prediction for one raw row.
  ///
  /// - Throws: As ``FittedPipeline/predict(_:)-(Array<Double>)``.
  public func predict(_ row: [Double]) throws -> Double {
    try members.reduce(0) { $0 + (try $1.predict(row)) } / Double(members.count)
  }

  /// Predictions for every row of a raw matrix.
  public func predict(_ features: FeatureMatrix) throws -> [Double] {
    try (0..<features.rowCount).map { try predict(Array(features[$0])) }
  }
}
