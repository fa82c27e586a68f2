import TabularNAS

extension FinalValueReport {
  /// The report as an aligned text table: one row per feature set, one column per model.
  var table: String {
    let models = experiment.models
    let sets = experiment.featureSets
    var lines = [
      "\(dataset): R² × 100 (mean ± standard error over \(experiment.repeats) repeats), first \(observedValues) of "
        + "\(epochs.count) curve values, \(experiment.trainingSize) training configurations",
      "features".padding(toLength: 12, withPad: " ", startingAt: 0)
        + models.map { $0.rawValue.leftPadded(to: 20) }.joined(),
    ]
    for groups in sets {
      let cells = models.map { model -> String in
        guard let row = rows.first(where: { $0.features == groups && $0.model == model }) else { return "" }
        let (mean, error) = row.summary
        return "\(mean.formatted(2)) ± \(error.formatted(2))".leftPadded(to: 20)
      }
      lines.append(groups.description.padding(toLength: 12, withPad: " ", startingAt: 0) + cells.joined())
    }
    return lines.joined(separator: "\n")
  }

  /// The report as JSON.
  var json: JSONValue {
    .object([
      .init("dataset", .string(dataset)), .init("observed_values", .integer(observedValues)),
      .init("training_size", .integer(experiment.trainingSize)), .init("repeats", .integer(experiment.repeats)),
      .init(
        "rows",
        .array(
          rows.map { row in
            let (mean, error) = row.summary
            return .object([
              .init("features", .string(row.features.description)), .init("model", .string(row.model.rawValue)),
              .init("r2_x100_mean", .number(mean)), .init("r2_x100_standard_error", .number(error)),
              .init("r2", .array(row.rSquared.map(JSONValue.number))),
            ])
          })),
    ])
  }
}

extension String {
  /// The string right-aligned in a field of `width` characters.
  func leftPadded(to width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}

extension Double {
  /// The number with a fixed count of decimals.
  func formatted(_ decimals: Int) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let rounded = (self * scale).rounded() / scale
    var text = "\(rounded)"
    let fraction = text.split(separator: ".").dropFirst().first?.count ?? 0
    if !text.contains(".") { text += "." }
    return text + String(repeating: "0", count: max(0, decimals - fraction))
  }
}
