extension NASHPOKey: TrajectoryKey {
  /// `cellcode`, `lr`, `batch_size`, as in the reference API's key dicts.
  public static let exportFieldNames = ["cellcode", "lr", "batch_size"]

  /// The cell code, learning rate and batch size.
  public var exportFieldValues: [JSONValue] {
    [.string(cell.description), .number(learningRate), .integer(batchSize)]
  }
}

extension NASHPOKey {
  /// Reads `{"cellcode": …, "lr": …, "batch_size": …}` back.
  ///
  /// - Throws: ``TrajectoryFileError/malformed(field:reason:)`` for missing or mistyped
  ///   fields, ``NASHPOBench2Error`` for values outside the search space.
  public init(jsonObject: JSONValue) throws {
    let values = try Self.fieldValues(of: jsonObject)
    guard case .string(let cellcode) = values[0], let lr = values[1].number, let batchSize = values[2].integer else {
      throw TrajectoryFileError.malformed(field: "key", reason: "\(jsonObject.text) is no NAS-HPO-Bench-II key")
    }
    try self.init(cellcode: cellcode, lr: lr, batchSize: batchSize)
  }
}
