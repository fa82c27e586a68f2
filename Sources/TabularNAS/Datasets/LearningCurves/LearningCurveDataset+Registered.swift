extension LearningCurveDataset: RegisteredBenchmark {
  /// A configuration, the epochs trained, and optionally a curve other than the metric.
  public struct Request: Sendable, Equatable {
    /// The configuration.
    public let key: LearningCurveKey
    /// Epochs trained.
    public let epoch: Int
    /// A curve to read instead of the metric (e.g. `LossMean`).
    public let curve: String?
  }

  /// `config` or `index` (exactly one), `epoch`, `curve`.
  public static let requestFields: [RequestField] = [
    RequestField("config", kind: .integer, expecting: "an integer id", requirement: .oneOf("configuration"),
                 help: "the configuration's id (NAAP-440's ModelId; elsewhere its row, from 0)"),
    RequestField("index", kind: .integer, expecting: "a row position", requirement: .oneOf("configuration"),
                 help: "the configuration's row position, from 0"),
    RequestField("epoch", kind: .integer, expecting: "an integer", help: "epochs trained (default: the last epoch)"),
    RequestField("curve", kind: .text, expecting: "a curve name", help: "read another curve, e.g. LossMean (default: the metric)"),
  ]

  /// Parses `{"config": 12, "epoch": 5}` (or `"index"` for the row position; `"epoch"`
  /// defaults to the last, `"curve"` to the metric).
  ///
  /// - Throws: ``RequestError``, or ``LearningCurveError`` / ``BenchmarkError`` for a
  ///   configuration the file does not hold.
  public func request(from object: JSONValue) throws -> Request {
    guard case .object = object else { throw RequestError.notAnObject }
    let key: LearningCurveKey
    switch (try object.requestInteger("config"), try object.requestInteger("index")) {
    case (let id?, nil): key = try configuration(id: id)
    case (nil, let index?): key = try configuration(checkedAt: index)
    default: throw RequestError.missingFields("exactly one of 'config' (an id) and 'index' (a row position)")
    }
    return Request(
      key: key, epoch: try object.requestInteger("epoch") ?? epochRange.upperBound, curve: try object.requestText("curve"))
  }

  /// The value after the request's epochs, its cost, the final value and the fields.
  public func answer(_ request: Request) throws -> QueryAnswer {
    try render(request, query(request.key, epochs: request.epoch))
  }

  /// The same, with the metric's value logged in the run.
  public func answer(_ request: Request, loggingIn run: inout BenchmarkRun<LearningCurveDataset>) throws -> QueryAnswer {
    try render(request, run.query(request.key, epochs: request.epoch))
  }

  private func render(_ request: Request, _ result: QueryResult) throws -> QueryAnswer {
    let (key, epoch) = (request.key, request.epoch)
    let value = try request.curve.map { try curve(of: key, named: $0)[epoch - epochRange.lowerBound] } ?? result.value
    let finalValue = try finalValue(of: key)
    let fields = try fieldValues(for: key)
    let fieldMembers = fields.map { field, value -> JSONValue.Member in
      switch value {
      case .number(let number): .init(field.name, .number(number))
      case .text(let text): .init(field.name, .string(text))
      }
    }
    let curveName = request.curve ?? descriptor.curve
    let better = direction == .higherIsBetter ? "higher" : "lower"
    return QueryAnswer(
      text: [
        "value    \(value) (\(request.curve == nil ? metricName : curveName) after \(epoch) epoch\(epoch == 1 ? "" : "s"))",
        "cost     \(result.cost ?? 0) (\(costUnit))", "config   \(key), epochs \(epochRange.lowerBound)…\(epochRange.upperBound)",
        "final    \(finalValue) (\(descriptor.finalValue), \(better) is better)",
        "fields   " + fields.map { "\($0.field.name)=\($0.value)" }.joined(separator: ", "), "dataset  \(label)",
      ],
      json: .object(
        key.jsonObject.members + [
          .init("epoch", .integer(epoch)), .init("curve", .string(curveName)), .init("value", .number(value)),
          .init("cost", result.cost.json), .init("cost_unit", .string(costUnit)), .init("metric", .string(request.curve.map { "curve \($0)" } ?? metricName)),
          .init("direction", .string(direction.rawValue)), .init("final_value", .number(finalValue)),
          .init("fields", .object(fieldMembers)), .init("dataset", .string(label)),
        ]),
      line: .object([.init("value", .number(value)), .init("cost", result.cost.json)]))
  }

  /// `get_results`; the final value is the descriptor's.
  ///
  /// - Throws: ``RegistryError/optionNotAccepted(option:dataset:)`` when `finalEpochs` is given.
  public func results(of run: BenchmarkRun<LearningCurveDataset>, finalEpochs: [Int]?) throws
    -> TrajectoryResults<LearningCurveKey>
  {
    if finalEpochs != nil { throw RegistryError.optionNotAccepted(option: DatasetOption.finalEpochs.rawValue, dataset: name) }
    return try run.results()
  }

  /// Epochs, metric and direction, fields, final-value and cost rules, and the best
  /// configuration.
  public func information() throws -> DatasetInformation {
    let best = try bestConfiguration(by: finalValue(of:))
    let (bestKey, bestFinal) = (best?.configuration ?? configuration(at: 0), best?.value ?? .nan)
    let keys = Array(configurations)
    let testRows = try keys.filter { try isTest($0) == true }.count
    let hasSplit = fields.contains { $0.role == .split }
    let untrained = epochRange.lowerBound == 0
    let alternatives = descriptor.costColumns.map { $0 + "*epochs" }
    let json = JSONValue.object([
      .init("dataset", .string(descriptor.name)), .init("title", .string(descriptor.title)), .init("path", .string(path)),
      .init("configurations", .integer(configurationCount)),
      .init("epochs", .array([.integer(epochRange.lowerBound), .integer(epochRange.upperBound)])),
      .init("starts_untrained", .bool(untrained)), .init("metric", .string(descriptor.metric)),
      .init("curve", .string(descriptor.curve)), .init("direction", .string(direction.rawValue)),
      .init("curves", .array(curveNames.map(JSONValue.string))),
      .init("final_value", .string(descriptor.finalValue.description)), .init("cost", .string(costUnit)),
      .init("cost_alternatives", .array(alternatives.map(JSONValue.string))),
      .init(
        "fields",
        .array(
          fields.map {
            .object([.init("name", .string($0.name)), .init("kind", .string($0.kind.rawValue)), .init("role", .string($0.role.rawValue))])
          })),
      .init("features", .array(featureNames.map(JSONValue.string))), .init("test_rows", hasSplit ? .integer(testRows) : .null),
      .init("store_bytes", .integer(byteCount)), .init("best_final_value", .number(bestFinal)),
      .init("best_key", bestKey.jsonObject),
    ])
    let ids = keys.map(\.id)
    let idText =
      descriptor.idColumn.map { "ids \(ids.min() ?? 0)…\(ids.max() ?? 0) from \($0)" } ?? "ids = row positions 0…\(configurationCount - 1)"
    var text = [
      descriptor.title, "dataset        \(label)", "configurations \(configurationCount) (\(idText))",
      "epochs         \(epochRange.lowerBound)…\(epochRange.upperBound)"
        + (untrained ? " (epoch 0 is the untrained network)" : " (from the end of the first epoch)"),
      "metric         \(descriptor.metric), \(direction == .higherIsBetter ? "higher" : "lower") is better (curve '\(descriptor.curve)')",
      "curves         \(curveNames.joined(separator: ", "))", "final value    \(descriptor.finalValue)",
      "cost           \(costUnit)" + (alternatives.isEmpty ? "" : " (also: \(alternatives.joined(separator: ", ")))"),
      "fields         "
        + fields.map { "\($0.name) (\($0.kind.rawValue)\($0.role == .parameter ? "" : ", " + $0.role.rawValue))" }.joined(separator: ", "),
      "features       \(featureNames.count): \(featureNames.joined(separator: ", "))",
    ]
    if hasSplit { text.append("split          \(testRows) test rows, \(configurationCount - testRows) training rows") }
    text += ["store          \(byteCount / 1024) KiB", "best final     \(bestFinal) at \(bestKey)"]
    return DatasetInformation(text: text, json: json)
  }
}
