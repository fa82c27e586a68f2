import Foundation

/// A sequential regression model (Baker et al. 2018, §3.2): one regression model per observed
/// prefix length τ, each predicting a configuration's final value from the first τ values of
/// its curve and its architecture and hyperparameter features, with a Gaussian uncertainty σ_τ
/// estimated from leave-one-out residuals. Train once on fully trained configurations, then
/// call ``predict(_:observedCurve:)`` as often as a search needs.
public struct SequentialRegressionModel<Benchmark: LearningCurveBenchmark>: Sendable {
  /// A prediction: the mean and standard deviation of a Gaussian over the final value.
  public struct Prediction: Equatable, Sendable {
    /// The predicted final value.
    public let mean: Double
    /// The uncertainty, σ_τ.
    public let standardDeviation: Double

    /// P(final value ≤ threshold) under the Gaussian.
    public func probability(atMost threshold: Double) -> Double {
      guard standardDeviation > 0 else { return mean <= threshold ? 1 : 0 }
      return 0.5 * erfc(-(threshold - mean) / (standardDeviation * 2.squareRoot()))
    }
  }

  /// What the models predict.
  public enum Target: Equatable, Sendable {
    /// The configuration's final value (the descriptor's rule).
    case finalValue
    /// The metric after a number of epochs (f-Hyperband predicts the value at its rung).
    case value(afterEpochs: Int)
  }

  /// How σ_τ is estimated.
  public enum UncertaintyEstimate: Equatable, Sendable {
    /// Leave-one-out residuals, as the paper does (one refit per training configuration).
    case leaveOneOut
    /// k-fold residuals, cheaper for slow models.
    case folds(Int)
  }

  /// The dataset whose configurations are described.
  public let dataset: Benchmark
  /// The prefix lengths τ with a model, ascending.
  public let observedCounts: [Int]
  /// σ_τ for each τ, in the order of ``observedCounts``.
  public let standardDeviations: [Double]
  let extractors: [CurveFeatureExtractor<Benchmark>]
  let predictors: [FittedPredictor]

  /// Trains one model per τ on fully observed configurations.
  ///
  /// - Parameters:
  ///   - dataset: The dataset.
  ///   - configurations: The training configurations (their whole curves are known).
  ///   - observedCounts: The prefix lengths τ to model, each in 1…(curve length).
  ///   - family: The regression family, tuned per τ by random search with k-fold CV.
  ///   - groups: The feature groups.
  ///   - target: What to predict: the final value, or the value after some epochs.
  /// - Throws: ``PredictionError`` for τ out of range, too few configurations for the folds or
  ///   the uncertainty estimate, non-finite features, or a failing fit.
  public init(
    dataset: Benchmark, configurations: [Benchmark.Configuration], observedCounts: [Int],
    family: ModelFamily = .nuSVRRBF, groups: CurveFeatureGroups = .all, draws: Int = 20, folds: Int = 3,
    uncertainty: UncertaintyEstimate = .leaveOneOut, target: Target = .finalValue, seed: UInt64 = 0
  ) throws {
    let counts = Array(Set(observedCounts)).sorted()
    guard !counts.isEmpty else { throw PredictionError.epochsOutOfRange(0, allowed: 1...dataset.epochRange.count) }
    let uncertaintyFolds: Int = if case .folds(let k) = uncertainty { k } else { 2 }
    let minimum = max(folds, uncertaintyFolds)
    guard configurations.count >= minimum else {
      throw PredictionError.tooFewRows(configurations.count, needed: minimum, reason: "a sequential regression model")
    }
    let targets: [Double]
    switch target {
    case .finalValue:
      targets = try configurations.map { try dataset.finalValue(of: $0) }
    case .value(let epochs):
      guard dataset.epochRange.contains(epochs) else {
        throw PredictionError.epochsOutOfRange(epochs, allowed: dataset.epochRange)
      }
      targets = try configurations.map { try dataset.query($0, epochs: epochs).value }
    }
    var extractors: [CurveFeatureExtractor<Benchmark>] = [], predictors: [FittedPredictor] = [], deviations: [Double] = []
    for (position, tau) in counts.enumerated() {
      let extractor = try CurveFeatureExtractor(dataset: dataset, groups: groups, observedValues: tau)
      let features = try extractor.matrix(for: configurations)
      let modelSeed = seed &+ UInt64(position) &* 0x9E37_79B9_7F4A_7C15
      let selection = ModelSelection(
        family: family, draws: draws, folds: folds, baselineFeature: extractor.lastObservedFeature,
        featureVariants: extractor.variants)
      let predictor = try selection.fit(features, targets, seed: modelSeed)
      extractors.append(extractor)
      predictors.append(predictor)
      deviations.append(try Self.residualDeviation(predictor, features, targets, uncertainty: uncertainty, seed: modelSeed))
    }
    self.dataset = dataset
    self.observedCounts = counts
    self.extractors = extractors
    self.predictors = predictors
    standardDeviations = deviations
  }

  /// The root mean square of held-out residuals of the selected pipelines, refitted without
  /// each held-out part.
  private static func residualDeviation(
    _ predictor: FittedPredictor, _ features: FeatureMatrix, _ targets: [Double], uncertainty: UncertaintyEstimate, seed: UInt64
  ) throws -> Double {
    let folds: [[Int]]
    switch uncertainty {
    case .leaveOneOut: folds = targets.indices.map { [$0] }
    case .folds(let k): folds = try KFold(rowCount: targets.count, folds: k, seed: seed).folds
    }
    var squares = 0.0
    for heldOut in folds {
      let kept = targets.indices.filter { !heldOut.contains($0) }
      let refitted = FittedPredictor(
        members: try predictor.members.map { try $0.pipeline.fit(features.rows(kept), kept.map { targets[$0] }, seed: seed) })
      for row in heldOut {
        let residual = try refitted.predict(Array(features[row])) - targets[row]
        squares += residual * residual
      }
    }
    return (squares / Double(targets.count)).squareRoot()
  }

  /// Predicts a configuration's final value from the first τ values of its curve, as a search
  /// observes them; τ = `observedCurve.count` must be one of ``observedCounts``.
  ///
  /// - Throws: ``PredictionError/epochsOutOfRange(_:allowed:)`` for a τ without a model,
  ///   ``PredictionError/nonFiniteValue(row:column:)`` for NaN or infinite values.
  public func predict(_ key: Benchmark.Configuration, observedCurve: [Double]) throws -> Prediction {
    guard let position = observedCounts.firstIndex(of: observedCurve.count) else {
      throw PredictionError.epochsOutOfRange(
        observedCurve.count, allowed: (observedCounts.first ?? 1)...(observedCounts.last ?? 1))
    }
    let row = try extractors[position].row(prefix: observedCurve, for: key)
    return Prediction(mean: try predictors[position].predict(row), standardDeviation: standardDeviations[position])
  }

  /// Predicts from the first τ values of the configuration's curve in the dataset.
  ///
  /// - Throws: As ``predict(_:observedCurve:)``.
  public func predict(_ key: Benchmark.Configuration, observedValues: Int) throws -> Prediction {
    guard observedValues >= 1 && observedValues <= dataset.epochRange.count else {
      throw PredictionError.epochsOutOfRange(observedValues, allowed: 1...dataset.epochRange.count)
    }
    return try predict(key, observedCurve: Array(dataset.curve(of: key).prefix(observedValues)))
  }
}
