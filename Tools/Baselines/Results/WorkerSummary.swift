import TabularNAS

/// How runs on simulated workers used them: per run, the simulated time it lasted and the
/// share of worker time spent training.
public struct WorkerSummary: Sendable, Equatable {
  /// The number of workers.
  public let workers: Int
  /// What ended each run: `cost`, `time` or `trials` (``WorkerBudget/kind``).
  public let budgetKind: String
  /// How decision time was charged (``DecisionOverhead/description``).
  public let overhead: String
  /// The simulated time each run lasted.
  public let durations: [Double]
  /// The share of worker time each run spent training, in 0…1.
  public let utilisations: [Double]

  /// Creates a summary from per-run figures.
  public init(workers: Int, budgetKind: String, overhead: String, durations: [Double], utilisations: [Double]) {
    self.workers = workers
    self.budgetKind = budgetKind
    self.overhead = overhead
    self.durations = durations
    self.utilisations = utilisations
  }

  /// Summarises runs' timelines.
  public init(timelines: [TrialTimeline], budget: WorkerBudget, overhead: DecisionOverhead) {
    self.init(
      workers: timelines.first?.workers ?? 1, budgetKind: budget.kind, overhead: overhead.description,
      durations: timelines.map(\.duration), utilisations: timelines.map(\.utilisation))
  }

  /// The mean simulated duration of a run and its standard error.
  public var meanDuration: (mean: Double, standardError: Double) { Metrics.meanAndStandardError(durations) }
  /// The mean utilisation and its standard error.
  public var meanUtilisation: (mean: Double, standardError: Double) { Metrics.meanAndStandardError(utilisations) }

  /// The fields that identify the search (shards of one search agree on them).
  static let identifyingFields = ["workers", "budget_kind", "overhead"]

  /// The summary's members of `summary.json`.
  var members: [JSONValue.Member] {
    [
      .init("workers", .integer(workers)), .init("budget_kind", .string(budgetKind)), .init("overhead", .string(overhead)),
      .init("mean_duration", .number(meanDuration.mean)), .init("mean_utilisation", .number(meanUtilisation.mean)),
      .init("durations", .array(durations.map(JSONValue.number))),
      .init("utilisations", .array(utilisations.map(JSONValue.number))),
    ]
  }

  /// Reads the members back; `nil` for a sequential search's summary (no `workers`).
  ///
  /// - Throws: ``ResultsFolderError/malformedSummary(path:reason:)`` naming the field.
  init?(json: JSONValue, runs: Int, path: String) throws {
    guard let workers = json["workers"] else { return nil }
    func numbers(_ name: String) -> [Double]? {
      guard case .array(let items) = json[name] ?? .null else { return nil }
      let values = items.compactMap(\.number)
      return values.count == items.count && values.count == runs ? values : nil
    }
    guard let count = workers.integer, count >= 1, case .string(let kind) = json["budget_kind"] ?? .null,
      case .string(let overhead) = json["overhead"] ?? .null, let durations = numbers("durations"),
      let utilisations = numbers("utilisations")
    else {
      throw ResultsFolderError.malformedSummary(
        path: path, reason: "its workers, budget_kind, overhead, durations or utilisations are missing or malformed; rerun the search")
    }
    self.init(workers: count, budgetKind: kind, overhead: overhead, durations: durations, utilisations: utilisations)
  }

  /// The report's line for a terminal.
  func textLine(unit: String) -> String {
    let (duration, _) = ReadableNumber.measured(meanDuration.mean, meanDuration.standardError)
    let busy = ReadableNumber.fixed(100 * meanUtilisation.mean, decimals: 1)
    return "workers        \(workers) simulated, \(duration) \(unit) of simulated time per run, \(busy) % of worker time training"
  }
}
