import TabularNAS

/// `tabnas query`: one query, like `query_by_key` on NAS-HPO-Bench-II or by configuration and
/// epoch on a learning-curve dataset; the options are the dataset's request fields.
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

    \(DatasetChoice.requestFieldGroups.map { "\($0.datasets) options:\n" + fieldUsage($0.fields) }.joined(separator: "\n"))
    \(DatasetOptions.usage)
      --help                 show this help
    """

  /// Help lines for request fields.
  static func fieldUsage(_ fields: [RequestField]) -> String {
    fields.map { "  " + "--\($0.option) \($0.kind == .text ? "TEXT" : "N")".padding(toLength: 23, withPad: " ", startingAt: 0) + $0.help }
      .joined(separator: "\n")
  }

  var fields: JSONValue
  var dataset: DatasetOptions

  init(parsing arguments: inout Arguments) throws {
    dataset = try DatasetOptions(parsing: &arguments)
    fields = try Self.requestObject(parsing: &arguments, for: dataset)
  }

  /// Reads the dataset's request fields from their options into a request object, refusing
  /// other datasets' fields and enforcing which fields are needed.
  static func requestObject(parsing arguments: inout Arguments, for dataset: DatasetOptions) throws -> JSONValue {
    let fields = dataset.choice.requestFields
    var members: [JSONValue.Member] = []
    for field in fields {
      guard let text = try arguments.option(field.option) else { continue }
      guard let value = field.jsonValue(parsing: text) else {
        throw UsageError.invalidValue(option: field.option, value: text, expected: field.expectation)
      }
      members.append(.init(field.key, value))
    }
    let own = Set(fields.map(\.option))
    for field in DatasetChoice.allRequestFields where !own.contains(field.option) {
      if try arguments.option(field.option) != nil {
        throw UsageError.notApplicable(option: field.option, dataset: dataset.datasetName)
      }
    }
    let given = Set(members.map(\.key))
    if let missing = fields.first(where: { $0.requirement == .required && !given.contains($0.key) }) {
      throw UsageError.missingOption(missing.option)
    }
    var groups: [String] = []
    for case .oneOf(let group) in fields.map(\.requirement) where !groups.contains(group) { groups.append(group) }
    for group in groups {
      let members = fields.filter { $0.requirement == .oneOf(group) }
      let chosen = members.filter { given.contains($0.key) }
      if chosen.isEmpty, let first = members.first { throw UsageError.missingOption(first.option) }
      if chosen.count > 1 { throw UsageError.exclusiveOptions(chosen[0].option, chosen[1].option) }
    }
    return .object(members)
  }

  func run(console: Console) throws {
    try query(dataset.open(console: console), console: console)
  }

  private func query<B: RegisteredBenchmark>(_ benchmark: B, console: Console) throws {
    let answer = try benchmark.answer(benchmark.request(from: fields))
    console.print(dataset.json ? answer.json.text : answer.text.joined(separator: "\n"))
  }
}
