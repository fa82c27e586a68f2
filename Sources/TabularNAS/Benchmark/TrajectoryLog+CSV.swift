extension TrajectoryLog {
  /// The log as CSV, one row per query.
  ///
  /// Columns: `query` (1-based), the key fields, `epochs`, `mode` (the split), `seed`, `value`, `cost`,
  /// `total_cost`, `best_value` and the best key's fields prefixed `best_`, then `dataset`
  /// (the label, so a synthetic log can never pass for measured data). Empty fields mean none.
  public func csv(dataset: String) -> String {
    var writer = CSVWriter()
    writer.writeRow(
      ["query"] + Key.exportFieldNames + ["epochs", "mode", "seed", "value", "cost", "total_cost", "best_value"]
        + Key.exportFieldNames.map { "best_" + $0 } + ["dataset"])
    for (position, entry) in entries.enumerated() {
      let best = bestEntry(after: position)
      let bestFields = best?.key.exportFieldValues.map(\.csvField)
        ?? Array(repeating: "", count: Key.exportFieldNames.count)
      writer.writeRow(
        [String(position + 1)] + entry.key.exportFieldValues.map(\.csvField)
          + [
            String(entry.epochs), entry.split.rawValue, entry.seed.map(String.init) ?? "",
            JSONValue.number(entry.value).csvField, JSONValue.number(entry.cost).csvField,
            JSONValue.number(entry.totalCost).csvField, (best?.value).json.csvField,
          ] + bestFields + [dataset])
    }
    return writer.text
  }
}
