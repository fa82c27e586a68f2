/// A non-curve column of a learning-curve table: a hyperparameter, an architecture
/// description, an id, a split or a final value.
public struct ConfigurationField: Equatable, Sendable {
  /// Whether a field holds numbers or text; a column is numeric when every cell is a number.
  public enum Kind: String, Equatable, Sendable {
    /// Every cell is a number.
    case number
    /// At least one cell is not a number (e.g. MetaQNN's `net`, `training_dataset`).
    case text
  }

  /// What the field is for.
  public enum Role: String, Equatable, Sendable {
    /// A property of the configuration: a hyperparameter or an architecture parameter.
    case parameter
    /// The configuration's id (NAAP-440's `ModelId`).
    case id
    /// The 0/1 test-split marker (NAAP-440's `IsTest`).
    case split
    /// The final value the descriptor reads (NAAP-440's `MaxAccuracy`); a result, not a feature.
    case finalValue
  }

  /// The header name.
  public let name: String
  /// Numbers or text.
  public let kind: Kind
  /// What the field is for.
  public let role: Role
}

/// One configuration's value of a field.
public enum FieldValue: Equatable, Sendable, CustomStringConvertible {
  /// A number.
  case number(Double)
  /// Text.
  case text(String)

  /// The value as written.
  public var description: String {
    switch self {
    case .number(let value): value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
    case .text(let text): text
    }
  }
}
