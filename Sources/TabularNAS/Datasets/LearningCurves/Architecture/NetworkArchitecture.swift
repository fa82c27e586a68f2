/// A network as a list of layers, parsed from a MetaQNN string or a NAAP-440 scheme.
public struct NetworkArchitecture: Equatable, Hashable, Sendable {
  /// The layers, input first.
  public let layers: [ArchitectureLayer]

  /// Wraps a layer list.
  ///
  /// - Throws: ``ArchitectureError/empty`` for no layers.
  public init(layers: [ArchitectureLayer]) throws {
    guard !layers.isEmpty else { throw ArchitectureError.empty }
    self.layers = layers
  }
}

extension NetworkArchitecture: CustomStringConvertible {
  /// The MetaQNN spelling, e.g. `[C(64,3,1), P(2,2), SM(10)]`.
  public var description: String { "[" + layers.map(\.description).joined(separator: ", ") + "]" }
}

extension NetworkArchitecture {
  /// The filters of each convolution, input first.
  public var convolutionWidths: [Int] {
    layers.compactMap { if case .convolution(let filters, _, _, _) = $0 { filters } else { nil } }
  }
}
