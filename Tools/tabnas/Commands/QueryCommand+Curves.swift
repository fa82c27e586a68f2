import TabularNAS

extension QueryCommand {
  /// One learning-curve query: the metric (or another curve) after some epochs, and its cost.
  func queryLearningCurves(console: Console) throws {
    let data = try dataset.openLearningCurves()
    let key = try configID.map { try data.key(id: $0) } ?? data.key(at: configIndex ?? 0)
    let epoch = epoch ?? data.epochs.upperBound
    let result = try data.query(key, epoch: epoch)
    var value = result.value
    if let curve {
      guard data.epochs.contains(epoch) else { throw LearningCurveError.epochOutOfRange(epoch, allowed: data.epochs) }
      value = try data.curve(of: key, named: curve)[epoch - data.epochs.lowerBound]
    }
    let finalValue = try data.finalValue(of: key)
    let fields = try data.fieldValues(for: key)
    if dataset.json {
      let fieldMembers = fields.map { field, value -> JSONValue.Member in
        switch value {
        case .number(let number): .init(field.name, .number(number))
        case .text(let text): .init(field.name, .string(text))
        }
      }
      console.print(
        JSONValue.object(
          key.jsonObject.members + [
            .init("epoch", .integer(epoch)), .init("curve", .string(curve ?? data.descriptor.curve)),
            .init("value", .number(value)), .init("cost", result.cost.json), .init("cost_unit", .string(data.costUnit)),
            .init("metric", .string(data.metricName)), .init("direction", .string(data.direction.rawValue)),
            .init("final_value", .number(finalValue)), .init("fields", .object(fieldMembers)),
            .init("dataset", .string(data.label)),
          ]
        ).text)
      return
    }
    let curveName = curve ?? data.descriptor.curve
    console.print("value    \(value) (\(curve == nil ? data.metricName : curveName) after \(epoch) epoch\(epoch == 1 ? "" : "s"))")
    console.print("cost     \(result.cost ?? 0) (\(data.costUnit))")
    console.print("config   \(key), epochs \(data.epochs.lowerBound)…\(data.epochs.upperBound)")
    console.print("final    \(finalValue) (\(data.descriptor.finalValue), \(data.direction == .higherIsBetter ? "higher" : "lower") is better)")
    console.print("fields   " + fields.map { "\($0.field.name)=\($0.value)" }.joined(separator: ", "))
    console.print("dataset  \(data.label)")
  }
}
