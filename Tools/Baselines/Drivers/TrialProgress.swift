/// The epochs each trial of a run has trained, so a resumed trial pays only its new epochs.
struct TrialProgress: Sendable {
  private var trained: [Int: Int] = [:]

  /// Marks a trial as trained to its epochs and returns the epochs it had before (0 if new).
  ///
  /// - Throws: ``SearchError/trialNotForward(id:epochs:trained:)`` when it asks for no new epochs.
  mutating func start<Configuration>(_ trial: Trial<Configuration>) throws -> Int {
    let before = trained[trial.id, default: 0]
    guard trial.epochs > before else { throw SearchError.trialNotForward(id: trial.id, epochs: trial.epochs, trained: before) }
    trained[trial.id] = trial.epochs
    return before
  }

  /// The epochs a trial has trained (0 if it never started).
  func epochs(of id: Int) -> Int { trained[id, default: 0] }

  /// The number of distinct trials started.
  var count: Int { trained.count }
}
