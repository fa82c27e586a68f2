/// What one query returns: the metric value and the simulated cost of obtaining it.
public struct QueryResult: Equatable, Sendable {
  /// The metric, e.g. accuracy in percent for NAS-HPO-Bench-II.
  public let accuracy: Double
  /// The simulated training cost in seconds, or `nil` where the data has none (200 epochs).
  public let cost: Double?

  /// The metric value: ``accuracy``, under the name that fits every metric (perplexity too).
  public var value: Double { accuracy }

  /// Creates a result.
  public init(accuracy: Double, cost: Double?) {
    self.accuracy = accuracy
    self.cost = cost
  }
}
