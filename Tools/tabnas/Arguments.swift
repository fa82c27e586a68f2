/// The words after a command name, consumed option by option.
///
/// Options are `--name value` or `--name=value`; flags are `--name`. Whatever remains after a
/// command has taken its options is a usage error.
struct Arguments {
  private(set) var words: [String]

  init(_ words: [String]) { self.words = words }

  /// Removes and returns the next word if it is not an option.
  mutating func positional() -> String? {
    guard let first = words.first, !first.hasPrefix("--") else { return nil }
    return words.removeFirst()
  }

  /// Removes a flag and reports whether it was present.
  mutating func flag(_ name: String) throws -> Bool {
    guard let position = words.firstIndex(of: "--" + name) else { return false }
    words.remove(at: position)
    if words.contains("--" + name) { throw UsageError.repeatedOption(name) }
    return true
  }

  /// Removes an option and returns its value, or `nil` when absent.
  ///
  /// - Throws: ``UsageError/missingValue(option:)`` when the option ends the line.
  mutating func option(_ name: String) throws -> String? {
    let value = try takeOption(name)
    if value != nil, try takeOption(name) != nil { throw UsageError.repeatedOption(name) }
    return value
  }

  private mutating func takeOption(_ name: String) throws -> String? {
    let spelled = "--" + name
    if let position = words.firstIndex(where: { $0.hasPrefix(spelled + "=") }) {
      return String(words.remove(at: position).dropFirst(spelled.count + 1))
    }
    guard let position = words.firstIndex(of: spelled) else { return nil }
    guard position + 1 < words.count else { throw UsageError.missingValue(option: name) }
    let value = words[position + 1]
    words.removeSubrange(position...position + 1)
    return value
  }

  /// Removes an option that must be present.
  mutating func required(_ name: String) throws -> String {
    guard let value = try option(name) else { throw UsageError.missingOption(name) }
    return value
  }

  /// Removes an option and parses it with a failable initialiser such as `Int.init`.
  mutating func option<T>(_ name: String, as parse: (String) -> T?, expecting kind: String) throws -> T? {
    guard let text = try option(name) else { return nil }
    guard let value = parse(text) else {
      throw UsageError.invalidValue(option: name, value: text, expected: kind)
    }
    return value
  }

  /// Fails when words are left over.
  func finish() throws {
    if let first = words.first { throw UsageError.unexpectedArgument(first) }
  }

  /// Removes an option holding a comma-separated list, every element parsed by `parse`.
  ///
  /// - Throws: ``UsageError/invalidValue(option:value:expected:)`` for an empty list or an
  ///   element `parse` refuses.
  mutating func list<T>(_ name: String, as parse: (Substring) -> T?, expecting kind: String) throws -> [T]? {
    try option(
      name,
      as: { text in
        let values = text.split(separator: ",", omittingEmptySubsequences: false).map(parse)
        return values.isEmpty || values.contains(where: { $0 == nil }) ? nil : values.compactMap { $0 }
      }, expecting: kind)
  }
}

/// Parsers for option values that several commands share.
enum OptionValue {
  /// A positive integer, else `nil`.
  static func positiveInteger(_ text: String) -> Int? { Int(text).flatMap { $0 > 0 ? $0 : nil } }
  /// A positive integer no larger than `maximum`, else `nil`.
  static func positiveInteger(_ text: String, atMost maximum: Int) -> Int? { positiveInteger(text).flatMap { $0 <= maximum ? $0 : nil } }
  /// A positive finite number, else `nil`.
  static func positiveNumber(_ text: String) -> Double? { Double(text).flatMap { $0 > 0 && $0.isFinite ? $0 : nil } }
  /// A number strictly between 0 and 1 (a probability threshold or a fraction of a curve), else `nil`.
  static func openFraction(_ text: String) -> Double? { Double(text).flatMap { $0 > 0 && $0 < 1 ? $0 : nil } }
}
