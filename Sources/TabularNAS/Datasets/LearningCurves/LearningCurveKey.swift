/// A configuration of a learning-curve dataset: its row position and its id.
///
/// The id is the file's id column where it has one (NAAP-440's `ModelId`) and otherwise the
/// row position, counted from 0 in file order.
public struct LearningCurveKey: Hashable, Sendable, CustomStringConvertible {
  private let storedIndex: Int32
  private let storedID: Int32

  init(index: Int, id: Int) {
    storedIndex = Int32(truncatingIfNeeded: index)
    storedID = Int32(truncatingIfNeeded: id)
  }

  /// The row position, counted from 0.
  public var index: Int { Int(storedIndex) }
  /// The configuration's id.
  public var id: Int { Int(storedID) }

  /// `config 12 (id 13)`, or `config 12` where the id is the position.
  public var description: String { id == index ? "config \(index)" : "config \(index) (id \(id))" }
}

extension LearningCurveKey: TrajectoryKey {
  /// `config` (the row position) and `id`.
  public static let exportFieldNames = ["config", "id"]

  /// The row position and the id.
  public var exportFieldValues: [JSONValue] { [.integer(index), .integer(id)] }
}

extension LearningCurveKey {
  /// Reads `{"config": …, "id": …}` back (checked against a dataset when queried).
  ///
  /// - Throws: ``TrajectoryFileError/malformed(field:reason:)`` for missing or non-integer
  ///   fields.
  public init(jsonObject: JSONValue) throws {
    let values = try Self.fieldValues(of: jsonObject)
    guard let index = values[0].integer, let id = values[1].integer, Int32(exactly: index) != nil, Int32(exactly: id) != nil
    else { throw TrajectoryFileError.malformed(field: "key", reason: "\(jsonObject.text) is no learning-curve key") }
    self.init(index: index, id: id)
  }
}
