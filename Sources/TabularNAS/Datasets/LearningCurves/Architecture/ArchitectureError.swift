/// An architecture description that does not parse; each case says where and what was expected.
public enum ArchitectureError: Error, Equatable, Sendable {
  /// The text breaks the grammar at a character offset (0-based).
  case malformed(text: String, offset: Int, expected: String)
  /// A layer name that is not C, P, D, FC, GAP or SM.
  case unknownLayer(String, allowed: [String])
  /// A layer with the wrong number of arguments.
  case wrongArgumentCount(layer: String, found: Int, expected: Int)
  /// An argument that is not a positive integer.
  case invalidArgument(layer: String, text: String)
  /// A network without layers.
  case empty
}

extension ArchitectureError: CustomStringConvertible {
  /// A one-line explanation.
  public var description: String {
    switch self {
    case .malformed(let text, let offset, let expected):
      "malformed network '\(text.prefix(60))': expected \(expected) at character \(offset + 1)"
    case .unknownLayer(let name, let allowed): "unknown layer '\(name)'; allowed: \(allowed.joined(separator: ", "))"
    case .wrongArgumentCount(let layer, let found, let expected):
      "layer \(layer) has \(found) argument\(found == 1 ? "" : "s"); it takes \(expected)"
    case .invalidArgument(let layer, let text): "layer \(layer): '\(text)' is not a positive integer"
    case .empty: "a network needs at least one layer"
    }
  }
}
