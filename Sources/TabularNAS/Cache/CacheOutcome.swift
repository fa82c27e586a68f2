/// What opening through a ``NativeFileCache`` did.
public enum CacheOutcome: Equatable, Sendable, CustomStringConvertible {
  /// A valid entry for the current sources was read.
  case hit(entry: String)
  /// No entry existed; the sources were read and an entry written.
  case created(entry: String)
  /// An entry existed but was stale (its sources changed), corrupt or foreign; it was replaced.
  case rebuilt(entry: String, reason: String)
  /// The cache could not be written; the sources were read and nothing was cached.
  case unavailable(reason: String)

  /// One line for logs, e.g. `cache hit: ~/.cache/tabularnas/nashpobench2-….tabnas`.
  public var description: String {
    switch self {
    case .hit(let entry): "cache hit: \(entry)"
    case .created(let entry): "cache entry created: \(entry)"
    case .rebuilt(let entry, let reason): "cache entry rebuilt (\(reason)): \(entry)"
    case .unavailable(let reason): "cache unavailable, the sources were read directly: \(reason)"
    }
  }

  /// The warning a user should see, for ``unavailable(reason:)`` only: the other outcomes are
  /// the cache working as it should.
  public var warning: String? {
    if case .unavailable = self { "warning: \(description)" } else { nil }
  }
}
