extension NASHPOBench2: RegisteredBenchmark {
  /// A `query_by_key` call: a key and its query options.
  public struct Request: Sendable, Equatable {
    /// The key.
    public let key: NASHPOKey
    /// 12 (measured) or 200 (surrogate).
    public let epoch: Int
    /// The split read.
    public let mode: DataSplit
    /// With epoch 12, the epochs trained (default 12).
    public let iepoch: Int?
    /// The training seed.
    public let seed: Int
  }

  /// `cellcode`, `lr`, `batch_size` (required), `epoch`, `mode`, `iepoch`, `seed`.
  public static let requestFields: [RequestField] = [
    RequestField("cellcode", kind: .text, expecting: "a cell code", requirement: .required,
                 help: "cell code A|BC|DEF, operations 0 conv, 1 pool, 2 skip, 3 zero"),
    RequestField("lr", kind: .number, expecting: "a number", requirement: .required,
                 help: "learning rate: \(NASHPOSearchSpace.learningRates.map { "\($0)" }.joined(separator: ", "))"),
    RequestField("batch-size", kind: .integer, expecting: "an integer", requirement: .required,
                 help: "batch size: \(NASHPOSearchSpace.batchSizes.map(String.init).joined(separator: ", "))"),
    RequestField("epoch", kind: .integer, expecting: "an integer", help: "12 (measured, default) or 200 (surrogate)"),
    RequestField("mode", kind: .text, expecting: "train, valid or test", help: "train, valid (default) or test"),
    RequestField("iepoch", kind: .integer, expecting: "an integer", help: "with epoch 12: read after K epochs (1…12)"),
    RequestField("seed", kind: .integer, expecting: "an integer", help: "training seed: 222 (default), 555 or 888"),
  ]

  /// Parses `{"cellcode": "0|10|210", "lr": 0.1, "batch_size": 256, "epoch": 12, "mode": "valid",
  /// "iepoch": 3, "seed": 222}` (all but the key optional).
  ///
  /// - Throws: ``RequestError``, ``NASHPOBench2Error`` or ``BenchmarkError`` naming the field.
  public func request(from object: JSONValue) throws -> Request {
    guard case .object = object else { throw RequestError.notAnObject }
    guard let cellcode = try object.requestText("cellcode"), let lr = try object.requestNumber("lr"),
      let batchSize = try object.requestInteger("batch_size")
    else { throw RequestError.missingFields("cellcode (string), lr and batch_size (numbers)") }
    return Request(
      key: try NASHPOKey(cellcode: cellcode, lr: lr, batchSize: batchSize),
      epoch: try object.requestInteger("epoch") ?? NASHPOSearchSpace.trainedEpochs,
      mode: try DataSplit(parsing: object.requestText("mode") ?? DataSplit.valid.rawValue),
      iepoch: try object.requestInteger("iepoch"), seed: try object.requestInteger("seed") ?? defaultSeed)
  }

  /// The accuracy and cost, like `query_by_key`.
  public func answer(_ request: Request) throws -> QueryAnswer {
    render(request, try query(request.key, epoch: request.epoch, mode: request.mode, iepoch: request.iepoch, seed: request.seed))
  }

  /// The accuracy and cost, logged in the run.
  public func answer(_ request: Request, loggingIn run: inout BenchmarkRun<NASHPOBench2>) throws -> QueryAnswer {
    render(request, try run.query(request.key, epoch: request.epoch, mode: request.mode, iepoch: request.iepoch, seed: request.seed))
  }

  private func render(_ request: Request, _ result: QueryResult) -> QueryAnswer {
    let (key, epoch, mode, seed) = (request.key, request.epoch, request.mode, request.seed)
    let readEpoch = epoch == 200 ? 200 : (request.iepoch ?? epoch)
    let cost = result.cost.map { "\($0) s" } ?? "none (pass --surrogate-cost extrapolated)"
    return QueryAnswer(
      text: [
        "accuracy \(result.value) %", "cost     \(cost)",
        "key      \(key), epoch \(epoch), iepoch \(readEpoch), mode \(mode.rawValue), seed \(seed)", "dataset  \(name)",
      ],
      json: .object(
        key.jsonObject.members + [
          .init("epoch", .integer(epoch)), .init("iepoch", epoch == 200 ? .null : .integer(readEpoch)),
          .init("mode", .string(mode.rawValue)), .init("seed", .integer(seed)), .init("accuracy", .number(result.value)),
          .init("cost", result.cost.json), .init("dataset", .string(name)),
        ]),
      line: .object([.init("accuracy", .number(result.value)), .init("cost", result.cost.json)]))
  }

  /// `get_results`, with the final accuracies at `finalEpochs` (default 12 and 200).
  public func results(of run: BenchmarkRun<NASHPOBench2>, finalEpochs: [Int]?) throws -> TrajectoryResults<NASHPOKey> {
    try run.results(epochs: finalEpochs ?? NASHPOSearchSpace.epochs)
  }

  /// `get_results(epoch, mode)`: `final_epochs` (default 12 and 200), `mode` of the final
  /// accuracies (default test) and their `seed` (default 222).
  public func results(of run: BenchmarkRun<NASHPOBench2>, options object: JSONValue) throws -> TrajectoryResults<NASHPOKey> {
    guard case .object = object else { throw RequestError.notAnObject }
    return try run.results(
      epochs: object.requestIntegers("final_epochs") ?? NASHPOSearchSpace.epochs,
      mode: DataSplit(parsing: object.requestText("mode") ?? DataSplit.test.rawValue),
      seed: object.requestInteger("seed"))
  }

  /// The search space, the stored columns, the store's size and the best 12-epoch key; on files
  /// holding a subset, what they hold (in the JSON form, ``searchSpaceJSON`` too).
  public func information() throws -> DatasetInformation {
    let best = bestConfiguration { (try? finalValue(of: $0)) ?? -.infinity }
    let bestKey = best?.configuration ?? searchSpace[0], bestAccuracy = best?.value ?? -.infinity
    let columns =
      NASHPOTable.Curve.allCases.map { "\($0.columnPrefix)_0…11" } + NASHPOTable.Total.allCases.map(\.columnName)
      + ["avg_acc (200 epochs)"]
    let coverage = table.coverage, space = searchSpace
    let heldClasses = Set(coverage.cells.map { table.cellClasses[$0.index] }).count
    let runsHeld = coverage.runs?.presentCount ?? table.runs.recordCount
    let surrogatesHeld = coverage.surrogates?.presentCount ?? table.surrogateAccuracies.count
    let json = JSONValue.object(
      [
        .init("dataset", .string(name)), .init("synthetic", .bool(source.isSynthetic)), .init("keys", .integer(count)),
        .init("partial", .bool(!coverage.isComplete)),
        .init("cell_codes", .integer(space.cells.count)), .init("cell_classes", .integer(heldClasses)),
        .init("learning_rates", .array(space.heldLearningRates.map(JSONValue.number))),
        .init("batch_sizes", .array(space.heldBatchSizes.map(JSONValue.integer))),
        .init("seeds", .array(coverage.seeds.map(JSONValue.integer))), .init("default_seed", .integer(defaultSeed)),
        .init("epochs", .array(NASHPOSearchSpace.epochs.map(JSONValue.integer))),
        .init("runs", .integer(runsHeld)), .init("estimates_200", .integer(surrogatesHeld)),
        .init("columns", .array(columns.map(JSONValue.string))), .init("store_bytes", .integer(table.runs.byteCount)),
        .init("best_valid_accuracy_12", .number(bestAccuracy)), .init("best_valid_key_12", bestKey.jsonObject),
      ] + (coverage.isComplete ? [] : [.init("search_space", searchSpaceJSON)]))
    let partial = coverage.isComplete ? "" : " (partial: the files hold a subset)"
    let list = { (values: [String]) in values.joined(separator: ", ") }
    let text = [
      name + partial,
      "search space   \(count) keys = \(space.cells.count) cell codes × "
        + "\(space.learningRateIndices.count) learning rates × \(space.batchSizeIndices.count) batch sizes",
      "cell classes   \(heldClasses) (equivalent cells share one set of results)",
      "learning rates \(list(space.heldLearningRates.map { "\($0)" }))",
      "batch sizes    \(list(space.heldBatchSizes.map(String.init)))",
      "seeds          \(list(coverage.seeds.map(String.init))) (default \(defaultSeed))",
      "epochs         12 (measured; iepoch 1…12), 200 (surrogate estimate, no measured cost)",
      "columns        \(columns.joined(separator: ", "))",
      "store          \(table.runs.recordCount) runs, \(table.runs.byteCount / 1_048_576) MiB",
    ] + (coverage.isComplete ? [] : [
      "held           \(runsHeld) of \(table.runs.recordCount) runs, \(surrogatesHeld) of \(table.surrogateAccuracies.count) 200-epoch estimates; "
        + "queries outside them are errors naming what the files hold"
    ]) + [
      "best 12-epoch valid accuracy (seed \(defaultSeed)): \(bestAccuracy) % at \(bestKey)",
    ]
    return DatasetInformation(text: text, json: json)
  }
}
