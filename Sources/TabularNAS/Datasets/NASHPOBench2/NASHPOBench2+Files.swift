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
  /// - Throws: ``DatasetFileError`` naming the file and what is wrong with it.
  public init(contentsOf path: String) throws {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw DatasetFileError.missing(path: path)
    }
    if isDirectory.boolValue {
      let files = Self.originalFileNames.map { (path as NSString).appendingPathComponent($0) }
      self.init(table: try NASHPOPickleLoader(bench12: files[0], cellinfo: files[1], avgaccs200: files[2]).load(),
                source: .files(path: path))
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
