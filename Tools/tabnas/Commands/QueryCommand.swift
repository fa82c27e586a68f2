import TabularNAS

import TabularNAS

/// `tabnas query`: one query, like `query_by_key` on NAS-HPO-Bench-II or by configuration and
/// epoch on a learning-curve dataset.
struct QueryCommand: Command {
  static let name = "query"
  static let abstract = "Query the metric and cost of one configuration."
  static let usage = """
    usage: tabnas query --cellcode CODE --lr LR --batch-size N [--epoch 12|200]
                        [--mode train|valid|test] [--iepoch K] [--seed 222|555|888]
                        [--surrogate-cost unavailable|extrapolated] [--data PATH] [--json]
           tabnas query --dataset NAME (--config ID | --index N) [--epoch K] [--curve NAME]
                        [--cost RULE] [--data DIR] [--json]

    NAS-HPO-Bench-II: prints the accuracy (percent) and the cost (seconds) of one
    configuration, with the semantics of nashpobench2api's query_by_key.
    Learning curves: prints a configuration's metric after K epochs (default: all), the cost of
    training that long, its final value and its fields.

    NAS-HPO-Bench-II options:
      --cellcode CODE        cell code A|BC|DEF, operations 0 conv, 1 pool, 2 skip, 3 zero
      --lr LR                learning rate: \(NASHPOSearchSpace.learningRates.map { "\($0)" }.joined(separator: ", "))
      --batch-size N         batch size: \(NASHPOSearchSpace.batchSizes.map(String.init).joined(separator: ", "))
      --epoch E              12 (measured, default) or 200 (surrogate)
      --mode M               train, valid (default) or test
      --iepoch K             with epoch 12: read after K epochs (1…12)
      --seed S               training seed: 222 (default), 555 or 888
      --surrogate-cost R     cost of epoch-200 queries: unavailable (default) or extrapolated
    learning-curve options:
      --config ID            the configuration's id (NAAP-440's ModelId; elsewhere its row, from 0)
      --index N              the configuration's row position, from 0
      --epoch K              epochs trained (default: the last epoch)
      --curve NAME           read another curve, e.g. LossMean (default: the metric)
    \(DatasetOptions.usage)
      --help                 show this help
    """

  var cellcode: String?
  var learningRate: Double?
  var batchSize: Int?
  var epoch: Int?
  var mode: String?
  var iepoch: Int?
  var seed: Int?
  var surrogateCost: String?
  var configID: Int?
  var configIndex: Int?
  var curve: String?
  var dataset: DatasetOptions

  init(parsing arguments: inout Arguments) throws {
    cellcode = try arguments.option("cellcode")
    learningRate = try arguments.option("lr", as: { Double($0) }, expecting: "a number")
    batchSize = try arguments.option("batch-size", as: { Int($0) }, expecting: "an integer")
    epoch = try arguments.option("epoch", as: { Int($0) }, expecting: "an integer")
    mode = try arguments.option("mode")
    iepoch = try arguments.option("iepoch", as: { Int($0) }, expecting: "an integer")
    seed = try arguments.option("seed", as: { Int($0) }, expecting: "an integer")
    surrogateCost = try arguments.option("surrogate-cost")
    configID = try arguments.option("config", as: { Int($0) }, expecting: "an integer id")
    configIndex = try arguments.option("index", as: { Int($0) }, expecting: "a row position")
    curve = try arguments.option("curve")
    dataset = try DatasetOptions(parsing: &arguments)
    let nasHPOOptions: [(String, Bool)] = [
      ("cellcode", cellcode != nil), ("lr", learningRate != nil), ("batch-size", batchSize != nil),
      ("mode", mode != nil), ("iepoch", iepoch != nil), ("seed", seed != nil), ("surrogate-cost", surrogateCost != nil),
    ]
    let curveOptions = [("config", configID != nil), ("index", configIndex != nil), ("curve", curve != nil)]
    for (option, given) in dataset.isNASHPOBench2 ? curveOptions : nasHPOOptions where given {
      throw UsageError.notApplicable(option: option, dataset: dataset.datasetName)
    }
    if dataset.isNASHPOBench2 {
      for (option, given) in nasHPOOptions.prefix(3) where !given { throw UsageError.missingOption(option) }
    } else if (configID == nil) == (configIndex == nil) {
      throw configID == nil ? UsageError.missingOption("config") : UsageError.notApplicable(option: "index", dataset: "a query with --config")
    }
  }

  func run(console: Console) throws {
    if dataset.isNASHPOBench2 {
      try queryNASHPOBench2(console: console)
    } else {
      try queryLearningCurves(console: console)
    }
  }

  private func queryNASHPOBench2(console: Console) throws {
    let mode = try QueryMode(parsing: mode ?? QueryMode.valid.rawValue)
    let surrogateCost = surrogateCost ?? SurrogateCostRule.unavailable.rawValue
    let seed = seed ?? NASHPOSearchSpace.defaultSeed
    let epoch = epoch ?? NASHPOSearchSpace.trainedEpochs
    guard let cellcode, let learningRate, let batchSize else { throw UsageError.missingOption("cellcode") }
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
