/// A request any benchmark refuses; each case names what is allowed.
public enum BenchmarkError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The split (`mode`) is not `train`, `valid` or `test`.
  case unknownMode(String, allowed: [String])
  /// A configuration position is outside `0..<count`.
  case positionOutOfRange(Int, count: Int)
  /// Results need a best configuration, which only validation queries provide.
  case noValidationQuery(loggedQueries: Int)

  /// A one-line explanation naming the offending value and the allowed ones.
  public var description: String {
    switch self {
    case .unknownMode(let value, let allowed):
      "unknown mode '\(value)': choose one of \(allowed.joined(separator: ", "))"
    case .positionOutOfRange(let position, let count):
      "configuration index \(position) is out of range; allowed: 0…\(count - 1)"
    case .noValidationQuery(let count):
      "no validation query in this run (\(count) logged): results report the best "
        + "validation configuration, so query at least one in mode valid"
    }
  }
}
