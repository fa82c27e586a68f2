import Foundation

/// Writes data to a path that must not exist yet (created with `O_EXCL`, so never a race).
///
/// - Throws: ``ExportError/fileExists(path:)`` or ``ExportError/cannotWrite(path:reason:)``.
public func writeNewFile(_ bytes: some Collection<UInt8>, to path: String) throws {
  let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
  guard descriptor >= 0 else {
    let code = errno
    if code == EEXIST { throw ExportError.fileExists(path: path) }
    throw ExportError.cannotWrite(path: path, reason: String(cString: strerror(code)))
  }
  defer { close(descriptor) }
  try Array(bytes).withUnsafeBytes { data in
    var remaining = data[...]
    while !remaining.isEmpty {
      let result = write(descriptor, UnsafeRawBufferPointer(rebasing: remaining).baseAddress, remaining.count)
      guard result > 0 else {
        throw ExportError.cannotWrite(path: path, reason: String(cString: strerror(errno)))
      }
      remaining = remaining.dropFirst(result)
    }
  }
}
