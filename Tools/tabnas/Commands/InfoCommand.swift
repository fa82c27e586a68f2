import TabularNAS

/// `tabnas info`: what a dataset holds.
struct InfoCommand: Command {
  static let name = "info"
  static let abstract = "Describe a dataset: search space, columns, size and best configuration."
  static let usage = """
    usage: tabnas info [--dataset NAME] [--data PATH] [--synthetic-seed N] [--json]

    Describes a dataset: NAS-HPO-Bench-II (the built-in synthetic table unless --data is
    given) by default, or a learning-curve dataset: its epochs, metric and direction, fields,
    final-value and cost rules, and its best configuration.

    options:
    \(DatasetOptions.usage)
      --help                 show this help
    """

  var dataset: DatasetOptions

  init(parsing arguments: inout Arguments) throws {
    dataset = try DatasetOptions(parsing: &arguments)
  }

  func run(console: Console) throws {
    if dataset.isNASHPOBench2 {
      try describeNASHPOBench2(console: console)
    } else {
      try describeLearningCurves(console: console)
    }
  }

  private func describeNASHPOBench2(console: Console) throws {
    let bench = try dataset.openNASHPOBench2()
    let best = bestValidation(in: bench)
    let columns =
      NASHPOTable.Curve.allCases.map { "\($0.columnPrefix)_0…11" } + NASHPOTable.Total.allCases.map(\.columnName)
      + ["avg_acc (200 epochs)"]
    if dataset.json {
      let info = JSONValue.object([
        .init("dataset", .string(bench.name)),
        .init("synthetic", .bool(bench.source.isSynthetic)),
        .init("keys", .integer(bench.count)),
        .init("cell_codes", .integer(CellCode.count)),
        .init("cell_classes", .integer(bench.table.classCount)),
        .init("learning_rates", .array(NASHPOSearchSpace.learningRates.map(JSONValue.number))),
        .init("batch_sizes", .array(NASHPOSearchSpace.batchSizes.map(JSONValue.integer))),
        .init("seeds", .array(NASHPOSearchSpace.seeds.map(JSONValue.integer))),
        .init("epochs", .array(NASHPOSearchSpace.epochs.map(JSONValue.integer))),
        .init("columns", .array(columns.map(JSONValue.string))),
        .init("store_bytes", .integer(bench.table.runs.byteCount)),
        .init("best_valid_accuracy_12", .number(best.accuracy)),
        .init("best_valid_key_12", best.key.jsonObject),
      ])
      console.print(info.text)
      return
    }
    console.print(bench.name)
    console.print("search space   \(bench.count) keys = \(CellCode.count) cell codes × "
      + "\(NASHPOSearchSpace.learningRates.count) learning rates × \(NASHPOSearchSpace.batchSizes.count) batch sizes")
    console.print("cell classes   \(bench.table.classCount) (equivalent cells share one set of results)")
    console.print("learning rates \(NASHPOSearchSpace.learningRates.map { "\($0)" }.joined(separator: ", "))")
    console.print("batch sizes    \(NASHPOSearchSpace.batchSizes.map(String.init).joined(separator: ", "))")
    console.print("seeds          \(NASHPOSearchSpace.seeds.map(String.init).joined(separator: ", ")) (default \(NASHPOSearchSpace.defaultSeed))")
    console.print("epochs         12 (measured; iepoch 1…12), 200 (surrogate estimate, no measured cost)")
    console.print("columns        \(columns.joined(separator: ", "))")
    console.print("store          \(bench.table.runs.recordCount) runs, \(bench.table.runs.byteCount / 1_048_576) MiB")
    console.print("best 12-epoch valid accuracy (seed \(NASHPOSearchSpace.defaultSeed)): \(best.accuracy) % at \(best.key)")
  }

  private func bestValidation(in bench: NASHPOBench2) -> (key: NASHPOKey, accuracy: Double) {
    var best = (key: NASHPOKey(index: 0), accuracy: -Double.infinity)
    for key in bench.searchSpace {
      // Every key of the space is valid, so the query cannot fail.
      let accuracy = (try? bench.query(key))?.accuracy ?? -.infinity
      if accuracy > best.accuracy { best = (key, accuracy) }
    }
    return best
  }
}
