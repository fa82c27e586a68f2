/// A benchmark whose configurations have whole learning curves and numeric descriptions: what
/// sequential regression models (and so the early-stopping searches) need.
///
/// NAS-HPO-Bench-II, NAAP-440 and each Baker et al. file conform.
public protocol LearningCurveBenchmark: TabularBenchmark {
  /// The names of ``features(of:)``, in order. Hyperparameters use the names
  /// ``CurveFeatureExtractor`` recognises (`lr`, `batch_size`, …); every other feature counts
  /// as an architecture parameter.
  var featureNames: [String] { get }
  /// The smallest and largest value of each feature over every configuration, in the order of
  /// ``featureNames`` (models take logarithms only of features positive everywhere).
  var featureRanges: [ClosedRange<Double>] { get }

  /// A configuration's numeric features, in the order of ``featureNames``.
  ///
  /// - Throws: The dataset's error for a configuration it does not hold.
  func features(of configuration: Configuration) throws -> [Double]
  /// The search metric after each epoch of ``TabularBenchmark/epochRange``, first to last.
  ///
  /// - Throws: The dataset's error for a configuration it does not hold.
  func curve(of configuration: Configuration) throws -> [Double]
  /// The value a fully trained configuration is judged by, which sequential regression models
  /// predict.
  ///
  /// - Throws: The dataset's error for a configuration it does not hold.
  func finalValue(of configuration: Configuration) throws -> Double
}
