/// Whether larger or smaller values of a metric are better (accuracy vs. perplexity).
public enum MetricDirection: String, Sendable, Codable {
  /// Larger is better, e.g. accuracy.
  case higherIsBetter
  /// Smaller is better, e.g. perplexity or loss.
  case lowerIsBetter

  /// Whether `candidate` strictly improves on `incumbent`; ties keep the incumbent, NaN never wins.
  @inline(__always)
  public func isImprovement(_ candidate: Double, over incumbent: Double) -> Bool {
    switch self {
    case .higherIsBetter: candidate > incumbent
    case .lowerIsBetter: candidate < incumbent
    }
  }

  /// A value every real value improves on: −∞ or +∞.
  public var worst: Double { self == .higherIsBetter ? -.infinity : .infinity }
}
