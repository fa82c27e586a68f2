import TabularNAS

/// What training a survivor in a round does next: train to more epochs, or be done with a
/// score (its value, or a prediction) and the epochs it has.
enum RoundStep: Equatable {
  /// Train to these epochs, then ask again.
  case train(epochs: Int)
  /// The survivor is scored.
  case done(score: Double, trained: Int)
}

/// How a survivor of a successive-halving round trains: ``Hyperband`` trains it to the round's
/// epochs; ``FastHyperband`` goes checkpoint by checkpoint and may stop it early.
protocol RoundTraining<Benchmark> {
  /// The dataset type.
  associatedtype Benchmark: TabularBenchmark
  /// One survivor's training within a round.
  associatedtype Job

  /// Starts a survivor with `trained` epochs in a round; returns its state and first step.
  mutating func begin(
    _ configuration: Benchmark.Configuration, trained: Int, round: HyperbandRound, on benchmark: Benchmark
  ) throws -> (job: Job, step: RoundStep)

  /// The next step after the survivor trained to `epochs` and scored `value` there.
  mutating func advance(_ job: inout Job, trainedTo epochs: Int, value: Double, on benchmark: Benchmark) throws -> RoundStep
}

/// ``Hyperband``'s training: to the round's epochs, resuming; a survivor that has them already
/// reads its value for free.
struct FullRoundTraining<Benchmark: TabularBenchmark>: RoundTraining {
  func begin(
    _ configuration: Benchmark.Configuration, trained: Int, round: HyperbandRound, on benchmark: Benchmark
  ) throws -> (job: Void, step: RoundStep) {
    guard round.epochs > trained else {
      return ((), .done(score: try benchmark.query(configuration, epochs: round.epochs).value, trained: trained))
    }
    return ((), .train(epochs: round.epochs))
  }

  func advance(_ job: inout Void, trainedTo epochs: Int, value: Double, on benchmark: Benchmark) -> RoundStep {
    .done(score: value, trained: epochs)
  }
}
