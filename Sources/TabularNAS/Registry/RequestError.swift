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
  /// The member `name` read by `read`, `nil` when absent or null.
  ///
  /// - Throws: ``RequestError/wrongKind(field:expected:)`` when `read` refuses the value.
  private func requestMember<T>(_ name: String, expected: String, _ read: (JSONValue) -> T?) throws -> T? {
    guard let value = self[name], value != .null else { return nil }
    guard let typed = read(value) else { throw RequestError.wrongKind(field: name, expected: expected) }
    return typed
  }

  /// The member `name` as an integer (an integral number counts), `nil` when absent or null.
  func requestInteger(_ name: String) throws -> Int? { try requestMember(name, expected: "an integer", \.integer) }

  /// The member `name` as a number, `nil` when absent or null.
  func requestNumber(_ name: String) throws -> Double? { try requestMember(name, expected: "a number", \.number) }

  /// The member `name` as text, `nil` when absent or null.
  func requestText(_ name: String) throws -> String? {
    try requestMember(name, expected: "a string") { if case .string(let text) = $0 { text } else { nil } }
  }

  /// The member `name` as a list of integers, `nil` when absent or null.
  func requestIntegers(_ name: String) throws -> [Int]? {
    try requestMember(name, expected: "a list of integers") { value in
      guard case .array(let items) = value else { return nil }
      let integers = items.compactMap(\.integer)
      return integers.count == items.count ? integers : nil
    }
  }
}
