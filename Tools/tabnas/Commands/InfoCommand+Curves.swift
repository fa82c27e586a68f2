import TabularNAS

extension InfoCommand {
  /// Describes a learning-curve dataset.
  func describeLearningCurves(console: Console) throws {
    let data = try dataset.openLearningCurves()
    let descriptor = data.descriptor
    let keys = data.keys
    let finals = try keys.map { try data.finalValue(of: $0) }
    let best = finals.indices.reduce(0) { data.direction.isImprovement(finals[$1], over: finals[$0]) ? $1 : $0 }
    let testRows = try keys.filter { try data.isTest($0) == true }.count
    let hasSplit = data.fields.contains { $0.role == .split }
    let untrained = data.epochs.lowerBound == 0
    if dataset.json {
      console.print(
        JSONValue.object([
          .init("dataset", .string(descriptor.name)), .init("title", .string(descriptor.title)),
          .init("path", .string(data.path)), .init("configurations", .integer(data.count)),
          .init("epochs", .array([.integer(data.epochs.lowerBound), .integer(data.epochs.upperBound)])),
          .init("starts_untrained", .bool(untrained)), .init("metric", .string(descriptor.metric)),
          .init("curve", .string(descriptor.curve)), .init("direction", .string(data.direction.rawValue)),
          .init("curves", .array(data.curveNames.map(JSONValue.string))),
          .init("final_value", .string(descriptor.finalValue.description)), .init("cost", .string(data.costUnit)),
          .init("cost_alternatives", .array(descriptor.costColumns.map { .string($0 + "*epochs") })),
          .init(
            "fields",
            .array(
              data.fields.map {
                .object([.init("name", .string($0.name)), .init("kind", .string($0.kind.rawValue)), .init("role", .string($0.role.rawValue))])
              })),
          .init("features", .array(data.featureNames.map(JSONValue.string))),
          .init("test_rows", hasSplit ? .integer(testRows) : .null),
          .init("store_bytes", .integer(data.byteCount)),
          .init("best_final_value", .number(finals[best])), .init("best_key", keys[best].jsonObject),
        ]
        ).text)
      return
    }
    let ids = keys.map(\.id)
    let idText = descriptor.idColumn.map { "ids \(ids.min() ?? 0)…\(ids.max() ?? 0) from \($0)" } ?? "ids = row positions 0…\(data.count - 1)"
    console.print(descriptor.title)
    console.print("dataset        \(data.label)")
    console.print("configurations \(data.count) (\(idText))")
    console.print(
      "epochs         \(data.epochs.lowerBound)…\(data.epochs.upperBound)"
        + (untrained ? " (epoch 0 is the untrained network)" : " (from the end of the first epoch)"))
    console.print("metric         \(descriptor.metric), \(data.direction == .higherIsBetter ? "higher" : "lower") is better (curve '\(descriptor.curve)')")
    console.print("curves         \(data.curveNames.joined(separator: ", "))")
    console.print("final value    \(descriptor.finalValue)")
    let alternatives = descriptor.costColumns.map { $0 + "*epochs" }
    console.print("cost           \(data.costUnit)" + (alternatives.isEmpty ? "" : " (also: \(alternatives.joined(separator: ", ")))"))
    console.print("fields         " + data.fields.map { "\($0.name) (\($0.kind.rawValue)\($0.role == .parameter ? "" : ", " + $0.role.rawValue))" }.joined(separator: ", "))
    console.print("features       \(data.featureNames.count): \(data.featureNames.joined(separator: ", "))")
    if hasSplit { console.print("split          \(testRows) test rows, \(data.count - testRows) training rows") }
    console.print("store          \(data.byteCount / 1024) KiB")
    console.print("best final     \(finals[best]) at \(keys[best])")
  }
}
