/// A unit of training a search asks a worker to do: bring one trial's configuration to some
/// epochs. A trial that is paused and later promoted keeps its ``id``, so the driver resumes it
/// from the epochs it has and charges only the new ones.
public struct Trial<Configuration: Hashable & Sendable>: Hashable, Sendable {
  /// The trial's identity, chosen by the search and unique within a run.
  public let id: Int
  /// The configuration trained.
  public let configuration: Configuration
  /// The epochs to train to (more than the trial has trained so far).
  public let epochs: Int

  /// Creates a trial.
  public init(id: Int, configuration: Configuration, epochs: Int) {
    self.id = id
    self.configuration = configuration
    self.epochs = epochs
  }
}
