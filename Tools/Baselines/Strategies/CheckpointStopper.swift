import TabularNAS

/// Baker et al. (2018, §4)'s stopping rule, applied checkpoint by checkpoint: train to the next
/// checkpoint (paying only the new epochs), predict, and stop once
/// P(ŷ ≤ y_ref − δ) ≥ Δ (mirrored for lower-is-better metrics). Shared by the early-stopping
/// search and f-Hyperband.
struct CheckpointStopper<Benchmark: LearningCurveBenchmark> {
  /// Δ.
  let threshold: Double
  /// δ.
  let margin: Double

  /// How checkpoint training ended.
  enum Outcome {
    /// Stopped early with this predicted value, after training this many epochs.
    case stopped(prediction: Double, trained: Int)
    /// Every checkpoint passed; training may go on from this many epochs.
    case passed(trained: Int)
    /// The budget ran out before the next checkpoint; the latest prediction, if any.
    case outOfBudget(latest: Double?, trained: Int)
  }

  /// The prefix length τ = round(f × length), at least 1, of each checkpoint fraction f (in
  /// order, possibly repeated or reaching the full length: each search keeps those it can use).
  static func prefixLengths(_ fractions: [Double], of length: Int) -> [Int] {
    fractions.map { max(1, Int(($0 * Double(length)).rounded())) }
  }

  /// Whether a prediction is unlikely to beat the reference.
  func isUnlikely(_ prediction: SequentialRegressionModel<Benchmark>.Prediction, toBeat reference: Double, direction: MetricDirection)
    -> Bool
  {
    let probability =
      direction == .higherIsBetter
      ? prediction.probability(atMost: reference - margin)
      : 1 - prediction.probability(atMost: reference + margin)
    return probability >= threshold
  }

  /// Trains `key` through the checkpoints `counts` (prefix lengths) from `trained` epochs.
  func train(
    _ key: Benchmark.Configuration, counts: [Int], model: SequentialRegressionModel<Benchmark>, reference: Double,
    from trained: Int, run: inout BenchmarkRun<Benchmark>, budget: Double
  ) throws -> Outcome {
    let dataset = run.benchmark
    let curve = try dataset.curve(of: key)
    var trained = trained, latest: Double?
    for tau in counts {
      let epoch = dataset.epochRange.lowerBound + tau - 1
      if epoch > trained {
        guard run.totalCost < budget else { return .outOfBudget(latest: latest, trained: trained) }
        try run.resume(key, from: trained, to: epoch)
        trained = epoch
      }
      let prediction = try model.predict(key, observedCurve: Array(curve.prefix(tau)))
      latest = prediction.mean
      if isUnlikely(prediction, toBeat: reference, direction: dataset.direction) {
        return .stopped(prediction: prediction.mean, trained: trained)
      }
    }
    return .passed(trained: trained)
  }
}
