/// Grows one tree depth-first. A node is a range of positions in every feature's sorted rows;
/// splitting partitions each feature's range stably in place, so no node allocates.
struct TreeBuilder {
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

  /// A uniform draw from a range of finite values, also when its width overflows (±1e308):
  /// then from the halved range, doubled.
  static func uniform(in range: Range<Double>, using generator: inout SplitMix64) -> Double {
    guard (range.upperBound - range.lowerBound).isFinite else {
      return 2 * Double.random(in: (range.lowerBound / 2)..<(range.upperBound / 2), using: &generator)
    }
    return Double.random(in: range, using: &generator)
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
            let drawn = tree.splitter == .random ? Self.uniform(in: column[first]..<column[last], using: &generator) : nil
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
