/// A key read from a results file without knowing its dataset: its fields by name, exactly as
/// written. Results of any dataset read into it (to plot or compare them) and write back the
/// same JSON and pickle; it never appears in a run's log.
public struct ExportedKey: TrajectoryKey {
  /// The fields, in file order.
  public let fields: [JSONValue.Member]

  /// No fixed names: each key carries its own.
  public static var exportFieldNames: [String] { [] }
  /// The field values, in file order.
  public var exportFieldValues: [JSONValue] { fields.map(\.value) }
  /// The fields as written.
  public var jsonObject: JSONValue { .object(fields) }

  /// Wraps the members of a key object.
  ///
  /// - Throws: ``TrajectoryFileError/malformed(field:reason:)`` for anything but an object.
  public init(jsonObject: JSONValue) throws {
    guard case .object(let members) = jsonObject else {
      throw TrajectoryFileError.malformed(field: "key", reason: "not an object")
    }
    fields = members
  }

  /// Equal fields in equal order.
  public static func == (lhs: ExportedKey, rhs: ExportedKey) -> Bool { lhs.fields == rhs.fields }

  /// Hashes the fields.
  public func hash(into hasher: inout Hasher) {
    for field in fields {
      hasher.combine(field.key)
      hasher.combine(field.value.text)
    }
  }
}
