extension TrajectoryKey {
  /// The key as a Python dict, like the reference API's key dicts.
  var pickleDict: PickleValue {
    PickleValue(jsonObject)
  }
}

extension PickleValue {
  /// The Python equivalent of a JSON value.
  init(_ json: JSONValue) {
    switch json {
    case .null: self = .none
    case .bool(let value): self = .bool(value)
    case .integer(let value): self = .int(value)
    case .number(let value): self = .float(value)
    case .string(let value): self = .string(value)
    case .array(let values): self = .list(values.map(PickleValue.init))
    case .object(let members): self = .dict(members.map { Entry(.string($0.key), PickleValue($0.value)) })
    }
  }
}

extension TrajectoryResults {
  /// The dict the reference baselines save as `seed{i}.pkl`: exactly the six `get_results` keys.
  public var pickleValue: PickleValue {
    .dict([
      .init(.string("acc_trans"), .list(values.map(PickleValue.float))),
      .init(.string("key_trans"), .list(keys.map(\.pickleDict))),
      .init(.string("best_acc_trans"), .list(bestValues.map { $0.map(PickleValue.float) ?? .none })),
      .init(.string("best_key_trans"), .list(bestKeys.map { $0?.pickleDict ?? .none })),
      .init(.string("total_cost_trans"), .list(totalCosts.map(PickleValue.float))),
      .init(.string("final_accs"), .list(finalValues.map(PickleValue.float))),
    ])
  }

  /// The results as pickle bytes that `pickle.load` turns into the reference's dict.
  public var pickleBytes: [UInt8] { PickleEncoder().encode(pickleValue) }
}
