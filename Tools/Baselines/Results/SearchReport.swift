import TabularNAS

/// What a search wrote in its `summary.json`: which search it was (algorithm, dataset, budget,
/// seed, which runs) and the ``SearchSummary`` of its runs. Written and read back by this
/// type; shards of one search merge into the report of the whole.
public struct SearchReport: Sendable, Equatable {
  /// The algorithm's name.
  public let algorithm: String
  /// The dataset's label.
  public let dataset: String
  /// The budget of each run (infinite when only `iterations` bound it; JSON `null`).
  public let budget: Double
  /// The unit of costs.
  public let costUnit: String
  /// The base seed (any `UInt64`; above `Int.max` written as decimal text).
  public let seed: UInt64
  /// The epochs of each run's final values.
  public let finalEpochs: [Int]
  /// What the final values measure (empty in summaries written before it was recorded).
  public let finalValueName: String
  /// What runs select their best configuration by (the search metric).
  public let metricName: String
  /// The metric's direction.
  public let direction: MetricDirection
  /// The runs of the whole search.
  public let totalRuns: Int
  /// The index of this report's first run (a shard's offset).
  public let firstRun: Int
  /// The runs this report covers.
  public let summary: SearchSummary
  /// How the runs used their simulated workers (`nil` for sequential runs).
  public let workers: WorkerSummary?

  /// Creates a report.
  public init(
    algorithm: String, dataset: String, budget: Double, costUnit: String, seed: UInt64, finalEpochs: [Int],
    finalValueName: String = "", metricName: String = "", direction: MetricDirection, totalRuns: Int, firstRun: Int,
    summary: SearchSummary, workers: WorkerSummary? = nil
  ) {
    self.algorithm = algorithm
    self.dataset = dataset
    self.budget = budget
    self.costUnit = costUnit
    self.seed = seed
    self.finalEpochs = finalEpochs
    self.finalValueName = finalValueName
    self.metricName = metricName
    self.direction = direction
    self.totalRuns = totalRuns
    self.firstRun = firstRun
    self.summary = summary
    self.workers = workers
  }

  /// The fields that identify a search; shards of one search agree on all of them.
  static let identifyingFields = [
    "algorithm", "dataset", "budget", "cost_unit", "seed", "final_epochs", "final_value", "metric", "direction", "total_runs",
    "dataset_best",
  ] + WorkerSummary.identifyingFields

  /// The report as `summary.json` holds it: the search's fields, then the summary's.
  public var json: JSONValue {
    .object(
      [
        .init("algorithm", .string(algorithm)), .init("dataset", .string(dataset)), .init("budget", .number(budget)),
        .init("cost_unit", .string(costUnit)), .init("seed", seed <= UInt64(Int.max) ? .integer(Int(seed)) : .string(String(seed))),
        .init("final_epochs", .array(finalEpochs.map(JSONValue.integer))), .init("final_value", .string(finalValueName)),
        .init("metric", .string(metricName)), .init("direction", .string(direction.rawValue)),
        .init("total_runs", .integer(totalRuns)), .init("first_run", .integer(firstRun)),
      ] + summary.json.members + (workers?.members ?? []))
  }

  /// Reads a report back from ``json``.
  ///
  /// - Throws: ``ResultsFolderError/malformedSummary(path:reason:)`` naming the field.
  public init(json: JSONValue, path: String) throws {
    func field<T>(_ name: String, _ read: (JSONValue) -> T?) throws -> T {
      guard let value = json[name], let typed = read(value) else {
        throw ResultsFolderError.malformedSummary(path: path, reason: "'\(name)' is missing or malformed; rerun the search")
      }
      return typed
    }
    func text(_ value: JSONValue) -> String? { if case .string(let text) = value { text } else { nil } }
    func list<T>(_ read: @escaping (JSONValue) -> T?) -> (JSONValue) -> [T]? {
      { value in
        guard case .array(let items) = value else { return nil }
        let typed = items.compactMap(read)
        return typed.count == items.count ? typed : nil
      }
    }
    // Summaries from before per-run costs were recorded cannot be merged or plotted.
    guard json["first_run"]?.integer != nil, let finals = list(\.number)(json["finals"] ?? .null),
      let costs = list(\.number)(json["costs"] ?? .null), let counts = list(\.integer)(json["configurations"] ?? .null),
      !finals.isEmpty, costs.count == finals.count, counts.count == finals.count
    else {
      throw ResultsFolderError.malformedSummary(
        path: path, reason: "it lacks first_run or per-run finals, costs and configurations; rerun the search")
    }
    let direction = try field("direction") { text($0).flatMap(MetricDirection.init(rawValue:)) }
    self.init(
      algorithm: try field("algorithm", text), dataset: try field("dataset", text),
      budget: try field("budget") { $0 == .null ? .infinity : $0.number },  // unlimited budgets are written as null
      costUnit: try field("cost_unit", text), seed: try field("seed") { value in
        // Seeds beyond Int.max are written as decimal text (JSON integers here are 64-bit signed).
        if case .integer(let seed) = value { seed >= 0 ? UInt64(seed) : nil } else { text(value).flatMap { UInt64($0) } }
      },
      finalEpochs: try field("final_epochs", list(\.integer)), finalValueName: json["final_value"].flatMap(text) ?? "",
      metricName: json["metric"].flatMap(text) ?? "", direction: direction,
      totalRuns: try field("total_runs", \.integer), firstRun: try field("first_run", \.integer),
      summary: SearchSummary(
        finals: finals, costs: costs, configurationCounts: counts, datasetBest: try field("dataset_best", \.number),
        direction: direction),
      workers: try WorkerSummary(json: json, runs: finals.count, path: path))
  }

  /// Joins shard reports of one search into the report of the whole, as one unsharded search
  /// would have written it.
  ///
  /// - Throws: ``ResultsFolderError`` when the shards come from different searches, overlap, or
  ///   leave runs out.
  public static func merging(_ shards: [(folder: String, report: SearchReport)]) throws -> SearchReport {
    guard let (firstFolder, reference) = shards.first else { throw ResultsFolderError.noShards }
    var runs: [Int: (final: Double, cost: Double, configurations: Int, duration: Double?, utilisation: Double?)] = [:]
    for (folder, shard) in shards {
      let (ours, theirs) = (shard.json, reference.json)
      if let field = identifyingFields.first(where: { ours[$0] != theirs[$0] }) {
        throw ResultsFolderError.mismatch(folder: folder, reason: "its \(field) differs from \(firstFolder)'s")
      }
      for (offset, final) in shard.summary.finals.enumerated() {
        let run = shard.firstRun + offset
        guard runs[run] == nil else { throw ResultsFolderError.mismatch(folder: folder, reason: "run \(run) appears twice") }
        runs[run] = (
          final, shard.summary.costs[offset], shard.summary.configurationCounts[offset], shard.workers?.durations[offset],
          shard.workers?.utilisations[offset]
        )
      }
    }
    if let missing = (0..<reference.totalRuns).first(where: { runs[$0] == nil }) {
      throw ResultsFolderError.mismatch(
        folder: shards.map(\.folder).joined(separator: ", "), reason: "run \(missing) of \(reference.totalRuns) is in no shard")
    }
    let ordered = (0..<reference.totalRuns).compactMap { runs[$0] }
    return SearchReport(
      algorithm: reference.algorithm, dataset: reference.dataset, budget: reference.budget, costUnit: reference.costUnit,
      seed: reference.seed, finalEpochs: reference.finalEpochs, finalValueName: reference.finalValueName,
      metricName: reference.metricName, direction: reference.direction,
      totalRuns: reference.totalRuns, firstRun: 0,
      summary: SearchSummary(
        finals: ordered.map(\.final), costs: ordered.map(\.cost), configurationCounts: ordered.map(\.configurations),
        datasetBest: reference.summary.datasetBest, direction: reference.direction),
      workers: reference.workers.map {
        WorkerSummary(
          workers: $0.workers, budgetKind: $0.budgetKind, overhead: $0.overhead, durations: ordered.compactMap(\.duration),
          utilisations: ordered.compactMap(\.utilisation))
      })
  }
}
