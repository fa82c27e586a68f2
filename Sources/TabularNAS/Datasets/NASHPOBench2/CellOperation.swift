/// The operation on one edge of a NAS-HPO-Bench-II cell, numbered as in cell codes.
public enum CellOperation: UInt8, CaseIterable, Sendable, CustomStringConvertible {
  /// ReLU, 3×3 convolution (stride 1), batch normalisation; code `0`.
  case convolution = 0
  /// 3×3 average pooling with stride 1; code `1`.
  case averagePooling = 1
  /// The identity: the edge passes its input through; code `2`.
  case skip = 2
  /// The zero tensor: the edge contributes nothing; code `3`.
  case zero = 3

  /// A short readable name (`conv3x3`, `avgpool3x3`, `skip`, `zero`).
  public var description: String {
    switch self {
    case .convolution: "conv3x3"
    case .averagePooling: "avgpool3x3"
    case .skip: "skip"
    case .zero: "zero"
    }
  }
}
