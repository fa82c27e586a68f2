/// How ASHA moves trials up its rungs.
public enum HalvingRule: String, CaseIterable, Sendable {
  /// Pause at every rung; promote the best of a rung's top ⌊n/η⌋ when a worker is free.
  case promotion
  /// Go on from a rung at once if in the top 1/η of its results so far, else stop.
  case stopping
}
