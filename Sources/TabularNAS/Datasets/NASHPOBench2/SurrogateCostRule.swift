/// How a 200-epoch (surrogate) query is charged; the data itself has no 200-epoch cost.
public enum SurrogateCostRule: String, CaseIterable, Sendable {
  /// No cost (`nil`), as in the reference API. Such queries cannot be logged: a search paying
  /// nothing for them would never exhaust its budget.
  case unavailable
  /// The 12-epoch cost of the same key, mode and seed scaled linearly: `cost₁₂ × 200 / 12`.
  case extrapolated
}
