/// A results file (`get_results` as JSON or pickle) that cannot be read back.
public enum TrajectoryFileError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A required field is absent.
  case missingField(String)
  /// A field holds the wrong kind of value.
  case malformed(field: String, reason: String)
  /// The per-query lists have different lengths.
  case lengthMismatch(field: String, count: Int, expected: Int)

  /// What is wrong and what a results file holds.
  public var description: String {
    switch self {
    case .missingField(let name):
      "not a get_results file: it lacks '\(name)' (a file holds acc_trans, key_trans, best_acc_trans, "
        + "best_key_trans, total_cost_trans and final_accs)"
    case .malformed(let field, let reason): "'\(field)' is malformed: \(reason)"
    case .lengthMismatch(let field, let count, let expected):
      "'\(field)' has \(count) entries, but acc_trans has \(expected)"
    }
  }
}
