import TabularNAS

/// NAS-HPO-Bench-II as eight choices: the operation on each of the six edges (in cell-code
/// order), the learning rate and the batch size — on the whole benchmark every combination is a
/// key. On files holding a subset the learning rate and batch size choose among the values held,
/// and when they lack cells a vector names the nearest held cell (fewest edges differing).
public struct NASHPOChoices: ConfigurationVectors {
  /// NAS-HPO-Bench-II.
  public typealias Benchmark = NASHPOBench2

  /// The space the choices span.
  public let space: NASHPOSearchSpace

  /// Creates the coding of a search space (by default the whole benchmark).
  public init(space: NASHPOSearchSpace = NASHPOSearchSpace()) {
    self.space = space
  }

  /// Six edges of 4 operations, then the learning rates and batch sizes held (8 and 6).
  public var dimensions: [VectorDimension] {
    [VectorDimension](repeating: .categorical(choices: CellOperation.allCases.count), count: CellEdge.allCases.count)
      + [.categorical(choices: space.learningRateIndices.count), .categorical(choices: space.batchSizeIndices.count)]
  }

  /// The learning rate and the batch size.
  public var hyperparameterDimensions: [Int] { [CellEdge.allCases.count, CellEdge.allCases.count + 1] }

  /// Whether every combination is a key: unless the files lack cells.
  public var isProduct: Bool { space.cells.count == CellCode.count }

  /// The operations' positions, then the learning rate's and the batch size's among those held.
  public func vector(of key: NASHPOKey) -> [Double] {
    key.cell.operations.map { Double(CellOperation.allCases.firstIndex(of: $0) ?? 0) }
      + [
        Double(space.learningRateIndices.firstIndex(of: key.learningRateIndex) ?? 0),
        Double(space.batchSizeIndices.firstIndex(of: key.batchSizeIndex) ?? 0),
      ]
  }

  /// The key the choices name (each coordinate rounded and clamped to its choices; the nearest
  /// held cell, lowest code first among equals, when the files lack the one named).
  public func configuration(nearest vector: [Double]) -> NASHPOKey {
    func choice(_ index: Int, among count: Int) -> Int { min(count - 1, max(0, Int(vector[index].rounded()))) }
    let operations = CellEdge.allCases.indices.map { CellOperation.allCases[choice($0, among: CellOperation.allCases.count)] }
    let edges = CellEdge.allCases.count
    var cell = CellCode(operations: operations)
    if !isProduct, !space.cells.contains(cell) {
      let named = cell.operations
      cell = space.cells.min { a, b in
        zip(a.operations, named).count { $0 != $1 } < zip(b.operations, named).count { $0 != $1 }
      } ?? cell
    }
    return NASHPOKey(
      cell: cell, learningRateIndex: space.learningRateIndices[choice(edges, among: space.learningRateIndices.count)],
      batchSizeIndex: space.batchSizeIndices[choice(edges + 1, among: space.batchSizeIndices.count)])
  }
}
