/// What ends a run on simulated workers.
public enum WorkerBudget: Hashable, Sendable {
  /// Start trials while the cost of finished and running trials is below this, in the
  /// benchmark's cost unit (running trials then finish: the budget is overshot by at most one
  /// trial per worker).
  case cost(Double)
  /// Simulated wall-clock time: start trials before this time; trials that would end after it
  /// are cut, neither logged nor told.
  case time(Double)
  /// Start this many distinct trials (a paused trial resumed later counts once); running
  /// trials then finish.
  case trials(Int)

  /// `cost`, `time` or `trials`, as results files name the kind.
  public var kind: String {
    switch self {
    case .cost: "cost"
    case .time: "time"
    case .trials: "trials"
    }
  }

  /// The budget's amount.
  public var amount: Double {
    switch self {
    case .cost(let amount), .time(let amount): amount
    case .trials(let count): Double(count)
    }
  }
}
