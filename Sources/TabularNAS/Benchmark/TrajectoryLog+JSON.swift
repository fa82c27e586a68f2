extension TrajectoryLog {
  /// The log so far as JSON, for clients that read it while a run goes on: the trajectories with
  /// the reference's names, the total cost, and the best entry (`null` before it) with its value,
  /// cost and key.
  public var json: JSONValue {
    let best = self.best.map { entry in
      JSONValue.object([.init("value", .number(entry.value)), .init("cost", .number(entry.cost)), .init("key", entry.key.jsonObject)])
    }
    return .object([
      .init("acc_trans", .array(values.map(JSONValue.number))), .init("key_trans", .array(keys.map(\.jsonObject))),
      .init("best_acc_trans", .array(bestValues.map { $0.map(JSONValue.number) ?? .null })),
      .init("best_key_trans", .array(bestKeys.map { $0?.jsonObject ?? .null })),
      .init("total_cost_trans", .array(totalCosts.map(JSONValue.number))), .init("total_cost", .number(totalCost)),
      .init("best", best ?? .null),
    ])
  }
}
