/// A whole file's bytes, copied out of a temporary map.
///
/// - Throws: ``DatasetFileError/missing(path:)`` or ``DatasetFileError/unreadable(path:reason:)``.
func readBytes(of path: String) throws -> [UInt8] {
  let file = try MappedFile(path: path)
  // The map must outlive the copy: it is unmapped when `file` goes away.
  return withExtendedLifetime(file) { Array(file.bytes) }
}
