import TabularNAS

/// NAS-HPO-Bench-II's reference mutation (`bench_algos/rea.py`): pick one of the six edges, the
/// learning rate or the batch size uniformly, and give it a different value uniformly.
///
/// On files holding a subset, only elements and values that lead to a key of the search space
/// are drawn (the same draws as the reference's on the whole benchmark); a key with no such
/// neighbour mutates to a uniformly random key of the space.
public struct NASHPOMutation: NeighbourRule {
  /// NAS-HPO-Bench-II.
  public typealias Benchmark = NASHPOBench2

  /// The space mutations stay in.
  public let space: NASHPOSearchSpace

  /// Creates the rule for a search space (by default the whole benchmark).
  public init(space: NASHPOSearchSpace = NASHPOSearchSpace()) {
    self.space = space
  }

  /// The mutated key.
  public func neighbour<G: RandomNumberGenerator>(of key: NASHPOKey, using generator: inout G) -> NASHPOKey {
    guard space.isComplete else { return neighbourInSubset(of: key, using: &generator) }
    let element = Int.random(in: 0..<(CellEdge.allCases.count + 2), using: &generator)
    var cell = key.cell, learningRate = key.learningRateIndex, batchSize = key.batchSizeIndex
    func different(from current: Int, among count: Int) -> Int {
      let draw = Int.random(in: 0..<(count - 1), using: &generator)
      return draw >= current ? draw + 1 : draw
    }
    switch element {
    case 0..<CellEdge.allCases.count:
      let edge = CellEdge.allCases[element]
      let current = CellOperation.allCases.firstIndex(of: cell.operation(on: edge)) ?? 0
      cell = cell.replacing(edge, with: CellOperation.allCases[different(from: current, among: CellOperation.allCases.count)])
    case CellEdge.allCases.count:
      learningRate = different(from: learningRate, among: NASHPOSearchSpace.learningRates.count)
    default:
      batchSize = different(from: batchSize, among: NASHPOSearchSpace.batchSizes.count)
    }
    return NASHPOKey(cell: cell, learningRateIndex: learningRate, batchSizeIndex: batchSize)
  }

  /// The neighbours in the space, element by element (edges A…F, learning rate, batch size), each
  /// element's in ascending order of its value.
  func neighbours(of key: NASHPOKey) -> [[NASHPOKey]] {
    let edges = CellEdge.allCases.map { edge in
      CellOperation.allCases.filter { $0 != key.cell.operation(on: edge) }.map {
        NASHPOKey(cell: key.cell.replacing(edge, with: $0), learningRateIndex: key.learningRateIndex, batchSizeIndex: key.batchSizeIndex)
      }
    }
    let learningRates = space.learningRateIndices.filter { $0 != key.learningRateIndex }.map {
      NASHPOKey(cell: key.cell, learningRateIndex: $0, batchSizeIndex: key.batchSizeIndex)
    }
    let batchSizes = space.batchSizeIndices.filter { $0 != key.batchSizeIndex }.map {
      NASHPOKey(cell: key.cell, learningRateIndex: key.learningRateIndex, batchSizeIndex: $0)
    }
    return (edges + [learningRates, batchSizes]).map { $0.filter(space.contains) }
  }

  private func neighbourInSubset<G: RandomNumberGenerator>(of key: NASHPOKey, using generator: inout G) -> NASHPOKey {
    let elements = neighbours(of: key).filter { !$0.isEmpty }
    guard !elements.isEmpty else { return space.randomKey(using: &generator) }
    let element = elements[Int.random(in: 0..<elements.count, using: &generator)]
    return element[Int.random(in: 0..<element.count, using: &generator)]
  }
}
