extension TrajectoryResults {
  /// Reads results written as ``json``.
  ///
  /// - Throws: ``TrajectoryFileError`` naming the missing or malformed field.
  public init(json: JSONValue) throws {
    func list(_ name: String) throws -> [JSONValue] {
      guard let value = json[name] else { throw TrajectoryFileError.missingField(name) }
      guard case .array(let items) = value else { throw TrajectoryFileError.malformed(field: name, reason: "not a list") }
      return items
    }
    func number(_ item: JSONValue, in name: String) throws -> Double {
      guard let value = item.number else { throw TrajectoryFileError.malformed(field: name, reason: "\(item.text) is not a number") }
      return value
    }
    func key(_ item: JSONValue) throws -> Key { try Key(jsonObject: item) }
    let values = try list("acc_trans").map { try number($0, in: "acc_trans") }
    let lists = try ["key_trans", "best_acc_trans", "best_key_trans", "total_cost_trans"].map { name in
      let items = try list(name)
      guard items.count == values.count else {
        throw TrajectoryFileError.lengthMismatch(field: name, count: items.count, expected: values.count)
      }
      return items
    }
    self.init(
      values: values, keys: try lists[0].map(key),
      bestValues: try lists[1].map { $0 == .null ? nil : try number($0, in: "best_acc_trans") },
      bestKeys: try lists[2].map { $0 == .null ? nil : try key($0) },
      totalCosts: try lists[3].map { try number($0, in: "total_cost_trans") },
      finalValues: try list("final_accs").map { try number($0, in: "final_accs") },
      finalEpochs: try (json["final_epochs"] == nil ? [] : list("final_epochs")).map {
        guard let epoch = $0.integer else { throw TrajectoryFileError.malformed(field: "final_epochs", reason: "not an integer") }
        return epoch
      },
      dataset: json["dataset"].flatMap { if case .string(let text) = $0 { text } else { nil } } ?? "")
  }

  /// Reads results written as ``pickleBytes`` (or by the reference baselines' `pickle.dump`
  /// of `get_results`); the pickle has no `final_epochs` or `dataset`, so those read empty.
  ///
  /// - Throws: ``PickleError`` for bytes that are no safe pickle, ``TrajectoryFileError`` for a
  ///   pickle that is not a results dict.
  public init(pickleBytes: [UInt8]) throws {
    try self.init(json: try PickleDecoder().decode(pickleBytes).jsonValue)
  }
}

extension PickleValue {
  /// The JSON equivalent of a decoded pickle (tuples become lists, non-string dict keys text).
  var jsonValue: JSONValue {
    switch self {
    case .none: .null
    case .bool(let value): .bool(value)
    case .int(let value): .integer(value)
    case .float(let value): .number(value)
    case .string(let value): .string(value)
    case .bytes(let value): .array(value.map { .integer(Int($0)) })
    case .tuple(let items), .list(let items): .array(items.map(\.jsonValue))
    case .dict(let entries):
      .object(entries.map { entry in
        let key = if case .string(let text) = entry.key { text } else { "\(entry.key)" }
        return JSONValue.Member(key, entry.value.jsonValue)
      })
    }
  }
}
