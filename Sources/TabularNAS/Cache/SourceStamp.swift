@preconcurrency import Glibc

/// What identifies one version of a source file without reading it: its device, inode, size,
/// and modification and status-change times to the nanosecond.
///
/// Any write to a file, or a file replaced by another, changes its status-change time, which
/// the kernel sets and no user call can set back; so a changed source never matches an old stamp.
struct SourceStamp: Equatable, Sendable, CustomStringConvertible {
  let device: UInt64
  let inode: UInt64
  let size: Int64
  let modified: (seconds: Int, nanoseconds: Int)
  let statusChanged: (seconds: Int, nanoseconds: Int)

  /// Stats a regular file; `nil` when it is missing or not a regular file (the loader then
  /// reports that with its own error).
  init?(path: String) {
    var status = stat()
    guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
    device = UInt64(status.st_dev)
    inode = UInt64(status.st_ino)
    size = Int64(status.st_size)
    modified = (status.st_mtim.tv_sec, status.st_mtim.tv_nsec)
    statusChanged = (status.st_ctim.tv_sec, status.st_ctim.tv_nsec)
  }

  static func == (lhs: SourceStamp, rhs: SourceStamp) -> Bool { lhs.description == rhs.description }

  /// `size S, modified T.N, changed T.N, inode I on device D`.
  var description: String {
    "size \(size), modified \(modified.seconds).\(modified.nanoseconds), "
      + "changed \(statusChanged.seconds).\(statusChanged.nanoseconds), inode \(inode) on device \(device)"
  }
}
