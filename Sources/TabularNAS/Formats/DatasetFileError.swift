/// A dataset file that cannot be used; each case names the file and what is wrong or allowed.
public enum DatasetFileError: Error, Equatable, Sendable {
  /// Nothing exists at the path.
  case missing(path: String)
  /// The file exists but cannot be opened or read.
  case unreadable(path: String, reason: String)
  /// The pickle itself is malformed or unsafe.
  case pickle(path: String, PickleError)
  /// The decoded content does not have the expected structure.
  case schema(path: String, reason: String)
  /// A required column is absent.
  case missingColumn(path: String, column: String)
  /// A column lacks entries that the search space requires.
  case incomplete(path: String, column: String, missing: Int, example: String)
  /// A key or value lies outside the allowed set.
  case unknownValue(path: String, field: String, value: String, allowed: String)
  /// The file is not in TabularNAS's native format.
  case notNativeFormat(path: String)
  /// The native file was written by an unsupported format version.
  case unsupportedVersion(path: String, found: Int, supported: ClosedRange<Int>)
  /// The native file is shorter than its header says.
  case truncated(path: String, expectedBytes: Int, actualBytes: Int)
  /// The native file's content does not match its checksum.
  case checksumMismatch(path: String, stored: UInt64, computed: UInt64)
}

extension DatasetFileError: CustomStringConvertible {
  /// A one-line explanation; a path of thousands of characters is shortened to its ends.
  public var description: String {
    let text = fullDescription
    return text.count <= 2_000 ? text : "\(text.prefix(900))…\(text.suffix(900)) (\(text.count) characters)"
  }

  private var fullDescription: String {
    switch self {
    case .missing(let path): "no file or folder at \(path)"
    case .unreadable(let path, let reason): "cannot read \(path): \(reason)"
    case .pickle(let path, let error): "\(path): \(error)"
    case .schema(let path, let reason): "\(path) does not have the expected schema: \(reason)"
    case .missingColumn(let path, let column): "\(path) has no column '\(column)'"
    case .incomplete(let path, let column, let missing, let example):
      "\(path): column '\(column)' lacks \(missing) entr\(missing == 1 ? "y" : "ies"), e.g. \(example)"
    case .unknownValue(let path, let field, let value, let allowed):
      "\(path): unknown \(field) \(value); allowed: \(allowed)"
    case .notNativeFormat(let path): "\(path) is not a TabularNAS native file (wrong magic bytes)"
    case .unsupportedVersion(let path, let found, let supported):
      "\(path) has native format version \(found); this build reads versions \(supported.lowerBound)–\(supported.upperBound): convert it again"
    case .truncated(let path, let expected, let actual):
      "\(path) is truncated: \(expected) bytes expected, \(actual) present"
    case .checksumMismatch(let path, let stored, let computed):
      "\(path) is corrupted: checksum \(String(stored, radix: 16)) stored, \(String(computed, radix: 16)) computed"
    }
  }
}
