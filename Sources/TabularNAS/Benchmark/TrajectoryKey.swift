/// A configuration key that a trajectory log can export field by field and read back.
public protocol TrajectoryKey: Hashable, Sendable {
  /// The field names, in export order (e.g. `cellcode`, `lr`, `batch_size`).
  static var exportFieldNames: [String] { get }
  /// The field values, in the order of ``exportFieldNames``.
  var exportFieldValues: [JSONValue] { get }
  /// The key as a JSON object, like the reference API's key dicts.
  var jsonObject: JSONValue { get }

  /// Reads a key back from the JSON object ``jsonObject`` wrote.
  ///
  /// - Throws: ``TrajectoryFileError/malformed(field:reason:)`` for an object no key writes.
  init(jsonObject: JSONValue) throws
}

extension TrajectoryKey {
  /// The exported fields by name.
  public var jsonObject: JSONValue {
    .object(zip(Self.exportFieldNames, exportFieldValues).map { JSONValue.Member($0, $1) })
  }

  /// The values of a key object's fields, in the order of ``exportFieldNames``.
  ///
  /// - Throws: ``TrajectoryFileError/malformed(field:reason:)`` when a field is missing.
  static func fieldValues(of object: JSONValue) throws -> [JSONValue] {
    try exportFieldNames.map { name in
      guard let value = object[name] else { throw TrajectoryFileError.malformed(field: "key", reason: "\(object.text) lacks '\(name)'") }
      return value
    }
  }
}
