import TabularNAS

/// NAS-HPO-Bench-II's reference mutation (`bench_algos/rea.py`): pick one of the six edges, the
/// learning rate or the batch size uniformly, and give it a different value uniformly.
public struct NASHPOMutation: NeighbourRule {
  /// NAS-HPO-Bench-II.
  public typealias Benchmark = NASHPOBench2

  /// Creates the rule.
  public init() {}

  /// The mutated key.
  public func neighbour<G: RandomNumberGenerator>(of key: NASHPOKey, using generator: inout G) -> NASHPOKey {
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
}
