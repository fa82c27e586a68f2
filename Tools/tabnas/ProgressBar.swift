@preconcurrency import Glibc
import Foundation

/// A progress bar on standard error, drawn only when it is a terminal.
final class ProgressBar: Sendable {
  private let total: Int
  private let isTerminal = isatty(STDERR_FILENO) != 0

  init(total: Int) { self.total = total }

  /// Redraws with `finished` runs done.
  @Sendable func update(_ finished: Int) {
    guard isTerminal else { return }
    let width = 30, filled = total > 0 ? finished * width / total : width
    fputs("\r[" + String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled) + "] \(finished)/\(total)", stderr)
  }

  /// Ends the bar's line.
  func finish() {
    if isTerminal { fputs("\n", stderr) }
  }
}
