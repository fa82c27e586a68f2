/// One field of a dataset's query request: its command-line option, its JSON key, the kind of
/// value, and whether it is needed.
public struct RequestField: Sendable, Equatable {
  /// The kind of value a field holds.
  public enum Kind: Sendable, Equatable {
    /// Any text, e.g. a cell code.
    case text
    /// A number.
    case number
    /// A whole number.
    case integer
  }

  /// Whether a request needs the field.
  public enum Requirement: Sendable, Equatable {
    /// May be left out.
    case optional
    /// Must be given.
    case required
    /// Exactly one field of the named group must be given.
    case oneOf(String)
  }

  /// The command-line option, without `--` (e.g. `batch-size`).
  public let option: String
  /// The JSON key (e.g. `batch_size`).
  public let key: String
  /// The kind of value.
  public let kind: Kind
  /// What a value must be, for usage errors (e.g. `an integer id`).
  public let expectation: String
  /// Whether the field is needed.
  public let requirement: Requirement
  /// One line of help.
  public let help: String

  /// Creates a field; the JSON key defaults to the option with `_` for `-`.
  public init(
    _ option: String, key: String? = nil, kind: Kind, expecting expectation: String,
    requirement: Requirement = .optional, help: String
  ) {
    self.option = option
    self.key = key ?? option.replacing("-", with: "_")
    self.kind = kind
    self.expectation = expectation
    self.requirement = requirement
    self.help = help
  }

  /// Parses a command-line value into the JSON a request reads, or `nil` when it is not of
  /// the field's kind.
  public func jsonValue(parsing text: String) -> JSONValue? {
    switch kind {
    case .text: .string(text)
    case .number: Double(text).map(JSONValue.number)
    case .integer: Int(text).map(JSONValue.integer)
    }
  }
}
