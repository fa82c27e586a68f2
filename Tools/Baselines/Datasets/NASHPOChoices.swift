import TabularNAS

/// NAS-HPO-Bench-II as eight choices: the operation on each of the six edges (in cell-code
/// order), the learning rate and the batch size — every combination is a key.
public struct NASHPOChoices: ConfigurationVectors {
  /// NAS-HPO-Bench-II.
  public typealias Benchmark = NASHPOBench2

  /// Creates the coding.
  public init() {}

  /// Six edges of 4 operations, 8 learning rates, 6 batch sizes.
  public var dimensions: [VectorDimension] {
    [VectorDimension](repeating: .categorical(choices: CellOperation.allCases.count), count: CellEdge.allCases.count)
      + [.categorical(choices: NASHPOSearchSpace.learningRates.count), .categorical(choices: NASHPOSearchSpace.batchSizes.count)]
  }

  /// The learning rate and the batch size.
  public var hyperparameterDimensions: [Int] { [CellEdge.allCases.count, CellEdge.allCases.count + 1] }

  /// Every combination is a key.
  public var isProduct: Bool { true }

  /// The operations' positions, then the learning rate's and the batch size's.
  public func vector(of key: NASHPOKey) -> [Double] {
    key.cell.operations.map { Double(CellOperation.allCases.firstIndex(of: $0) ?? 0) }
      + [Double(key.learningRateIndex), Double(key.batchSizeIndex)]
  }

  /// The key the choices name (each coordinate rounded and clamped to its choices).
  public func configuration(nearest vector: [Double]) -> NASHPOKey {
    func choice(_ index: Int, among count: Int) -> Int { min(count - 1, max(0, Int(vector[index].rounded()))) }
    let operations = CellEdge.allCases.indices.map { CellOperation.allCases[choice($0, among: CellOperation.allCases.count)] }
    let edges = CellEdge.allCases.count
    return NASHPOKey(
      cell: CellCode(operations: operations), learningRateIndex: choice(edges, among: NASHPOSearchSpace.learningRates.count),
      batchSizeIndex: choice(edges + 1, among: NASHPOSearchSpace.batchSizes.count))
  }
}
