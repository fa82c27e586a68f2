import Foundation
import TabularNAS

/// `tabnas replay`: runs a script of queries, optionally as one logged search run.
struct ReplayCommand: Command {
  static let name = "replay"
  static let abstract = "Run queries from a JSON-lines file; optionally log them as one run."
  static let usage = """
    usage: tabnas replay --queries FILE [--log] [--results-json FILE] [--results-pickle FILE]
                         [--results-csv FILE] [--final-epochs 12,200] [--surrogate-cost R]
                         [--dataset NAME] [--data PATH]

    Reads one query per line and prints one JSON line per answer. NAS-HPO-Bench-II lines look
    like {"cellcode": "0|10|210", "lr": 0.1, "batch_size": 256, "epoch": 12, "mode": "valid",
    "iepoch": 3, "seed": 222} (all but the key optional) and answer {"accuracy": …, "cost": …};
    learning-curve lines look like {"config": 12, "epoch": 5} (or "index" for the row position;
    "epoch" defaults to the last) and answer {"value": …, "cost": …}. With --log the queries
    form one run, whose get_results can be written as JSON or as a pickle like the reference
    baselines', and its per-query log as CSV. Existing output files are never overwritten.

    options:
      --queries FILE         the query script ('-' for standard input)
      --log                  log the queries as one search run
      --results-json FILE    with --log: write get_results as JSON
      --results-pickle FILE  with --log: write get_results as a pickle
      --results-csv FILE     with --log: write the log as CSV, one row per query
      --final-epochs LIST    NAS-HPO-Bench-II: epochs of final_accs (default 12,200)
      --surrogate-cost R     cost of epoch-200 queries: unavailable (default) or extrapolated
    \(DatasetOptions.usage)
      --help                 show this help
    """

  var queries: String
  var logRun: Bool
  var resultsJSON: String?
  var resultsPickle: String?
  var resultsCSV: String?
  var finalEpochs: [Int]?
  var surrogateCost: String?
  var dataset: DatasetOptions

  init(parsing arguments: inout Arguments) throws {
    queries = try arguments.required("queries")
    logRun = arguments.flag("log")
    resultsJSON = try arguments.option("results-json")
    resultsPickle = try arguments.option("results-pickle")
    resultsCSV = try arguments.option("results-csv")
    finalEpochs = try arguments.list("final-epochs", as: { Int($0) }, expecting: "comma-separated epochs")
    surrogateCost = try arguments.option("surrogate-cost")
    dataset = try DatasetOptions(parsing: &arguments)
    if !logRun && (resultsJSON != nil || resultsPickle != nil || resultsCSV != nil) {
      throw UsageError.invalidValue(option: "results-json/--results-pickle/--results-csv", value: "without --log", expected: "--log")
    }
    if !dataset.isNASHPOBench2 {
      for (option, given) in [("final-epochs", finalEpochs != nil), ("surrogate-cost", surrogateCost != nil)] where given {
        throw UsageError.notApplicable(option: option, dataset: dataset.datasetName)
      }
    }
  }

  /// The script's non-blank lines with their 1-based numbers.
  func scriptLines() throws -> [(number: Int, text: String)] {
    let text: String
    if queries == "-" {
      text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
    } else {
      guard let data = FileManager.default.contents(atPath: queries) else {
        throw DatasetFileError.missing(path: queries)
      }
      text = String(decoding: data, as: UTF8.self)
    }
    return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
      .filter { !$0.element.trimmingCharacters(in: .whitespaces).isEmpty }
      .map { ($0.offset + 1, String($0.element)) }
  }

  /// Writes a finished run's exports, never overwriting a file.
  func writeResults<Key>(_ results: TrajectoryResults<Key>, log: TrajectoryLog<Key>) throws {
    if let resultsJSON { try writeNewFile(Array(results.json.text.utf8), to: resultsJSON) }
    if let resultsPickle { try writeNewFile(results.pickleBytes, to: resultsPickle) }
    if let resultsCSV { try writeNewFile(Array(log.csv(dataset: results.dataset).utf8), to: resultsCSV) }
  }

  /// Whether any export was asked for.
  var wantsResults: Bool { logRun && (resultsJSON != nil || resultsPickle != nil || resultsCSV != nil) }

  func run(console: Console) throws {
    if dataset.isNASHPOBench2 {
      try replayNASHPOBench2(console: console)
    } else {
      try replayLearningCurves(console: console)
    }
  }

  private func replayNASHPOBench2(console: Console) throws {
    let surrogateCost = surrogateCost ?? SurrogateCostRule.unavailable.rawValue
    guard let rule = SurrogateCostRule(rawValue: surrogateCost) else {
      throw CommandError.invalidChoice(
        option: "surrogate-cost", value: surrogateCost, allowed: SurrogateCostRule.allCases.map(\.rawValue))
    }
    let lines = try scriptLines()
    let bench = try dataset.openNASHPOBench2()
    var run = NASHPORun(benchmark: bench, surrogateCost: rule)
    var answers: [String] = []
    for (number, line) in lines {
      let query = try ReplayQuery(line: line, number: number)
      let result: QueryResult
      do {
        result =
          logRun
          ? try run.query(query.key, epoch: query.epoch, mode: query.mode, iepoch: query.iepoch, seed: query.seed)
          : try bench.query(
            query.key, epoch: query.epoch, mode: query.mode, iepoch: query.iepoch, seed: query.seed, surrogateCost: rule)
      } catch {
        throw CommandError.badQuery(line: number, reason: "\(error)")
      }
      answers.append(JSONValue.object([.init("accuracy", .number(result.accuracy)), .init("cost", result.cost.json)]).text)
    }
    console.print(answers.joined(separator: "\n"))
    guard wantsResults else { return }
    try writeResults(try run.results(epochs: finalEpochs ?? NASHPOSearchSpace.epochs), log: run.log)
  }
}

/// One line of a replay script.
private struct ReplayQuery {
  let key: NASHPOKey
  let epoch: Int
  let mode: QueryMode
  let iepoch: Int?
  let seed: Int

  init(line: String, number: Int) throws {
    guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
      throw CommandError.badQuery(line: number, reason: "not a JSON object")
    }
    func field<T>(_ name: String, _ convert: (NSNumber) -> T) throws -> T? {
      guard let raw = object[name], !(raw is NSNull) else { return nil }
      guard let number = raw as? NSNumber else {
        throw CommandError.badQuery(line: number, reason: "'\(name)' must be a number")
      }
      return convert(number)
    }
    guard let cellcode = object["cellcode"] as? String, let lr = try field("lr", \.doubleValue),
      let batchSize = try field("batch_size", \.intValue)
    else {
      throw CommandError.badQuery(line: number, reason: "needs cellcode (string), lr and batch_size (numbers)")
    }
    do {
      key = try NASHPOKey(cellcode: cellcode, lr: lr, batchSize: batchSize)
      mode = try QueryMode(parsing: object["mode"] as? String ?? QueryMode.valid.rawValue)
    } catch {
      throw CommandError.badQuery(line: number, reason: "\(error)")
    }
    epoch = try field("epoch", \.intValue) ?? 12
    iepoch = try field("iepoch", \.intValue)
    seed = try field("seed", \.intValue) ?? NASHPOSearchSpace.defaultSeed
  }
}
