import Foundation

/// Finds learning-curve files: in a folder laid out like `../shared/data` (`baker/…`,
/// `naap440/…`), in a folder holding the file itself, or at a file path.
///
/// Where it looks, in order: the folder given (`--data`), else `TABNAS_DATA` when set and not
/// empty, else the default folders ``defaultFolders`` (`Data/` of the current directory, where
/// a user keeps downloaded files, then `../shared/data`, the data beside a checkout).
public enum DataFolder {
  /// The environment variable naming the data folder.
  public static let environmentVariable = "TABNAS_DATA"
  /// The folders searched when neither `--data` nor `TABNAS_DATA` names one.
  public static let defaultFolders = ["Data", "../shared/data"]

  /// The folders to search: the one given, else `TABNAS_DATA`, else the defaults.
  public static func folders(given: String?) -> [String] {
    if let given { return [given] }
    if let folder = ProcessInfo.processInfo.environment[environmentVariable], !folder.isEmpty { return [folder] }
    return defaultFolders
  }

  /// The path of a known dataset's file.
  ///
  /// - Parameter folder: A data folder, a folder holding the file, or the file itself; `nil`
  ///   searches `TABNAS_DATA`, then the defaults.
  /// - Throws: ``LearningCurveError/dataNotFound(dataset:searched:)`` naming every place tried.
  public static func locate(_ descriptor: LearningCurveDescriptor, in folder: String?) throws -> String {
    let fileName = LearningCurveDataset.lastComponent(of: descriptor.relativePath)
    var searched: [String] = []
    for folder in folders(given: folder) {
      var isFolder: ObjCBool = false
      if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), !isFolder.boolValue {
        return folder
      }
      let candidates = [folder + "/" + descriptor.relativePath, folder + "/" + fileName]
      if let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) { return found }
      searched += candidates
    }
    throw LearningCurveError.dataNotFound(dataset: descriptor.name, searched: searched)
  }
}
