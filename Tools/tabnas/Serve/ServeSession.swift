import Baselines
import Foundation
import TabularNAS

/// One `tabnas serve` connection on one dataset: its open runs (each with its own log) and
/// simulated-worker sessions, answering one JSON request line with one JSON response line.
/// A request that fails changes nothing and answers a typed error; no line ends the session.
struct ServeSession<B: RegisteredBenchmark> {
  /// A worker session: the pool and its budget.
  private struct Workers {
    var pool: WorkerPool<B>
    let budget: WorkerBudget?
  }

  let benchmark: B
  /// Warnings from opening the dataset (such as an unwritable cache), which `hello` passes on.
  let warnings: [String]
  private var runs: [Int: BenchmarkRun<B>] = [:]
  private var workers: [Int: Workers] = [:]
  private var nextID = 1

  init(benchmark: B, warnings: [String] = []) {
    self.benchmark = benchmark
    self.warnings = warnings
  }

  /// The response to one request line.
  mutating func respond(to line: String) -> String {
    var id = JSONValue.null
    do {
      let request: JSONValue
      do {
        request = try JSONValue(parsing: Array(line.utf8))
      } catch {
        throw ServeError.malformedLine(reason: "\(error)")
      }
      guard case .object = request else { throw ServeError.malformedLine(reason: "it is \(UsageError.abbreviated(request.text))") }
      id = request["id"] ?? .null
      let name = try text("op", in: request)
      guard let operation = ServeOperation(rawValue: name) else { throw ServeError.unknownOperation(name) }
      let members = try perform(operation, request)
      return JSONValue.object([.init("id", id), .init("ok", .bool(true))] + members).text
    } catch {
      let kind = (error as? ServeError)?.kind ?? Self.kind(of: error)
      let detail = JSONValue.object([.init("kind", .string(kind)), .init("message", .string("\(error)"))])
      return JSONValue.object([.init("id", id), .init("ok", .bool(false)), .init("error", detail)]).text
    }
  }

  /// The kind of an error the library or the drivers threw.
  private static func kind(of error: any Error) -> String {
    switch error {
    case is RequestError: "bad_request"
    case is SearchError: "workers"
    case is BenchmarkError: "results"
    default: "query"
    }
  }

  private mutating func perform(_ operation: ServeOperation, _ request: JSONValue) throws -> [JSONValue.Member] {
    switch operation {
    case .hello:
      return [
        .init("protocol", .integer(ServeOperation.protocolVersion)), .init("server", .string("tabnas serve")),
        .init("dataset", .string(benchmark.label)), .init("ops", .array(ServeOperation.allCases.map { .string($0.rawValue) })),
        .init("warnings", .array(warnings.map(JSONValue.string))),
      ]
    case .describe:
      switch request["information"] {
      case nil, .null?, .bool(true)?: return try describe(withInformation: true)
      case .bool(false)?: return try describe(withInformation: false)
      default: throw ServeError.badParameter(name: "information", expected: "true or false")
      }
    case .configuration:
      if let indices = try integers("indices", in: request) {
        return [.init("configurations", .array(try indices.map { try configuration(at: $0).jsonObject }))]
      }
      return [.init("configuration", try configuration(at: integer("index", in: request)).jsonObject)]
    case .query:
      var scratch = BenchmarkRun(benchmark: benchmark)
      return try answer(request, in: &scratch, logging: false)
    case .runStart:
      let rankingName = try optionalText("ranking", in: request) ?? TrajectoryLog<B.Configuration>.Ranking.validationQueries.rawValue
      guard let ranking = TrajectoryLog<B.Configuration>.Ranking(rawValue: rankingName) else {
        throw ServeError.badParameter(name: "ranking", expected: "validation or every")
      }
      defer { nextID += 1 }
      runs[nextID] = BenchmarkRun(benchmark: benchmark, ranking: ranking)
      return [.init("run", .integer(nextID))]
    case .runQuery:
      let id = try runID(request)
      // Taken out of the table while it changes, so its log is appended to in place.
      guard var run = runs.removeValue(forKey: id) else { throw unknownRun(id) }
      defer { runs[id] = run }
      let members = try answer(request, in: &run, logging: true)
      return members + [.init("total_cost", .number(run.totalCost))]
    case .runLog:
      guard case .object(let members) = try openRun(request).log.json else { return [] }
      return members
    case .runResults:
      let run = try openRun(request)
      return [.init("results", try benchmark.results(of: run, options: request["options"] ?? .object([])).json)]
    case .runReset:
      let id = try runID(request)
      guard runs[id] != nil else { throw unknownRun(id) }
      runs[id]?.reset()
      return []
    case .runClose:
      let id = try runID(request)
      guard runs.removeValue(forKey: id) != nil else { throw unknownRun(id) }
      return []
    case .workersStart: return try startWorkers(request)
    case .workersSubmit: return try submit(request)
    case .workersNext:
      let id = try integer("session", in: request)
      guard var session = workers.removeValue(forKey: id) else { throw unknownWorkers(id) }
      defer { workers[id] = session }
      let deadline: Double? = if case .time(let deadline) = session.budget { deadline } else { nil }
      let result = try session.pool.complete(deadline: deadline)
      guard let result else {
        return [.init("completion", .null), .init("now", .number(session.pool.now)), .init("running", .integer(session.pool.runningCount))]
      }
      return [
        .init(
          "completion",
          .object([
            .init("trial", .integer(result.trial.id)), .init("worker", .integer(result.worker)),
            .init("configuration", result.trial.configuration.jsonObject), .init("epochs", .integer(result.trial.epochs)),
            .init("trained_epochs", .integer(result.trainedEpochs)), .init("value", .number(result.value)),
            .init("cost", .number(result.cost)), .init("start", .number(result.start)), .init("end", .number(result.end)),
          ])), .init("now", .number(session.pool.now)),
      ]
    case .workersStatus:
      let id = try integer("session", in: request)
      guard let pool = workers[id]?.pool else { throw unknownWorkers(id) }
      return [
        .init("now", .number(pool.now)), .init("workers", .integer(pool.workers)),
        .init("free_worker", pool.firstFreeWorker.map(JSONValue.integer) ?? .null), .init("running", .integer(pool.runningCount)),
        .init("started_trials", .integer(pool.startedTrials)), .init("committed_cost", .number(pool.committedCost)),
      ]
    case .workersResults:
      let id = try integer("session", in: request)
      guard let pool = workers[id]?.pool else { throw unknownWorkers(id) }
      let results = SearchRunResults(results: try benchmark.results(of: pool.run, options: request["options"] ?? .object([])), timeline: pool.timeline)
      return [.init("results", results.json)]
    case .workersClose:
      let id = try integer("session", in: request)
      guard workers.removeValue(forKey: id) != nil else { throw unknownWorkers(id) }
      return []
    }
  }

  /// The dataset's description: request fields, epochs, metric and costs, and its `info`
  /// unless left out (it reads every configuration, e.g. to find the best).
  private func describe(withInformation: Bool) throws -> [JSONValue.Member] {
    let fields = B.requestFields.map { field -> JSONValue in
      let kind = switch field.kind {
      case .text: "text"
      case .number: "number"
      case .integer: "integer"
      }
      let requirement: String = switch field.requirement {
      case .optional: "optional"
      case .required: "required"
      case .oneOf(let group): "one of \(group)"
      }
      return .object([
        .init("key", .string(field.key)), .init("kind", .string(kind)), .init("expected", .string(field.expectation)),
        .init("requirement", .string(requirement)), .init("help", .string(field.help)),
      ])
    }
    return [
      .init("name", .string(benchmark.name)), .init("label", .string(benchmark.label)),
      .init("configurations", .integer(benchmark.configurationCount)),
      .init("configuration_fields", .array(B.Configuration.exportFieldNames.map(JSONValue.string))),
      .init("request_fields", .array(fields)),
      .init("epochs", .array([.integer(benchmark.epochRange.lowerBound), .integer(benchmark.epochRange.upperBound)])),
      .init("final_epochs", .array(benchmark.finalEpochs.map(JSONValue.integer))),
      .init("metric", .string(benchmark.metricName)), .init("direction", .string(benchmark.direction.rawValue)),
      .init("cost_unit", .string(benchmark.costUnit)), .init("final_value", .string(benchmark.finalValueName)),
    ] + (withInformation ? [.init("information", try benchmark.information().json)] : [])
  }

  /// Answers `query` (one object), `queries` (a list of them) or `columns` (an object of equal
  /// lists, one per request field, answered as one list per answer field) in a run; a batch is
  /// all or nothing.
  private func answer(_ request: JSONValue, in run: inout BenchmarkRun<B>, logging: Bool) throws -> [JSONValue.Member] {
    if let one = request["query"] {
      let parsed = try benchmark.request(from: one)
      return [.init("result", (logging ? try benchmark.answer(parsed, loggingIn: &run) : try benchmark.answer(parsed)).line)]
    }
    let items: [JSONValue], columnar: Bool
    if case .array(let list) = request["queries"] ?? .null {
      (items, columnar) = (list, false)
    } else if case .object(let columns) = request["columns"] ?? .null {
      (items, columnar) = (try Self.rows(of: columns), true)
    } else {
      throw ServeError.badParameter(name: "query", expected: "a query object (or 'queries', a list of them, or 'columns')")
    }
    var copy = run  // a batch is all or nothing: it logs into a copy, kept only when every item is answered
    var lines: [JSONValue] = []
    lines.reserveCapacity(items.count)
    for (index, item) in items.enumerated() {
      do {
        let parsed = try benchmark.request(from: item)
        lines.append((logging ? try benchmark.answer(parsed, loggingIn: &copy) : try benchmark.answer(parsed)).line)
      } catch {
        throw ServeError.batchItem(index: index, reason: "\(error)")
      }
    }
    run = copy
    guard columnar else { return [.init("results", .array(lines))] }
    guard case .object(let first) = lines.first ?? .null else { return [.init("columns", .object([]))] }
    let columns = first.map { member in JSONValue.Member(member.key, .array(lines.map { $0[member.key] ?? .null })) }
    return [.init("columns", .object(columns))]
  }

  /// The request objects of a columnar batch: row i takes the i-th value of every column.
  private static func rows(of columns: [JSONValue.Member]) throws -> [JSONValue] {
    var lists: [(key: String, values: [JSONValue])] = []
    for column in columns {
      guard case .array(let values) = column.value else { throw ServeError.badParameter(name: "columns." + column.key, expected: "a list") }
      lists.append((column.key, values))
    }
    let count = lists.first?.values.count ?? 0
    if let uneven = lists.first(where: { $0.values.count != count }) {
      throw ServeError.badParameter(name: "columns." + uneven.key, expected: "a list of \(count) values, as long as the others")
    }
    return (0..<count).map { row in .object(lists.map { JSONValue.Member($0.key, $0.values[row]) }) }
  }

  /// Starts a worker session.
  private mutating func startWorkers(_ request: JSONValue) throws -> [JSONValue.Member] {
    let count = try integer("workers", in: request)
    guard (1...WorkerOptions.maximumWorkers).contains(count) else {
      throw ServeError.badParameter(name: "workers", expected: "an integer in 1…\(WorkerOptions.maximumWorkers)")
    }
    var budget: WorkerBudget?
    if let object = request["budget"], object != .null {
      guard case .object(let members) = object, members.count == 1, let member = members.first, let amount = member.value.number,
        amount > 0, amount.isFinite
      else {
        throw ServeError.badParameter(name: "budget", expected: "an object with one of cost, time or trials and a positive finite amount")
      }
      switch member.key {
      case "cost": budget = .cost(amount)
      case "time": budget = .time(amount)
      case "trials":
        guard let trials = member.value.integer else { throw ServeError.badParameter(name: "budget.trials", expected: "an integer") }
        budget = .trials(trials)
      default: throw ServeError.badParameter(name: "budget", expected: "one of cost, time or trials, got '\(member.key)'")
      }
    }
    defer { nextID += 1 }
    workers[nextID] = Workers(pool: WorkerPool(benchmark: benchmark, workers: count), budget: budget)
    return [.init("session", .integer(nextID))]
  }

  /// Starts a trial on the lowest free worker, within the session's budget.
  private mutating func submit(_ request: JSONValue) throws -> [JSONValue.Member] {
    let id = try integer("session", in: request)
    guard var session = workers.removeValue(forKey: id) else { throw unknownWorkers(id) }
    defer { workers[id] = session }
    let trialID = try integer("trial", in: request)
    let configuration: B.Configuration
    if let index = try optionalInteger("index", in: request) {
      configuration = try self.configuration(at: index)
    } else if let object = request["configuration"] {
      configuration = try B.Configuration(jsonObject: object)
    } else {
      throw ServeError.badParameter(name: "index", expected: "a configuration's position (or 'configuration', its key object)")
    }
    let epochs = try optionalInteger("epochs", in: request) ?? benchmark.epochRange.upperBound
    let decision = try optionalNumber("decision_time", in: request) ?? 0
    guard decision >= 0, decision.isFinite else { throw ServeError.badParameter(name: "decision_time", expected: "a number ≥ 0") }
    switch session.budget {
    case .cost(let limit) where session.pool.committedCost >= limit:
      throw ServeError.budgetSpent("finished and running trials cost \(session.pool.committedCost) of \(limit) \(benchmark.costUnit)")
    case .time(let deadline) where session.pool.now >= deadline:
      throw ServeError.budgetSpent("the clock is at \(session.pool.now) of \(deadline) \(benchmark.costUnit)")
    case .trials(let count) where session.pool.startedTrials >= count && !session.pool.hasStarted(trial: trialID):
      throw ServeError.budgetSpent("\(session.pool.startedTrials) of \(count) trials have started")
    default: break
    }
    let worker = try session.pool.submit(Trial(id: trialID, configuration: configuration, epochs: epochs), decisionTime: decision)
    return [.init("worker", .integer(worker)), .init("now", .number(session.pool.now))]
  }

  private func configuration(at index: Int) throws -> B.Configuration {
    guard (0..<benchmark.configurationCount).contains(index) else {
      throw ServeError.badParameter(name: "index", expected: "an integer in 0…\(benchmark.configurationCount - 1)")
    }
    return benchmark.configuration(at: index)
  }

  private func runID(_ request: JSONValue) throws -> Int { try integer("run", in: request) }

  private func openRun(_ request: JSONValue) throws -> BenchmarkRun<B> {
    let id = try runID(request)
    guard let run = runs[id] else { throw unknownRun(id) }
    return run
  }

  private func unknownRun(_ id: Int) -> ServeError { .unknownSession(kind: "run", id: id, open: runs.keys.sorted()) }
  private func unknownWorkers(_ id: Int) -> ServeError { .unknownSession(kind: "worker session", id: id, open: workers.keys.sorted()) }

  // Parameters.
  private func text(_ name: String, in request: JSONValue) throws -> String {
    guard let value = try optionalText(name, in: request) else { throw ServeError.badParameter(name: name, expected: "a string") }
    return value
  }
  private func optionalText(_ name: String, in request: JSONValue) throws -> String? {
    guard let value = request[name], value != .null else { return nil }
    guard case .string(let text) = value else { throw ServeError.badParameter(name: name, expected: "a string") }
    return text
  }
  private func integer(_ name: String, in request: JSONValue) throws -> Int {
    guard let value = try optionalInteger(name, in: request) else { throw ServeError.badParameter(name: name, expected: "an integer") }
    return value
  }
  private func optionalInteger(_ name: String, in request: JSONValue) throws -> Int? {
    guard let value = request[name], value != .null else { return nil }
    guard let integer = value.integer else { throw ServeError.badParameter(name: name, expected: "an integer") }
    return integer
  }
  private func optionalNumber(_ name: String, in request: JSONValue) throws -> Double? {
    guard let value = request[name], value != .null else { return nil }
    guard let number = value.number else { throw ServeError.badParameter(name: name, expected: "a number") }
    return number
  }
  private func integers(_ name: String, in request: JSONValue) throws -> [Int]? {
    guard let value = request[name], value != .null else { return nil }
    guard case .array(let items) = value, case let list = items.compactMap(\.integer), list.count == items.count else {
      throw ServeError.badParameter(name: name, expected: "a list of integers")
    }
    return list
  }
}
