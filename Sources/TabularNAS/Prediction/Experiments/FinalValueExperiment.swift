import Dispatch

/// Baker et al. (2018) Table 1 and 2: predict final values from the first part of each curve.
///
/// Each repeat draws `trainingSize` configurations at random to train on and tests on all the
/// others; each model family is tuned by ``HyperparameterSearch`` on the training rows, refitted, and
/// scored by R² on the test rows. Repeats run in parallel with seeds derived from `seed`, so
/// results do not depend on the number of cores; each family's tuning seed comes from the split
/// and the family alone, so its score does not depend on which other families run beside it.
public struct FinalValueExperiment: Sendable {
  /// The fraction of each curve observed (τ = fraction × curve length, rounded, at least 1).
  public var fraction: Double
  /// Training configurations per repeat.
  public var trainingSize: Int
  /// Independent random splits.
  public var repeats: Int
  /// The model families compared.
  public var models: [ModelFamily]
  /// The feature sets compared (one row each; Table 1 uses `[.all]`).
  public var featureSets: [CurveFeatureGroups]
  /// Random-search draws per model.
  public var draws: Int
  /// Cross-validation folds.
  public var folds: Int
  /// The base seed.
  public var seed: UInt64

  /// Creates an experiment with the paper's defaults.
  public init(
    fraction: Double = 0.25, trainingSize: Int = 100, repeats: Int = 10,
    models: [ModelFamily] = [.nuSVRRBF, .nuSVRLinear, .randomForest, .ols], featureSets: [CurveFeatureGroups] = [.all],
    draws: Int = 20, folds: Int = 3, seed: UInt64 = 0
  ) {
    self.fraction = fraction
    self.trainingSize = trainingSize
    self.repeats = repeats
    self.models = models
    self.featureSets = featureSets
    self.draws = draws
    self.folds = folds
    self.seed = seed
  }

  /// τ for a dataset.
  public func observedValues<B: LearningCurveBenchmark>(for dataset: B) -> Int {
    max(1, min(dataset.epochRange.count, Int((fraction * Double(dataset.epochRange.count)).rounded())))
  }

  /// Runs every repeat, feature set and model.
  ///
  /// - Throws: ``PredictionError`` for a fraction outside (0, 1], too few configurations for
  ///   the training size plus a test set, or a failing fit.
  public func run<B: LearningCurveBenchmark>(on dataset: B) throws -> FinalValueReport {
    guard fraction > 0 && fraction <= 1 else {
      throw PredictionError.invalidHyperparameter(name: "fraction", value: fraction, allowed: "it must be in (0, 1]")
    }
    guard trainingSize >= folds, trainingSize < dataset.configurationCount else {
      throw PredictionError.tooFewRows(
        dataset.configurationCount, needed: max(trainingSize, folds) + 1, reason: "training on \(trainingSize) configurations and testing on the rest")
    }
    guard repeats >= 1 else {
      throw PredictionError.invalidHyperparameter(name: "repeats", value: Double(repeats), allowed: "at least 1")
    }
    let tau = observedValues(for: dataset)
    let extractors = try featureSets.map { try CurveFeatureExtractor(dataset: dataset, groups: $0, observedValues: tau) }
    let keys = Array(dataset.configurations)
    let targets = try keys.map { try dataset.finalValue(of: $0) }
    let scores = ParallelResults<Result<[Double], any Error>>(count: repeats)
    DispatchQueue.concurrentPerform(iterations: repeats) { repeatIndex in
      scores.set(repeatIndex, Result { try self.runRepeat(repeatIndex, keys: keys, targets: targets, extractors: extractors) })
    }
    let perRepeat = try scores.values.map { try $0.get() }
    var rows: [FinalValueReport.Row] = []
    for (setIndex, groups) in featureSets.enumerated() {
      for (modelIndex, model) in models.enumerated() {
        let values = perRepeat.map { $0[setIndex * models.count + modelIndex] }
        rows.append(FinalValueReport.Row(features: groups, model: model, rSquared: values))
      }
    }
    return FinalValueReport(dataset: dataset.name, observedValues: tau, epochs: dataset.epochRange, experiment: self, rows: rows)
  }

  /// One random split: R² of every (feature set, model), feature-set major.
  private func runRepeat<B: LearningCurveBenchmark>(
    _ index: Int, keys: [B.Configuration], targets: [Double], extractors: [CurveFeatureExtractor<B>]
  )
    throws -> [Double]
  {
    let splitSeed = seed &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15
    var generator = SplitMix64(seed: splitSeed)
    let order = Array(keys.indices).shuffled(using: &generator)
    let training = Array(order.prefix(trainingSize)), test = Array(order.dropFirst(trainingSize))
    let trainingTargets = training.map { targets[$0] }, testTargets = test.map { targets[$0] }
    var scores: [Double] = []
    for extractor in extractors {
      let all = try extractor.matrix(for: keys)
      let trainingRows = all.rows(training), testRows = all.rows(test)
      for model in models {
        let modelSeed = SplitMix64.derivedSeed(splitSeed, ModelFamily.allCases.firstIndex(of: model) ?? 0)
        let selection = ModelSelection(
          family: model, draws: draws, folds: folds, baselineFeature: extractor.lastObservedFeature,
          featureVariants: extractor.variants)
        let fitted = try selection.fit(trainingRows, trainingTargets, seed: modelSeed)
        scores.append(Metrics.rSquared(predictions: try fitted.predict(testRows), truths: testTargets))
      }
    }
    return scores
  }
}

/// The scores of a ``FinalValueExperiment``.
public struct FinalValueReport: Sendable {
  /// One (feature set, model) result.
  public struct Row: Sendable {
    /// The feature groups used.
    public let features: CurveFeatureGroups
    /// The model family.
    public let model: ModelFamily
    /// R² of each repeat.
    public let rSquared: [Double]

    /// Mean R² × 100 and its standard error, as the paper reports them.
    public var summary: (mean: Double, standardError: Double) {
      let (mean, error) = Metrics.meanAndStandardError(rSquared)
      return (mean * 100, error * 100)
    }
  }

  /// The dataset's name.
  public let dataset: String
  /// τ.
  public let observedValues: Int
  /// The dataset's epochs.
  public let epochs: ClosedRange<Int>
  /// The settings.
  public let experiment: FinalValueExperiment
  /// Every result.
  public let rows: [Row]
}
