/// What one query returns: the metric value and the simulated cost of obtaining it.
public struct QueryResult: Equatable, Sendable {
  /// The metric, e.g. accuracy in percent for NAS-HPO-Bench-II or perplexity for an LSTM.
  public let value: Double
  /// The simulated cost in the benchmark's cost unit, or `nil` where the data has none
  /// (NAS-HPO-Bench-II's 200-epoch surrogate).
  public let cost: Double?

  /// Creates a result.
  public init(value: Double, cost: Double?) {
    self.value = value
    self.cost = cost
  }
}
