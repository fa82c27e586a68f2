/// A request `tabnas serve` cannot carry out; each answers with `{"ok": false, "error": …}`.
enum ServeError: Error, Equatable, CustomStringConvertible {
  /// The line is not a JSON object.
  case malformedLine(reason: String)
  /// The operation is not one of the protocol's.
  case unknownOperation(String)
  /// A parameter the operation needs is missing or of the wrong kind.
  case badParameter(name: String, expected: String)
  /// A run or worker session id that is not open.
  case unknownSession(kind: String, id: Int, open: [Int])
  /// A batch item failed; nothing of the batch was logged.
  case batchItem(index: Int, reason: String)
  /// The worker session's budget does not let another trial start.
  case budgetSpent(String)

  /// The error's kind, for programs: `malformed`, `unknown_op`, `bad_parameter`,
  /// `unknown_session`, `batch` or `budget`.
  var kind: String {
    switch self {
    case .malformedLine: "malformed"
    case .unknownOperation: "unknown_op"
    case .badParameter: "bad_parameter"
    case .unknownSession: "unknown_session"
    case .batchItem: "batch"
    case .budgetSpent: "budget"
    }
  }

  /// What was wrong and what is allowed.
  var description: String {
    switch self {
    case .malformedLine(let reason): "the line is not a JSON object: \(reason)"
    case .unknownOperation(let name):
      "unknown op '\(UsageError.abbreviated(name))'; the ops are \(ServeOperation.allCases.map(\.rawValue).joined(separator: ", "))"
    case .badParameter(let name, let expected): "'\(name)' must be \(expected)"
    case .unknownSession(let kind, let id, let open):
      "no open \(kind) \(id); open \(kind)s: " + (open.isEmpty ? "none" : open.map(String.init).joined(separator: ", "))
    case .batchItem(let index, let reason): "item \(index) of the batch failed (nothing of the batch was logged): \(reason)"
    case .budgetSpent(let what): "the session's budget is spent: \(what)"
    }
  }
}
