import Foundation
@preconcurrency import Glibc

/// A folder of native files, each the converted form of one source folder: the first open of
/// the sources writes its entry, later opens map the entry instead of decoding the sources.
///
/// An entry's file name comes from its source folder's real path; its origin label holds the
/// cache version, the dataset kind, the folder and the ``SourceStamp`` of every source file. An
/// entry whose label differs is stale (its sources changed) or foreign and is rebuilt; one that
/// fails its checksum or cannot be read is corrupt and rebuilt. Entries are written to a
/// temporary file and renamed into place, so no reader ever sees a half-written entry, and two
/// processes opening at once both succeed (the last rename wins; both wrote the same table).
public struct NativeFileCache: Equatable, Sendable {
  /// Bumped whenever what the sources decode to changes, so that older entries are rebuilt.
  static let version = 1

  /// The cache folder (created on the first write).
  public let folder: String

  /// A cache in a folder.
  public init(folder: String) { self.folder = folder }

  /// Opens sources through the cache: maps a valid entry, else builds the value from the
  /// sources, writes the entry and maps it.
  ///
  /// - Parameters:
  ///   - kind: The dataset's name, which starts entry names (`nashpobench2-….tabnas`).
  ///   - sourceFolder: The folder holding `sourceFiles`.
  ///   - decode: Reads an entry: the value and the label it was written with.
  ///   - build: Reads the sources; its errors are thrown as they are.
  ///   - encode: A native file of a value, holding a label.
  /// - Returns: The value and what the cache did; `nil` when a source is missing or not a
  ///   regular file, so that `build` reported the problem.
  func open<Value>(
    kind: String, sourceFolder: String, sourceFiles: [String],
    decode: (MappedFile) throws -> (value: Value, label: String),
    build: () throws -> Value,
    encode: (Value, _ label: String) -> [UInt8]
  ) throws -> (value: Value, outcome: CacheOutcome?) {
    guard let realFolder = Self.realPath(sourceFolder) else { return (try build(), nil) }
    let stamps = sourceFiles.map { SourceStamp(path: (realFolder as NSString).appendingPathComponent($0)) }
    guard stamps.allSatisfy({ $0 != nil }) else { return (try build(), nil) }
    let origin = "TabularNAS cache v\(Self.version) of \(kind) at \(realFolder)"
    let label = origin + ": " + zip(sourceFiles, stamps).map { "\($0) \($1!)" }.joined(separator: "; ")
    let entry = (folder as NSString).appendingPathComponent("\(kind)-\(Self.hexDigest(of: origin)).tabnas")

    var rebuildReason: String?
    if FileManager.default.fileExists(atPath: entry) {
      do {
        let (value, found) = try decode(try MappedFile(path: entry))
        if found == label { return (value, .hit(entry: entry)) }
        rebuildReason = found.hasPrefix(origin + ": ") ? "stale: its sources changed" : "foreign: not written for these sources"
      } catch {
        rebuildReason = "corrupt: \(error)"
      }
    }
    let built = try build()
    do {
      try writeAtomically(encode(built, label), to: entry)
    } catch {
      return (built, .unavailable(reason: "\(error)"))
    }
    let outcome = rebuildReason.map { CacheOutcome.rebuilt(entry: entry, reason: $0) } ?? .created(entry: entry)
    // Serve the mapped entry, so that the decoded copy is freed and memory is what a hit uses.
    if let (value, found) = try? decode(try MappedFile(path: entry)), found == label { return (value, outcome) }
    return (built, outcome)
  }

  /// Writes bytes to a temporary file beside `path` and renames it over `path`.
  private func writeAtomically(_ bytes: [UInt8], to path: String) throws {
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw ExportError.cannotWrite(path: folder, reason: (error as NSError).localizedDescription)
    }
    let temporary = (folder as NSString).appendingPathComponent(
      ".\((path as NSString).lastPathComponent).\(getpid()).\(UInt64.random(in: 0...UInt64.max)).tmp")
    try writeNewFile(bytes, to: temporary)
    guard rename(temporary, path) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw ExportError.cannotWrite(path: path, reason: reason)
    }
  }

  /// The canonical absolute path of an existing file or folder (symbolic links resolved).
  private static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// 16 hex digits of a text's FNV-1a hash, for file names.
  private static func hexDigest(of text: String) -> String {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
    let digits = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}
