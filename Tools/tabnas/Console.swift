@preconcurrency import Glibc

/// Where a command writes: standard output and standard error, or buffers in tests.
final class Console: Sendable {
  private let writeOutput: @Sendable (String) -> Void
  private let writeError: @Sendable (String) -> Void

  init(output: @escaping @Sendable (String) -> Void, error: @escaping @Sendable (String) -> Void) {
    writeOutput = output
    writeError = error
  }

  /// The process's standard output and standard error.
  static let standard = Console(
    output: { text in fputs(text, stdout) },
    error: { text in fputs(text, stderr) })

  /// Writes a line to standard output.
  func print(_ line: String) { writeOutput(line + "\n") }

  /// Writes a line to standard error.
  func printError(_ line: String) { writeError(line + "\n") }
}
