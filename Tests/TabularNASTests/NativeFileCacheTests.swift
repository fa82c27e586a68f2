import Foundation
import Testing
@testable import TabularNAS

@Suite("The native-file cache of pickle folders")
struct NativeFileCacheTests {
  /// A small pickle folder and an empty cache folder beside it, removed afterwards.
  private struct Setup {
    let files: SmallNASHPOFiles
    let cache: NativeFileCache
    let scratch: TemporaryFiles

    init(classes: Int = 2) throws {
      files = try SmallNASHPOFiles(classes: classes)
      scratch = try TemporaryFiles()
      cache = NativeFileCache(folder: scratch.folder + "/cache")
    }

    /// Opens the pickles through the cache and returns what the cache did.
    func open(_ cache: NativeFileCache? = nil) throws -> (NASHPOBench2, CacheOutcome?) {
      var outcome: CacheOutcome?
      let bench = try NASHPOBench2(contentsOf: files.folder, cache: cache ?? self.cache) { outcome = $0 }
      return (bench, outcome)
    }

    var entries: [String] {
      ((try? FileManager.default.contentsOfDirectory(atPath: cache.folder)) ?? []).sorted()
    }

    func remove() {
      files.remove()
      scratch.remove()
    }
  }

  /// Whether two benchmarks answer a sample of queries (every split, seed and a few epochs) alike.
  private func sameAnswers(_ first: NASHPOBench2, _ second: NASHPOBench2) throws -> Bool {
    for index in stride(from: 0, to: NASHPOSearchSpace.fullCount, by: 997) {
      let key = NASHPOKey(index: index)
      for mode in QueryMode.allCases {
        for seed in NASHPOSearchSpace.seeds {
          for iepoch in [1, 12] where try first.query(key, mode: mode, iepoch: iepoch, seed: seed) != second.query(key, mode: mode, iepoch: iepoch, seed: seed) {
            return false
          }
        }
      }
      if try first.query(key, epoch: 200) != second.query(key, epoch: 200) { return false }
    }
    return true
  }

  private func entryPath(_ outcome: CacheOutcome?) -> String? {
    switch outcome {
    case .hit(let entry), .created(let entry), .rebuilt(let entry, _): entry
    case .unavailable, nil: nil
    }
  }

  @Test("a first open writes one entry, a second maps it; both answer as the pickles do and keep the folder as source")
  func freshThenHit() throws {
    let setup = try Setup()
    defer { setup.remove() }
    let direct = try NASHPOBench2(contentsOf: setup.files.folder)
    let (first, created) = try setup.open()
    guard case .created(let entry) = created else { Issue.record("expected a created entry, got \(String(describing: created))"); return }
    #expect(setup.entries.count == 1 && entry.hasSuffix(setup.entries[0]) && setup.entries[0].hasPrefix("nashpobench2-"))
    let (second, hit) = try setup.open()
    #expect(hit == .hit(entry: entry))
    #expect(first.source == .files(path: setup.files.folder) && second.source == first.source)
    #expect(try sameAnswers(direct, first))
    #expect(try sameAnswers(direct, second))
    #expect(setup.entries.count == 1)
  }

  @Test("a changed source file is never served stale: the entry is rebuilt from the new file")
  func staleSource() throws {
    let setup = try Setup()
    defer { setup.remove() }
    let (before, _) = try setup.open()
    // Replace cellinfo with one that swaps the two classes' hashes: different answers.
    let path = setup.files.path("cellinfo.pkl")
    let table = NASHPOBench2.synthetic().table
    let swapped = PickleValue.dict([
      .init(.string("hash"), .dict(CellCode.all.map { .init(.string($0.description), .string(table.classHashes[1 - Int(table.cellClasses[$0.index]) % 2])) }))
    ])
    try FileManager.default.removeItem(atPath: path)
    try writeNewFile(PickleEncoder().encode(swapped), to: path)
    let (bench, outcome) = try setup.open()
    guard case .rebuilt(_, let reason) = outcome else { Issue.record("expected a rebuild, got \(String(describing: outcome))"); return }
    #expect(reason.hasPrefix("stale"))
    #expect(try sameAnswers(bench, NASHPOBench2(contentsOf: setup.files.folder)))
    #expect(try !sameAnswers(bench, before))
    // Touching a file (same bytes, new times) is a change too.
    try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 5)], ofItemAtPath: path)
    #expect(try setup.open().1.map { if case .rebuilt = $0 { true } else { false } } == true)
    #expect(try setup.open().1.map { if case .hit = $0 { true } else { false } } == true)
  }

  @Test("corrupt entries (a flipped byte, a truncated file, not a native file) are detected and rebuilt", arguments: ["flip", "truncate", "garbage"])
  func corruptEntry(damage: String) throws {
    let setup = try Setup()
    defer { setup.remove() }
    guard let entry = entryPath(try setup.open().1) else { Issue.record("no entry written"); return }
    var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: entry)))
    switch damage {
    case "flip": bytes[bytes.count - 100] ^= 0x40
    case "truncate": bytes.removeLast(bytes.count / 2)
    default: bytes = Array("not a cache entry".utf8)
    }
    try Data(bytes).write(to: URL(fileURLWithPath: entry))
    let (bench, outcome) = try setup.open()
    guard case .rebuilt(let rebuilt, let reason) = outcome else { Issue.record("expected a rebuild, got \(String(describing: outcome))"); return }
    #expect(rebuilt == entry && reason.hasPrefix("corrupt"))
    #expect(try sameAnswers(bench, NASHPOBench2(contentsOf: setup.files.folder)))
    #expect(try setup.open().1 == .hit(entry: entry))
  }

  @Test("a foreign entry (a valid native file written for other sources) is rebuilt, not served")
  func foreignEntry() throws {
    let setup = try Setup(classes: 2)
    defer { setup.remove() }
    guard let entry = entryPath(try setup.open().1) else { Issue.record("no entry written"); return }
    try FileManager.default.removeItem(atPath: entry)
    try NASHPOBench2.synthetic().writeNativeFile(to: entry)
    let (bench, outcome) = try setup.open()
    guard case .rebuilt(_, let reason) = outcome else { Issue.record("expected a rebuild, got \(String(describing: outcome))"); return }
    #expect(reason.hasPrefix("foreign"))
    #expect(bench.table.classCount == 2)
  }

  @Test("concurrent first opens all succeed with the same answers and leave one entry, no temporary file")
  func concurrentFirstOpens() throws {
    let setup = try Setup()
    defer { setup.remove() }
    let direct = try NASHPOBench2(contentsOf: setup.files.folder)
    let results = OpenResults()
    DispatchQueue.concurrentPerform(iterations: 6) { _ in
      results.append(Result { try setup.open() })
    }
    let opened = try results.all.map { try $0.get() }
    #expect(opened.count == 6)
    for (bench, outcome) in opened {
      #expect(try sameAnswers(direct, bench))
      #expect(entryPath(outcome) != nil)
    }
    #expect(setup.entries.count == 1 && !setup.entries[0].hasPrefix("."))
  }

  @Test("an unwritable cache folder degrades to reading the pickles, with one warning through the registry")
  func unwritableFolder() throws {
    let setup = try Setup()
    defer { setup.remove() }
    // A regular file where the cache folder should be: no user can create the folder.
    let blocker = try setup.scratch.write("blocker", "a file, not a folder")
    let (bench, outcome) = try setup.open(NativeFileCache(folder: blocker + "/cache"))
    guard case .unavailable(let reason) = outcome else { Issue.record("expected unavailable, got \(String(describing: outcome))"); return }
    #expect(reason.contains(blocker))
    #expect(outcome?.warning?.hasPrefix("warning: cache unavailable") == true)
    #expect(try sameAnswers(bench, NASHPOBench2(contentsOf: setup.files.folder)))
    var warnings: [String] = []
    let options = DatasetOpenOptions(dataPath: setup.files.folder, cacheDirectory: blocker + "/cache")
    _ = try DatasetChoice(parsing: "nashpobench2").open(options) { warnings.append($0) }
    #expect(warnings.count == 1)
  }

  @Test("a disabled cache writes nothing; a missing source is the loader's error and writes nothing")
  func disabledAndMissing() throws {
    let setup = try Setup()
    defer { setup.remove() }
    let options = DatasetOpenOptions(dataPath: setup.files.folder, noCache: true)
    _ = try DatasetChoice(parsing: "nashpobench2").open(options, environment: [NativeFileCache.folderVariable: setup.cache.folder])
    _ = try DatasetChoice(parsing: "nashpobench2").open(
      DatasetOpenOptions(dataPath: setup.files.folder),
      environment: [NativeFileCache.folderVariable: setup.cache.folder, NativeFileCache.disableVariable: "1"])
    #expect(setup.entries.isEmpty)
    try FileManager.default.removeItem(atPath: setup.files.path("bench12.pkl"))
    #expect(throws: DatasetFileError.missing(path: setup.files.path("bench12.pkl"))) { try setup.open() }
    #expect(setup.entries.isEmpty)
  }

  @Test("the cache folder: flag, then TABNAS_CACHE_DIR, then $XDG_CACHE_HOME/tabularnas, then ~/.cache/tabularnas")
  func folderChoice() {
    let environment = ["TABNAS_CACHE_DIR": "/c", "XDG_CACHE_HOME": "/x", "HOME": "/h"]
    #expect(NativeFileCache.standard(folder: "/f", environment: environment)?.folder == "/f")
    #expect(NativeFileCache.standard(environment: environment)?.folder == "/c")
    #expect(NativeFileCache.standard(environment: ["XDG_CACHE_HOME": "/x", "HOME": "/h"])?.folder == "/x/tabularnas")
    #expect(NativeFileCache.standard(environment: ["XDG_CACHE_HOME": "relative", "HOME": "/h"])?.folder == "/h/.cache/tabularnas")
    #expect(NativeFileCache.standard(environment: ["HOME": "/h", "TABNAS_NO_CACHE": "0"])?.folder == "/h/.cache/tabularnas")
    #expect(NativeFileCache.standard(environment: ["HOME": "/h", "TABNAS_NO_CACHE": "1"]) == nil)
    #expect(NativeFileCache.standard(disabled: true, environment: environment) == nil)
  }
}

/// Results gathered from concurrent opens.
private final class OpenResults: @unchecked Sendable {
  private let lock = NSLock()
  private var results: [Result<(NASHPOBench2, CacheOutcome?), any Error>] = []

  func append(_ result: Result<(NASHPOBench2, CacheOutcome?), any Error>) { lock.withLock { results.append(result) } }
  var all: [Result<(NASHPOBench2, CacheOutcome?), any Error>] { lock.withLock { results } }
}
