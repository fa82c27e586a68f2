/// A search's answer when a worker asks for work.
public enum TrialRequest<Configuration: Hashable & Sendable>: Hashable, Sendable {
  /// Train this trial.
  case train(Trial<Configuration>)
  /// Nothing to start until a running trial finishes (a synchronous rung waiting for its
  /// stragglers); the worker idles.
  case wait
  /// The search is over: no trial will ever be asked for again.
  case finished
}
