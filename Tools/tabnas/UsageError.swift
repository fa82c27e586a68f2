/// A malformed command line; the CLI prints it with the usage and exits 64.
enum UsageError: Error, Equatable, CustomStringConvertible {
  case unknownCommand(String)
  case missingCommand
  case missingOption(String)
  case missingValue(option: String)
  case invalidValue(option: String, value: String, expected: String)
  case unexpectedArgument(String)
  case notApplicable(option: String, dataset: String)
  case notForAlgorithm(option: String, algorithm: String)
  case repeatedOption(String)
  case exclusiveOptions(String, String)
  case missingArgument(String)
  case commandNotForDataset(command: String, dataset: String, reason: String)

  var description: String {
    switch self {
    case .unknownCommand(let name): "unknown command '\(name)'"
    case .missingCommand: "missing command"
    case .missingOption(let name): "missing required option --\(name)"
    case .missingValue(let name): "option --\(name) needs a value"
    case .invalidValue(let name, let value, let expected): "option --\(name) expects \(expected), got '\(Self.abbreviated(value))'"
    case .unexpectedArgument(let word): "unexpected argument '\(Self.abbreviated(word))'"
    case .notApplicable(let option, let dataset): "option --\(option) does not apply to dataset \(dataset)"
    case .notForAlgorithm(let option, let algorithm): "option --\(option) does not apply to algorithm \(algorithm)"
    case .repeatedOption(let name): "option --\(name) is given more than once; give it once"
    case .exclusiveOptions(let first, let second): "options --\(first) and --\(second) exclude each other; give one"
    case .missingArgument(let what): "missing \(what)"
    case .commandNotForDataset(let command, let dataset, let reason): "tabnas \(command) does not apply to dataset \(dataset): \(reason)"
    }
  }

  /// A long value cut to its start, so a 100 KB argument makes a one-line message.
  static func abbreviated(_ text: String) -> String {
    text.count <= 120 ? text : "\(text.prefix(80))… (\(text.count) characters)"
  }
}
