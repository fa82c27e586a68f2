/// A configuration key that a trajectory log can export, field by field.
public protocol TrajectoryKey: Hashable, Sendable {
  /// The field names, in export order (e.g. `cellcode`, `lr`, `batch_size`).
  static var exportFieldNames: [String] { get }
  /// The field values, in the order of ``exportFieldNames``.
  var exportFieldValues: [JSONValue] { get }
}

extension TrajectoryKey {
  /// The key as a JSON object, like the reference API's key dicts.
  public var jsonObject: JSONValue {
    .object(zip(Self.exportFieldNames, exportFieldValues).map { JSONValue.Member($0, $1) })
  }
}

extension NASHPOKey: TrajectoryKey {
  /// `cellcode`, `lr`, `batch_size`, as in the reference API's key dicts.
  public static let exportFieldNames = ["cellcode", "lr", "batch_size"]

  /// The cell code, learning rate and batch size.
  public var exportFieldValues: [JSONValue] {
    [.string(cell.description), .number(learningRate), .integer(batchSize)]
  }
}
