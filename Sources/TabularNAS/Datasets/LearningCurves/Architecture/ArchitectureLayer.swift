/// One layer of a sampled network, as the MetaQNN and NAAP-440 search spaces describe them.
public enum ArchitectureLayer: Equatable, Hashable, Sendable {
  /// `C(filters, kernel, stride)`; NAAP-440 layers may add a residual connection.
  case convolution(filters: Int, kernelSize: Int, stride: Int, isResidual: Bool)
  /// `P(kernel, stride)`: max pooling.
  case pooling(kernelSize: Int, stride: Int)
  /// `D(i, n)`: the i-th of n dropout layers.
  case dropout(position: Int, count: Int)
  /// `FC(n)`: a fully connected layer with n units.
  case fullyConnected(units: Int)
  /// `GAP(n)`: global average pooling to n outputs.
  case globalAveragePooling(outputs: Int)
  /// `SM(n)`: the softmax output with n classes.
  case softmax(outputs: Int)
}

extension ArchitectureLayer: CustomStringConvertible {
  /// The MetaQNN spelling, e.g. `C(64,3,1)`; a residual convolution is written `C(64,3,1,R)`.
  public var description: String {
    switch self {
    case .convolution(let filters, let kernel, let stride, let isResidual):
      "C(\(filters),\(kernel),\(stride)\(isResidual ? ",R" : ""))"
    case .pooling(let kernel, let stride): "P(\(kernel),\(stride))"
    case .dropout(let position, let count): "D(\(position),\(count))"
    case .fullyConnected(let units): "FC(\(units))"
    case .globalAveragePooling(let outputs): "GAP(\(outputs))"
    case .softmax(let outputs): "SM(\(outputs))"
    }
  }
}
