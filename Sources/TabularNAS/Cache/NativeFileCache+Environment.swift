import Foundation

extension NativeFileCache {
  /// The environment variable naming the cache folder.
  public static let folderVariable = "TABNAS_CACHE_DIR"
  /// The environment variable that disables the cache (any value but empty or `0`).
  public static let disableVariable = "TABNAS_NO_CACHE"

  /// The cache a process uses unless told otherwise: `$TABNAS_CACHE_DIR`, else
  /// `$XDG_CACHE_HOME/tabularnas`, else `~/.cache/tabularnas`; `nil` when `TABNAS_NO_CACHE`
  /// disables it.
  ///
  /// - Parameters:
  ///   - folder: A folder given on the command line, which wins over the environment.
  ///   - disabled: Whether the command line disabled the cache.
  public static func standard(
    folder: String? = nil, disabled: Bool = false,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> NativeFileCache? {
    if disabled { return nil }
    if let folder { return NativeFileCache(folder: folder) }
    if let off = environment[disableVariable], !off.isEmpty, off != "0" { return nil }
    if let folder = environment[folderVariable], !folder.isEmpty { return NativeFileCache(folder: folder) }
    // XDG: a relative XDG_CACHE_HOME is invalid and ignored.
    if let base = environment["XDG_CACHE_HOME"], base.hasPrefix("/") {
      return NativeFileCache(folder: (base as NSString).appendingPathComponent("tabularnas"))
    }
    let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    return NativeFileCache(folder: (home as NSString).appendingPathComponent(".cache/tabularnas"))
  }
}
