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

/// A feature matrix stored column by column, as tree growing reads it, with each column's rows
/// sorted once for every tree grown on it.
struct FeatureColumns: Sendable {
  /// One array per feature.
  let values: [[Double]]
  /// Per feature, every row sorted by its value (ties by row).
  let sortedRows: [[Int]]

  init(_ matrix: FeatureMatrix) {
    values = (0..<matrix.columnCount).map { column in (0..<matrix.rowCount).map { matrix[$0, column] } }
    sortedRows = values.map { column in (0..<column.count).sorted { (column[$0], $0) < (column[$1], $1) } }
  }
}

/// A sample of rows (with repeats) and where each row occurs in it, to sort the sample by every
/// feature from the presorted rows in linear time.
struct SampleOrder {
  /// The sample, in its order.
  let rows: [Int]
  /// `positions[start[r]..<start[r + 1]]`: where row r occurs in the sample, ascending.
  private let start: [Int]
  private let positions: [Int]

  init(_ rows: [Int], rowCount: Int) {
    var start = [Int](repeating: 0, count: rowCount + 1)
    for row in rows { start[row + 1] += 1 }
    for row in 0..<rowCount { start[row + 1] += start[row] }
    var next = start, positions = [Int](repeating: 0, count: rows.count)
    for (position, row) in rows.enumerated() {
      positions[next[row]] = position
      next[row] += 1
    }
    (self.rows, self.start, self.positions) = (rows, start, positions)
  }

  /// Feature-major: the sample sorted by each feature, equal values in sample order — exactly
  /// what a stable sort of the sample gives.
  func sorted(_ columns: FeatureColumns) -> [Int] {
    var sorted: [Int] = []
    sorted.reserveCapacity(columns.values.count * rows.count)
    for (column, order) in zip(columns.values, columns.sortedRows) {
      var first = 0
      while first < order.count {
        var end = first + 1
        while end < order.count && column[order[end]] == column[order[first]] { end += 1 }
        if end - first == 1 {
          let row = order[first]
          for _ in start[row]..<start[row + 1] { sorted.append(row) }
        } else {
          let tied = order[first..<end].flatMap { positions[start[$0]..<start[$0 + 1]] }.sorted()
          sorted += tied.map { rows[$0] }
        }
        first = end
      }
    }
    return sorted
  }
}

/// Grows one tree depth-first. A node is a range of positions in every feature's sorted rows;
/// splitting partitions each feature's range stably in place, so no node allocates.
private struct TreeBuilder {
  let tree: DecisionTree
  let columns: FeatureColumns
  let targets: [Double]
  /// Feature-major: feature f's sample rows (with repeats), sorted by its value, at
  /// `f * sampleCount ..< (f + 1) * sampleCount`.
  var orders: [Int]
  let sampleCount: Int
  var nodes: [DecisionTreeModel.Node] = []
  /// Per row: whether the current split sends it left.
  private var goesLeft: [Bool]
  /// The right-hand rows while a range is partitioned.
  private var scratch: [Int]

  init(tree: DecisionTree, columns: FeatureColumns, targets: [Double], orders: [Int], sampleCount: Int) {
    self.tree = tree
    self.columns = columns
    self.targets = targets
    self.orders = orders
    self.sampleCount = sampleCount
    goesLeft = [Bool](repeating: false, count: targets.count)
    scratch = [Int](repeating: 0, count: sampleCount)
  }

  /// Builds the subtree of the rows at `range` of every feature's order.
  mutating func build(_ range: Range<Int>, depth: Int, using generator: inout SplitMix64) -> Int {
    let position = nodes.count
    var sum = 0.0, squares = 0.0
    for index in range {
      let target = targets[orders[index]]
      sum += target
      squares += target * target
    }
    let count = Double(range.count), mean = sum / count
    nodes.append(.init(feature: -1, threshold: 0, left: -1, right: -1, value: mean))
    let error = squares - sum * sum / count
    guard range.count >= tree.minSamplesSplit, range.count >= 2 * tree.minSamplesLeaf, depth < (tree.maxDepth ?? .max),
      error > 1e-12 * max(squares, 1e-300), let split = bestSplit(range, parentError: error, using: &generator)
    else { return position }
    let middle = partition(range, feature: split.feature, threshold: split.threshold)
    let leftNode = build(range.lowerBound..<middle, depth: depth + 1, using: &generator)
    let rightNode = build(middle..<range.upperBound, depth: depth + 1, using: &generator)
    nodes[position] = .init(feature: split.feature, threshold: split.threshold, left: leftNode, right: rightNode, value: mean)
    return position
  }

  /// Moves the rows at or below the threshold to the front of the range in every feature's
  /// order, keeping both sides sorted; returns where the right side starts.
  private mutating func partition(_ range: Range<Int>, feature: Int, threshold: Double) -> Int {
    let column = columns.values[feature]
    for index in range {
      let row = orders[index]
      goesLeft[row] = column[row] <= threshold
    }
    var middle = range.lowerBound
    for base in stride(from: 0, to: orders.count, by: sampleCount) {
      var left = base + range.lowerBound, right = 0
      for index in (base + range.lowerBound)..<(base + range.upperBound) {
        let row = orders[index]
        if goesLeft[row] {
          orders[left] = row
          left += 1
        } else {
          scratch[right] = row
          right += 1
        }
      }
      for offset in 0..<right { orders[left + offset] = scratch[offset] }
      middle = left - base
    }
    return middle
  }

  /// The split with the least summed squared error, among a random subset of features.
  private func bestSplit(_ range: Range<Int>, parentError: Double, using generator: inout SplitMix64)
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
        orders[(feature * sampleCount + range.lowerBound)..<(feature * sampleCount + range.upperBound)].withUnsafeBufferPointer { order in
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
