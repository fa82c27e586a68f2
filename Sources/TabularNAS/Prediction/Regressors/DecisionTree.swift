/// A CART regression tree: each split minimises the squared error of the two children.
///
/// Candidate thresholds lie halfway between consecutive distinct values, or (``Splitter/random``,
/// extremely randomised trees) one uniform draw between each feature's least and greatest value
/// in the node. With `maxFeatures` below 1, each split looks at a random subset of the features.
public struct DecisionTree: Regressor {
  /// How a node's candidate thresholds are found.
  public enum Splitter: Sendable {
    /// Every threshold between consecutive distinct values (CART).
    case best
    /// One random threshold per feature (Geurts et al. 2006, extra trees).
    case random
  }

  /// The deepest a leaf may be; `nil` grows until leaves are pure or too small.
  public var maxDepth: Int?
  /// The fewest rows a node needs to be split.
  public var minSamplesSplit: Int
  /// The fewest rows each child must keep.
  public var minSamplesLeaf: Int
  /// The fraction of features considered at each split, in (0, 1].
  public var maxFeatures: Double
  /// How thresholds are chosen.
  public var splitter: Splitter

  /// Creates a regressor with scikit-learn's defaults.
  public init(
    maxDepth: Int? = nil, minSamplesSplit: Int = 2, minSamplesLeaf: Int = 1, maxFeatures: Double = 1, splitter: Splitter = .best
  ) {
    self.maxDepth = maxDepth
    self.minSamplesSplit = minSamplesSplit
    self.minSamplesLeaf = minSamplesLeaf
    self.maxFeatures = maxFeatures
    self.splitter = splitter
  }

  /// `decision-tree`.
  public var name: String { "decision-tree" }

  /// Grows the tree on every row.
  public func fit(_ features: FeatureMatrix, _ targets: [Double], seed: UInt64) throws -> any RegressionModel {
    try validateTrainingSet(features, targets, minimumRows: 1, method: name)
    try validateHyperparameters()
    var generator = SplitMix64(seed: seed)
    return grow(features, targets, rows: Array(0..<features.rowCount), using: &generator)
  }

  func validateHyperparameters() throws {
    guard maxFeatures > 0 && maxFeatures <= 1 else {
      throw PredictionError.invalidHyperparameter(name: "maxFeatures", value: maxFeatures, allowed: "it must be in (0, 1]")
    }
    guard minSamplesLeaf >= 1, minSamplesSplit >= 2, (maxDepth ?? 1) >= 1 else {
      throw PredictionError.invalidHyperparameter(
        name: "tree sizes", value: Double(min(minSamplesLeaf, minSamplesSplit)),
        allowed: "minSamplesLeaf ≥ 1, minSamplesSplit ≥ 2, maxDepth ≥ 1")
    }
  }

  /// Grows a tree on some rows (with repeats, for bootstrap samples).
  func grow(_ features: FeatureMatrix, _ targets: [Double], rows: [Int], using generator: inout SplitMix64)
    -> DecisionTreeModel
  {
    grow(FeatureColumns(features), targets, rows: rows, using: &generator)
  }

  /// Grows a tree from feature-major columns (shared by every tree of an ensemble).
  func grow(_ columns: FeatureColumns, _ targets: [Double], rows: [Int], using generator: inout SplitMix64)
    -> DecisionTreeModel
  {
    guard !columns.values.isEmpty else {
      let mean = rows.reduce(0) { $0 + targets[$1] } / Double(rows.count)
      return DecisionTreeModel(nodes: [.init(feature: -1, threshold: 0, left: -1, right: -1, value: mean)])
    }
    // Each feature's sample sorted once, from the columns' presorted rows; children keep the
    // order when partitioned (CART presort).
    let sorted = SampleOrder(rows, rowCount: targets.count).sorted(columns)
    var builder = TreeBuilder(tree: self, columns: columns, targets: targets, orders: sorted, sampleCount: rows.count)
    _ = builder.build(0..<rows.count, depth: 0, using: &generator)
    return DecisionTreeModel(nodes: builder.nodes)
  }
}

/// A fitted regression tree.
public struct DecisionTreeModel: RegressionModel {
  /// One node: a split (`feature ≥ 0`) or a leaf.
  struct Node: Sendable {
    var feature: Int
    var threshold: Double
    var left: Int
    var right: Int
    var value: Double
  }

  let nodes: [Node]

  /// The value of the leaf the row falls into.
  public func predict(_ row: ArraySlice<Double>) -> Double {
    var node = 0
    while nodes[node].feature >= 0 {
      node = row[row.startIndex + nodes[node].feature] <= nodes[node].threshold ? nodes[node].left : nodes[node].right
    }
    return nodes[node].value
  }

  /// The number of leaves.
  public var leafCount: Int { nodes.count { $0.feature < 0 } }
}
