/// A query request that is not well formed; each case says what a request holds.
public enum RequestError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The request is not a JSON object.
  case notAnObject
  /// A field holds the wrong kind of value.
  case wrongKind(field: String, expected: String)
  /// Fields a request needs are missing; the text names them.
  case missingFields(String)

  /// What is wrong.
  public var description: String {
    switch self {
    case .notAnObject: "not a JSON object"
    case .wrongKind(let field, let expected): "'\(field)' must be \(expected)"
    case .missingFields(let needed): "needs \(needed)"
    }
  }
}

extension JSONValue {
  /// The member `name` as an integer, `nil` when absent or null.
  ///
  /// - Throws: ``RequestError/wrongKind(field:expected:)`` for a value that is no integer.
  func requestInteger(_ name: String) throws -> Int? {
    switch self[name] {
    case nil, .null?: return nil
    case let value?:
      guard let integer = value.integer else { throw RequestError.wrongKind(field: name, expected: "an integer") }
      return integer
    }
  }

  /// The member `name` as a number, `nil` when absent or null.
  ///
  /// - Throws: ``RequestError/wrongKind(field:expected:)`` for a value that is no number.
  func requestNumber(_ name: String) throws -> Double? {
    switch self[name] {
    case nil, .null?: return nil
    case let value?:
      guard let number = value.number else { throw RequestError.wrongKind(field: name, expected: "a number") }
      return number
    }
  }

  /// The member `name` as text, `nil` when absent or null.
  ///
  /// - Throws: ``RequestError/wrongKind(field:expected:)`` for a value that is no string.
  func requestText(_ name: String) throws -> String? {
    switch self[name] {
    case nil, .null?: return nil
    case .string(let text)?: return text
    default: throw RequestError.wrongKind(field: name, expected: "a string")
    }
  }
}
