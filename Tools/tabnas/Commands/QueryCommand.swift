import TabularNAS

/// `tabnas query`: one NAS-HPO-Bench-II query, like `query_by_key`.
struct QueryCommand: Command {
  static let name = "query"
  static let abstract = "Query the accuracy and cost of one configuration."
  static let usage = """
    usage: tabnas query --cellcode CODE --lr LR --batch-size N [--epoch 12|200]
                        [--mode train|valid|test] [--iepoch K] [--seed 222|555|888]
                        [--surrogate-cost unavailable|extrapolated] [--data PATH] [--json]

    Prints the accuracy (percent) and the cost (seconds) of one configuration, with the
    semantics of nashpobench2api's query_by_key.

    options:
      --cellcode CODE        cell code A|BC|DEF, operations 0 conv, 1 pool, 2 skip, 3 zero
      --lr LR                learning rate: \(NASHPOSearchSpace.learningRates.map { "\($0)" }.joined(separator: ", "))
      --batch-size N         batch size: \(NASHPOSearchSpace.batchSizes.map(String.init).joined(separator: ", "))
      --epoch E              12 (measured, default) or 200 (surrogate)
      --mode M               train, valid (default) or test
      --iepoch K             with epoch 12: read after K epochs (1…12)
      --seed S               training seed: 222 (default), 555 or 888
      --surrogate-cost R     cost of epoch-200 queries: unavailable (default) or extrapolated
    \(DatasetOptions.usage)
      --help                 show this help
    """

  var cellcode: String
  var learningRate: Double
  var batchSize: Int
  var epoch: Int
  var mode: String
  var iepoch: Int?
  var seed: Int
  var surrogateCost: String
  var dataset: DatasetOptions

  init(parsing arguments: inout Arguments) throws {
    cellcode = try arguments.required("cellcode")
    guard let lr = try arguments.option("lr", as: { Double($0) }, expecting: "a number") else {
      throw UsageError.missingOption("lr")
    }
    learningRate = lr
    guard let size = try arguments.option("batch-size", as: { Int($0) }, expecting: "an integer") else {
      throw UsageError.missingOption("batch-size")
    }
    batchSize = size
    epoch = try arguments.option("epoch", as: { Int($0) }, expecting: "an integer") ?? 12
    mode = try arguments.option("mode") ?? QueryMode.valid.rawValue
    iepoch = try arguments.option("iepoch", as: { Int($0) }, expecting: "an integer")
    seed = try arguments.option("seed", as: { Int($0) }, expecting: "an integer") ?? NASHPOSearchSpace.defaultSeed
    surrogateCost = try arguments.option("surrogate-cost") ?? SurrogateCostRule.unavailable.rawValue
    dataset = try DatasetOptions(parsing: &arguments)
  }

  func run(console: Console) throws {
    let mode = try QueryMode(parsing: mode)
    guard let rule = SurrogateCostRule(rawValue: surrogateCost) else {
      throw CommandError.invalidChoice(
        option: "surrogate-cost", value: surrogateCost, allowed: SurrogateCostRule.allCases.map(\.rawValue))
    }
    // Validate the key before opening the data, so typos fail fast.
    let key = try NASHPOKey(cellcode: cellcode, lr: learningRate, batchSize: batchSize)
    let bench = try dataset.openNASHPOBench2()
    let result = try bench.query(key, epoch: epoch, mode: mode, iepoch: iepoch, seed: seed, surrogateCost: rule)
    let readEpoch = epoch == 200 ? 200 : (iepoch ?? epoch)
    if dataset.json {
      console.print(
        JSONValue.object(
          key.jsonObject.members + [
            .init("epoch", .integer(epoch)), .init("iepoch", epoch == 200 ? .null : .integer(readEpoch)),
            .init("mode", .string(mode.rawValue)), .init("seed", .integer(seed)),
            .init("accuracy", .number(result.accuracy)), .init("cost", result.cost.json),
            .init("dataset", .string(bench.name)),
          ]
        ).text)
    } else {
      let cost = result.cost.map { "\($0) s" } ?? "none (pass --surrogate-cost extrapolated)"
      console.print("accuracy \(result.accuracy) %")
      console.print("cost     \(cost)")
      console.print("key      \(key), epoch \(epoch), iepoch \(readEpoch), mode \(mode.rawValue), seed \(seed)")
      console.print("dataset  \(bench.name)")
    }
  }
}
