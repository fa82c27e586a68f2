/// Scores of predictions against the truth.
public enum Metrics {
  /// The coefficient of determination, 1 − Σ(y − ŷ)² / Σ(y − ȳ)².
  public static func rSquared(predictions: [Double], truths: [Double]) -> Double {
    precondition(predictions.count == truths.count && !truths.isEmpty, "one prediction per truth")
    let mean = truths.reduce(0, +) / Double(truths.count)
    let residual = zip(predictions, truths).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
    let total = truths.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    return 1 - residual / total
  }

  /// The mean absolute error.
  public static func meanAbsoluteError(predictions: [Double], truths: [Double]) -> Double {
    precondition(predictions.count == truths.count && !truths.isEmpty, "one prediction per truth")
    return zip(predictions, truths).reduce(0) { $0 + abs($1.0 - $1.1) } / Double(truths.count)
  }

  /// Monotonicity violations as NAAP-440 counts them: pairs ordered one way by the truth (ties
  /// broken by position) and strictly the other way by the predictions.
  ///
  /// - Returns: The violations and the number of pairs, n(n − 1)/2.
  public static func monotonicityViolations(predictions: [Double], truths: [Double]) -> (violations: Int, pairs: Int) {
    precondition(predictions.count == truths.count, "one prediction per truth")
    let order = truths.indices.sorted { truths[$0] != truths[$1] ? truths[$0] < truths[$1] : $0 < $1 }
    var violations = 0
    for a in order.indices {
      for b in (a + 1)..<max(order.count, a + 1) where predictions[order[a]] > predictions[order[b]] {
        violations += 1
      }
    }
    return (violations, order.count * (order.count - 1) / 2)
  }

  /// The mean and the standard error of the mean.
  public static func meanAndStandardError(_ values: [Double]) -> (mean: Double, standardError: Double) {
    let mean = values.reduce(0, +) / Double(values.count)
    guard values.count > 1 else { return (mean, 0) }
    let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
    return (mean, (variance / Double(values.count)).squareRoot())
  }
}
