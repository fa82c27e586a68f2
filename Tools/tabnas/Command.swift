/// A `tabnas` subcommand: parsed from its arguments, then run.
protocol Command: Sendable {
  /// The word that selects the command.
  static var name: String { get }
  /// One line for the command list.
  static var abstract: String { get }
  /// The full usage text, printed by `--help` and on usage errors.
  static var usage: String { get }

  /// Parses the command's options.
  ///
  /// - Throws: ``UsageError`` for a malformed command line.
  init(parsing arguments: inout Arguments) throws

  /// Does the work, writing results to the console.
  func run(console: Console) throws
}
