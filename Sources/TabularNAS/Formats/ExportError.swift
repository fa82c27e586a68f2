import Foundation

/// A failure to write an export; files that already exist are never replaced.
public enum ExportError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The destination already exists.
  case fileExists(path: String)
  /// The destination could not be created or written.
  case cannotWrite(path: String, reason: String)

  /// A one-line explanation.
  public var description: String {
    switch self {
    case .fileExists(let path): "refusing to overwrite existing file \(path): choose a new path or remove it"
    case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
    }
  }
}
