import Foundation

extension NASHPOBench2 {
  /// The original files' names, as published.
  public static let originalFileNames = ["bench12.pkl", "cellinfo.pkl", "avgaccs200.pkl"]

  /// Opens NAS-HPO-Bench-II from a folder holding the original pickles, or from a native file
  /// written by ``writeNativeFile(to:)``.
  ///
  /// The pickles are decoded safely (see ``PickleDecoder``) straight into the columnar store;
  /// a native file is mapped and checksummed, its values read in place.
  ///
  /// - Parameters:
  ///   - cache: Where a pickle folder's native form is cached (see ``NativeFileCache``):
  ///     the first open writes it, later opens map it; `nil` reads the pickles every time.
  ///   - report: Told what the cache did, when a pickle folder was opened through it.
  /// - Throws: ``DatasetFileError`` naming the file and what is wrong with it.
  public init(contentsOf path: String, cache: NativeFileCache? = nil, report: (CacheOutcome) -> Void = { _ in }) throws {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw DatasetFileError.missing(path: path)
    }
    if isDirectory.boolValue {
      let source = DatasetSource.files(path: path)
      let loader = NASHPOPickleLoader(folder: path)
      guard let cache else {
        self.init(table: try loader.load(), source: source)
        return
      }
      let (table, outcome) = try cache.open(
        kind: "nashpobench2", sourceFolder: path, sourceFiles: Self.originalFileNames,
        decode: { file in
          let (table, header, label) = try NASHPOTable.openNative(file)
          return (table, header.isSynthetic ? "" : label)
        },
        build: loader.load,
        encode: { table, label in table.nativeFileBytes(source: source, label: label) })
      outcome.map(report)
      self.init(table: table, source: source)
      return
    }
    let (table, header, label) = try NASHPOTable.openNative(try MappedFile(path: path))
    self.init(
      table: table,
      source: header.isSynthetic ? .synthetic(seed: header.syntheticSeed) : .nativeFile(path: path, origin: label))
  }

  /// Writes the benchmark to a native file; an existing file is never overwritten.
  ///
  /// - Throws: ``ExportError`` when the file exists or cannot be written.
  public func writeNativeFile(to path: String) throws {
    try writeNewFile(table.nativeFileBytes(source: source), to: path)
  }
}
