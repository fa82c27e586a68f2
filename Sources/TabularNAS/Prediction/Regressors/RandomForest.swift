import Dispatch

/// A random forest (Breiman 2001): trees grown on bootstrap samples, each split among a random
/// fraction of the features, predictions averaged. Trees grow in parallel; each draws from its
/// own generator derived from the seed, so the forest does not depend on the thread count.
/// Without bootstrap and with random thresholds it is an extra-trees forest (Geurts et al. 2006).
public struct RandomForest: Regressor {
  /// The number of trees.
  public var trees: Int
  /// The tree settings (`maxFeatures` is the per-split feature fraction).
  public var tree: DecisionTree
  /// Whether each tree grows on a bootstrap sample (else on every row).
  public var bootstrap: Bool

  /// Creates a forest with scikit-learn's defaults: 100 trees, every feature at each split.
  public init(trees: Int = 100, tree: DecisionTree = DecisionTree(), bootstrap: Bool = true) {
    self.trees = trees
    self.tree = tree
    self.bootstrap = bootstrap
  }

  /// scikit-learn's `ExtraTreesRegressor` defaults: 100 trees of random thresholds on every row.
  public static func extraTrees(trees: Int = 100, minSamplesLeaf: Int = 1, maxFeatures: Double = 1) -> RandomForest {
    RandomForest(
      trees: trees, tree: DecisionTree(minSamplesLeaf: minSamplesLeaf, maxFeatures: maxFeatures, splitter: .random),
      bootstrap: false)
  }

  /// `random-forest`, or `extra-trees` for random thresholds without bootstrap.
  public var name: String { tree.splitter == .random && !bootstrap ? "extra-trees" : "random-forest" }

  /// Grows the trees.
  public func fit(_ features: FeatureMatrix, _ targets: [Double], seed: UInt64) throws -> any RegressionModel {
    try validateTrainingSet(features, targets, minimumRows: 1, method: name)
    try tree.validateHyperparameters()
    guard trees >= 1 else {
      throw PredictionError.invalidHyperparameter(name: "trees", value: Double(trees), allowed: "at least 1 tree")
    }
    var seeds = SplitMix64(seed: seed)
    let treeSeeds = (0..<trees).map { _ in seeds.next() }
    let grown = ParallelResults<DecisionTreeModel>(count: trees)
    let (tree, n, columns, bootstrap) = (tree, features.rowCount, FeatureColumns(features), bootstrap)
    DispatchQueue.concurrentPerform(iterations: trees) { index in
      var generator = SplitMix64(seed: treeSeeds[index])
      let sample = bootstrap ? (0..<n).map { _ in Int.random(in: 0..<n, using: &generator) } : Array(0..<n)
      grown.set(index, tree.grow(columns, targets, rows: sample, using: &generator))
    }
    return EnsembleModel(members: grown.values, scale: 1 / Double(trees), base: 0)
  }
}

/// A sum of tree predictions: `base + scale · Σ treeᵢ(x)` (forests average, boosting adds).
public struct EnsembleModel: RegressionModel {
  let members: [DecisionTreeModel]
  let scale: Double
  let base: Double

  /// The combined prediction.
  public func predict(_ row: ArraySlice<Double>) -> Double {
    base + scale * members.reduce(0) { $0 + $1.predict(row) }
  }
}
