/// Input a predictor cannot learn from or answer; each case says what is wrong and what is allowed.
public enum PredictionError: Error, Equatable, Sendable {
  /// Fewer training rows than the method needs (folds, neighbours, …).
  case tooFewRows(Int, needed: Int, reason: String)
  /// A feature or target is NaN or infinite.
  case nonFiniteValue(row: Int, column: String)
  /// Feature rows of different widths, or a row that does not match the trained width.
  case featureCountMismatch(found: Int, expected: Int)
  /// Targets and feature rows differ in number.
  case targetCountMismatch(targets: Int, rows: Int)
  /// A hyperparameter outside its allowed range.
  case invalidHyperparameter(name: String, value: Double, allowed: String)
  /// An observed-epoch count the curves do not have, or no model was trained for.
  case epochsOutOfRange(Int, allowed: ClosedRange<Int>)
  /// A model or feature-set name that is not known.
  case unknownName(String, kind: String, allowed: [String])
  /// A published protocol was asked of a dataset it does not belong to.
  case protocolNotApplicable(protocol: String, dataset: String)
}

extension PredictionError: CustomStringConvertible {
  /// A one-line explanation.
  public var description: String {
    switch self {
    case .tooFewRows(let rows, let needed, let reason):
      "\(rows) training row\(rows == 1 ? "" : "s"), but \(reason) needs at least \(needed)"
    case .protocolNotApplicable(let name, let dataset):
      "the \(name) protocol needs the \(name) dataset (--dataset \(name)), not \(dataset)"
    case .nonFiniteValue(let row, let column): "row \(row), \(column): the value is NaN or infinite"
    case .featureCountMismatch(let found, let expected): "\(found) features given, the model expects \(expected)"
    case .targetCountMismatch(let targets, let rows): "\(targets) targets for \(rows) feature rows"
    case .invalidHyperparameter(let name, let value, let allowed): "\(name) = \(value) is not allowed; \(allowed)"
    case .epochsOutOfRange(let epochs, let allowed):
      "\(epochs) observed epochs are out of range; allowed: \(allowed.lowerBound)…\(allowed.upperBound)"
    case .unknownName(let name, let kind, let allowed):
      "unknown \(kind) '\(name)'; allowed: \(allowed.joined(separator: ", "))"
    }
  }
}
