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

  /// Starts a configuration that has `trained` epochs through the checkpoints `counts` (prefix
  /// lengths).
  ///
  /// - Throws: The dataset's error reading the curve.
  func training(
    _ key: Benchmark.Configuration, counts: [Int], model: SequentialRegressionModel<Benchmark>, reference: Double, trained: Int,
    on dataset: Benchmark
  ) throws -> CheckpointTraining<Benchmark> {
    CheckpointTraining(
      stopper: self, key: key, counts: counts, model: model, reference: reference, curve: try dataset.curve(of: key), trained: trained)
  }
}

/// One configuration going through its checkpoints, as a state machine: ``next(on:)`` says
/// whether to train to the next checkpoint, to stop, or that every checkpoint passed.
struct CheckpointTraining<Benchmark: LearningCurveBenchmark> {
  /// What comes next.
  enum Step {
    /// Train to these epochs, then call ``CheckpointTraining/next(on:)`` again.
    case train(epochs: Int)
    /// Stopped early with this predicted value, after training this many epochs.
    case stopped(prediction: Double, trained: Int)
    /// Every checkpoint passed; training may go on from this many epochs.
    case passed(trained: Int)
  }

  let stopper: CheckpointStopper<Benchmark>
  let key: Benchmark.Configuration
  let counts: [Int]
  let model: SequentialRegressionModel<Benchmark>
  let reference: Double
  let curve: [Double]
  /// Epochs trained so far.
  var trained: Int
  private var nextCheckpoint = 0

  init(
    stopper: CheckpointStopper<Benchmark>, key: Benchmark.Configuration, counts: [Int], model: SequentialRegressionModel<Benchmark>,
    reference: Double, curve: [Double], trained: Int
  ) {
    self.stopper = stopper
    self.key = key
    self.counts = counts
    self.model = model
    self.reference = reference
    self.curve = curve
    self.trained = trained
  }

  /// Predicts at every checkpoint already trained past, and says what comes next.
  ///
  /// - Throws: The model's prediction errors.
  mutating func next(on dataset: Benchmark) throws -> Step {
    while nextCheckpoint < counts.count {
      let tau = counts[nextCheckpoint]
      let epoch = dataset.epochRange.lowerBound + tau - 1
      if epoch > trained { return .train(epochs: epoch) }
      nextCheckpoint += 1
      let prediction = try model.predict(key, observedCurve: Array(curve.prefix(tau)))
      if stopper.isUnlikely(prediction, toBeat: reference, direction: dataset.direction) {
        return .stopped(prediction: prediction.mean, trained: trained)
      }
    }
    return .passed(trained: trained)
  }
}
