/// What a trajectory plot puts on its x axis.
public enum TrajectoryAxis: String, CaseIterable, Sendable {
  /// Cumulative training cost.
  case cost
  /// Simulated wall-clock time on the workers.
  case time
}
