import Foundation

/// Finds learning-curve files: in a folder laid out like `../shared/data` (`baker/…`,
/// `naap440/…`), in a folder holding the file itself, or at a file path.
public enum DataFolder {
  /// The environment variable naming the data folder.
  public static let environmentVariable = "TABNAS_DATA"

  /// The folder to search: the one given, else `TABNAS_DATA`, else none.
  public static func folder(given: String?) -> String? {
    given ?? ProcessInfo.processInfo.environment[environmentVariable]
  }

  /// The path of a known dataset's file.
  ///
  /// - Parameter folder: A data folder, a folder holding the file, or the file itself; `nil`
  ///   reads `TABNAS_DATA`.
  /// - Throws: ``LearningCurveError/dataNotFound(dataset:searched:)`` naming what was searched.
  public static func locate(_ descriptor: LearningCurveDescriptor, in folder: String?) throws -> String {
    guard let folder = Self.folder(given: folder) else {
      throw LearningCurveError.dataNotFound(dataset: descriptor.name, searched: ["no folder: \(environmentVariable) is not set"])
    }
    let fileName = LearningCurveDataset.lastComponent(of: descriptor.relativePath)
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), !isFolder.boolValue {
      return folder
    }
    let candidates = [folder + "/" + descriptor.relativePath, folder + "/" + fileName]
    if let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) { return found }
    throw LearningCurveError.dataNotFound(dataset: descriptor.name, searched: candidates)
  }
}
