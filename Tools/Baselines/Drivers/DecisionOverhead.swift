/// How the search's own decision time is charged to the simulated clock.
public enum DecisionOverhead: Hashable, Sendable, CustomStringConvertible {
  /// Decisions are free (the default).
  case none
  /// Every ask takes this long on the asking worker, in the benchmark's cost unit.
  case fixed(Double)
  /// The measured wall-clock seconds of each ask, and of the tell that freed the asking
  /// worker; only for datasets whose cost is in seconds, and not reproducible run to run.
  case measured

  /// `none`, the fixed amount, or `measured`.
  public var description: String {
    switch self {
    case .none: "none"
    case .fixed(let amount): "\(amount)"
    case .measured: "measured"
    }
  }
}
