@preconcurrency import Glibc

/// A read-only memory map of a whole file, unmapped when the last reference goes away.
///
/// Stores that read a native file keep its map alive and read values in place, so opening
/// costs a map and a checksum pass instead of a copy.
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

  /// Calls `body` with consecutive chunks of the file's bytes in `range`, read with `pread`
  /// into one small buffer: the map itself is not touched, so no page becomes resident.
  /// Chunks have `chunkSize` bytes except the last (a cache-sized buffer keeps this fast).
  func forEachChunk(in range: Range<Int>, chunkSize: Int = 1 << 18, _ body: (UnsafeRawBufferPointer) -> Void) throws {
    let descriptor = Glibc.open(path, O_RDONLY)
    guard descriptor >= 0 else { throw DatasetFileError.unreadable(path: path, reason: String(cString: strerror(errno))) }
    defer { close(descriptor) }
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
    defer { buffer.deallocate() }
    guard let start = buffer.baseAddress else { return }
    var offset = range.lowerBound
    while offset < range.upperBound {
      let wanted = min(chunkSize, range.upperBound - offset)
      var filled = 0
      while filled < wanted {
        let got = pread(descriptor, start + filled, wanted - filled, off_t(offset + filled))
        guard got > 0 else {
          throw DatasetFileError.unreadable(
            path: path, reason: got == 0 ? "the file shrank while being read" : String(cString: strerror(errno)))
        }
        filled += got
      }
      body(UnsafeRawBufferPointer(rebasing: buffer[0..<wanted]))
      offset += wanted
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
