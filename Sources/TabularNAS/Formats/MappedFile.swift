@preconcurrency import Glibc

/// A read-only memory map of a whole file, unmapped when the last reference goes away.
///
/// Stores that read a native file keep its map alive and read values in place, so opening
/// costs a map and a checksum pass instead of a copy. As with any map, a file another process
/// truncates meanwhile raises `SIGBUS` when a lost page is read; writers replace files by rename.
final class MappedFile: @unchecked Sendable {
  /// The file's bytes.
  let bytes: UnsafeRawBufferPointer
  /// The path the file was opened from.
  let path: String

  /// Maps a file.
  ///
  /// - Throws: ``DatasetFileError/missing(path:)`` or ``DatasetFileError/unreadable(path:reason:)``.
  init(path: String) throws {
    self.path = path
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else {
      let code = errno
      if code == ENOENT { throw DatasetFileError.missing(path: path) }
      throw DatasetFileError.unreadable(path: path, reason: String(cString: strerror(code)))
    }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else {
      throw DatasetFileError.unreadable(path: path, reason: String(cString: strerror(errno)))
    }
    guard status.st_mode & S_IFMT == S_IFREG else {
      throw DatasetFileError.unreadable(path: path, reason: "not a regular file")
    }
    let size = Int(status.st_size)
    guard size > 0 else {
      bytes = UnsafeRawBufferPointer(start: nil, count: 0)
      return
    }
    let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0)
    guard let address, address != MAP_FAILED else {
      throw DatasetFileError.unreadable(path: path, reason: String(cString: strerror(errno)))
    }
    bytes = UnsafeRawBufferPointer(start: address, count: size)
  }

  /// Calls `body` with consecutive chunks of the mapped bytes in `range`, giving each chunk's
  /// pages back to the kernel after it (``discardPages(from:before:)``): the pass reads the
  /// file's pages in place, without a copy, and leaves none of them resident.
  /// Chunks have `chunkSize` bytes except the last; a chunk fits in the cache.
  func forEachChunk(in range: Range<Int>, chunkSize: Int = 1 << 20, _ body: (UnsafeRawBufferPointer) -> Void) {
    precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count, "chunks must lie inside the file")
    var offset = range.lowerBound
    while offset < range.upperBound {
      let end = min(offset + chunkSize, range.upperBound)
      body(UnsafeRawBufferPointer(rebasing: bytes[offset..<end]))
      discardPages(from: offset, before: end)
      offset = end
    }
  }

  /// Gives back the pages of `start..<offset` to the kernel: they stop counting as this
  /// process's resident memory, and would be read from the file again if touched (the map is
  /// read-only). For a reader that has consumed them (and discarded those before `start`
  /// already); the bytes themselves never change.
  func discardPages(from start: Int = 0, before offset: Int) {
    let page = Int(sysconf(Int32(_SC_PAGESIZE)))
    let first = max(0, start) / page * page, end = min(offset, bytes.count) / page * page
    guard end > first, let base = bytes.baseAddress else { return }
    _ = madvise(UnsafeMutableRawPointer(mutating: base + first), end - first, MADV_DONTNEED)
  }

  /// For a reader at `offset` that streams forward: once it has read 1 MiB past `discarded`,
  /// gives back the pages up to 256 KiB behind it (a margin for its rewinds) and advances
  /// `discarded`. So resident memory holds at most about 1.3 MiB of the file.
  @inline(__always)
  func discardPages(behind offset: Int, discarded: inout Int) {
    guard offset - discarded > 1 << 20 else { return }
    let start = discarded
    discarded = offset - (1 << 18)
    discardPages(from: start, before: discarded)
  }

  deinit {
    if let base = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), bytes.count) }
  }
}
