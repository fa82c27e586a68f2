/// A search setting the dataset cannot honour.
public enum SearchError: Error, Equatable, CustomStringConvertible {
  /// Hyperband's R is not an epoch of the dataset.
  case maximumEpochsOutOfRange(Int, allowed: ClosedRange<Int>)

  /// What was wrong and what is allowed.
  public var description: String {
    switch self {
    case .maximumEpochsOutOfRange(let epochs, let allowed):
      "maximum epochs R = \(epochs) is outside the dataset's epochs \(allowed.lowerBound)…\(allowed.upperBound)"
    }
  }
}
