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
    var builder = TreeBuilder(tree: self, columns: columns, targets: targets)
    // Each feature's rows sorted once; children keep the order when partitioned (CART presort).
    let sorted = columns.values.map { column in rows.sorted { column[$0] < column[$1] } }
    _ = builder.build(sorted, depth: 0, using: &generator)
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

/// A feature matrix stored column by column, as tree growing reads it.
struct FeatureColumns: Sendable {
  /// One array per feature.
  let values: [[Double]]

  init(_ matrix: FeatureMatrix) {
    values = (0..<matrix.columnCount).map { column in (0..<matrix.rowCount).map { matrix[$0, column] } }
  }
}

/// Grows one tree depth-first.
private struct TreeBuilder {
  let tree: DecisionTree
  let columns: FeatureColumns
  let targets: [Double]
  var nodes: [DecisionTreeModel.Node] = []

  /// Builds the subtree of the rows in `sorted` (the same rows, sorted by each feature).
  mutating func build(_ sorted: [[Int]], depth: Int, using generator: inout SplitMix64) -> Int {
    let position = nodes.count
    let rows = sorted.first ?? []
    var sum = 0.0, squares = 0.0
    for row in rows {
      sum += targets[row]
      squares += targets[row] * targets[row]
    }
    let count = Double(rows.count), mean = sum / count
    nodes.append(.init(feature: -1, threshold: 0, left: -1, right: -1, value: mean))
    let error = squares - sum * sum / count
    guard rows.count >= tree.minSamplesSplit, rows.count >= 2 * tree.minSamplesLeaf, depth < (tree.maxDepth ?? .max),
      error > 1e-12 * max(squares, 1e-300), let split = bestSplit(sorted, parentError: error, using: &generator)
    else { return position }
    let column = columns.values[split.feature]
    var left: [[Int]] = [], right: [[Int]] = []
    left.reserveCapacity(sorted.count)
    right.reserveCapacity(sorted.count)
    for order in sorted {
      left.append(order.filter { column[$0] <= split.threshold })
      right.append(order.filter { column[$0] > split.threshold })
    }
    let leftNode = build(left, depth: depth + 1, using: &generator)
    let rightNode = build(right, depth: depth + 1, using: &generator)
    nodes[position] = .init(feature: split.feature, threshold: split.threshold, left: leftNode, right: rightNode, value: mean)
    return position
  }

  /// The split with the least summed squared error, among a random subset of features.
  private func bestSplit(_ sorted: [[Int]], parentError: Double, using generator: inout SplitMix64)
    -> (feature: Int, threshold: Double)?
  {
    var candidates = Array(0..<columns.values.count)
    let considered = max(1, Int((tree.maxFeatures * Double(candidates.count)).rounded(.down)))
    if considered < candidates.count {
      for k in 0..<considered { candidates.swapAt(k, Int.random(in: k..<candidates.count, using: &generator)) }
      candidates.removeLast(candidates.count - considered)
    }
    var best: (feature: Int, threshold: Double, error: Double)?
    let minimumLeaf = tree.minSamplesLeaf
    targets.withUnsafeBufferPointer { targets in
      for feature in candidates {
        sorted[feature].withUnsafeBufferPointer { order in
          columns.values[feature].withUnsafeBufferPointer { column in
            guard let first = order.first, let last = order.last, column[first] < column[last] else { return }
            var totalSum = 0.0, totalSquares = 0.0
            for row in order {
              totalSum += targets[row]
              totalSquares += targets[row] * targets[row]
            }
            let drawn = tree.splitter == .random ? Double.random(in: column[first]..<column[last], using: &generator) : nil
            var leftSum = 0.0, leftSquares = 0.0
            for k in 1..<order.count {
              let value = targets[order[k - 1]]
              leftSum += value
              leftSquares += value * value
              let below = column[order[k - 1]], above = column[order[k]]
              // A random threshold splits where it falls between two sorted values, nowhere else.
              if let drawn, !(below <= drawn && drawn < above) { continue }
              guard k >= minimumLeaf, order.count - k >= minimumLeaf, below < above else { continue }
              let leftCount = Double(k), rightCount = Double(order.count - k)
              let rightSum = totalSum - leftSum, rightSquares = totalSquares - leftSquares
              let error = (leftSquares - leftSum * leftSum / leftCount) + (rightSquares - rightSum * rightSum / rightCount)
              if error < (best?.error ?? parentError) {
                let middle = below + (above - below) / 2
                best = (feature, drawn ?? (middle < above ? middle : below), error)
              }
            }
          }
        }
      }
    }
    return best.map { ($0.feature, $0.threshold) }
  }
}
