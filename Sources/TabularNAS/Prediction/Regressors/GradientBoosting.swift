/// Least-squares gradient boosting (Friedman 2001): shallow trees fitted one after another to
/// the residuals, each added with a learning rate; optional row subsampling (stochastic
/// boosting). Defaults follow scikit-learn's `GradientBoostingRegressor`.
public struct GradientBoosting: Regressor {
  /// The number of boosting stages.
  public var stages: Int
  /// The shrinkage applied to each tree.
  public var learningRate: Double
  /// The fraction of rows each tree sees, in (0, 1].
  public var subsample: Double
  /// The tree settings (depth 3 by default).
  public var tree: DecisionTree

  /// Creates a regressor: 100 stages, learning rate 0.1, depth-3 trees, no subsampling.
  public init(stages: Int = 100, learningRate: Double = 0.1, subsample: Double = 1, tree: DecisionTree = DecisionTree(maxDepth: 3)) {
    self.stages = stages
    self.learningRate = learningRate
    self.subsample = subsample
    self.tree = tree
  }

  /// `gradient-boosting`.
  public var name: String { "gradient-boosting" }

  /// Boosts from the mean target.
  public func fit(_ features: FeatureMatrix, _ targets: [Double], seed: UInt64) throws -> any RegressionModel {
    try validateTrainingSet(features, targets, minimumRows: 1, method: name)
    try tree.validateHyperparameters()
    guard stages >= 1, learningRate > 0, subsample > 0 && subsample <= 1 else {
      throw PredictionError.invalidHyperparameter(
        name: "boosting", value: learningRate, allowed: "stages ≥ 1, learning rate > 0, subsample in (0, 1]")
    }
    var generator = SplitMix64(seed: seed)
    let n = features.rowCount
    let base = targets.reduce(0, +) / Double(n)
    var current = [Double](repeating: base, count: n)
    var members: [DecisionTreeModel] = []
    let columns = FeatureColumns(features)
    for _ in 0..<stages {
      let residuals = (0..<n).map { targets[$0] - current[$0] }
      var rows = Array(0..<n)
      if subsample < 1 {
        rows.shuffle(using: &generator)
        rows = Array(rows.prefix(max(1, Int(subsample * Double(n))))).sorted()
      }
      let member = tree.grow(columns, residuals, rows: rows, using: &generator)
      for row in 0..<n { current[row] += learningRate * member.predict(features[row]) }
      members.append(member)
    }
    return EnsembleModel(members: members, scale: learningRate, base: base)
  }
}
