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
    \(DatasetOptions.usage)
      --help                 show this help
    """

  var queries: String
  var logRun: Bool
  var resultsJSON: String?
  var resultsPickle: String?
  var resultsCSV: String?
  var finalEpochs: [Int]?
  var dataset: DatasetOptions

  init(parsing arguments: inout Arguments) throws {
    queries = try arguments.required("queries")
    logRun = try arguments.flag("log")
    resultsJSON = try arguments.option("results-json")
    resultsPickle = try arguments.option("results-pickle")
    resultsCSV = try arguments.option("results-csv")
    finalEpochs = try arguments.list(DatasetOption.finalEpochs.rawValue, as: { Int($0) }, expecting: "comma-separated epochs")
    dataset = try DatasetOptions(parsing: &arguments, acceptsJSON: false)
    if !logRun && (resultsJSON != nil || resultsPickle != nil || resultsCSV != nil) {
      throw UsageError.invalidValue(option: "results-json/--results-pickle/--results-csv", value: "without --log", expected: "--log")
    }
    if finalEpochs != nil && !dataset.choice.accepts(.finalEpochs) {
      throw UsageError.notApplicable(option: DatasetOption.finalEpochs.rawValue, dataset: dataset.datasetName)
    }
  }

  /// The script's non-blank lines with their 1-based numbers.
  func scriptLines() throws -> [(number: Int, text: String)] {
    var text: String
    if queries == "-" {
      text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
    } else {
      var isFolder: ObjCBool = false
      guard FileManager.default.fileExists(atPath: queries, isDirectory: &isFolder) else { throw DatasetFileError.missing(path: queries) }
      let attributes = try? FileManager.default.attributesOfItem(atPath: queries)
      guard !isFolder.boolValue, attributes?[.type] as? FileAttributeType == .typeRegular else {
        throw DatasetFileError.unreadable(path: queries, reason: isFolder.boolValue ? "it is a folder, not a file of JSON lines" : "it is not a regular file")
      }
      guard let data = FileManager.default.contents(atPath: queries) else {
        throw DatasetFileError.unreadable(path: queries, reason: "permission denied or an I/O error")
      }
      text = String(decoding: data, as: UTF8.self)
    }
    if text.hasPrefix("\u{FEFF}") { text.removeFirst() }  // a byte-order mark, as CSV files may have
    return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
      .filter { !$0.element.trimmingCharacters(in: .whitespaces).isEmpty }
      .map { ($0.offset + 1, String($0.element)) }
  }

  /// Whether any export was asked for.
  var wantsResults: Bool { logRun && (resultsJSON != nil || resultsPickle != nil || resultsCSV != nil) }

  func run(console: Console) throws {
    let lines = try scriptLines()
    try replay(lines, on: dataset.open(console: console), console: console)
  }

  private func replay<B: RegisteredBenchmark>(_ lines: [(number: Int, text: String)], on benchmark: B, console: Console) throws {
    var run = BenchmarkRun(benchmark: benchmark)
    var answers: [String] = []
    for (number, line) in lines {
      do {
        let request = try benchmark.request(from: JSONValue(parsing: Array(line.utf8)))
        let answer = logRun ? try benchmark.answer(request, loggingIn: &run) : try benchmark.answer(request)
        answers.append(answer.line.text)
      } catch {
        throw CommandError.badQuery(line: number, reason: "\(error)")
      }
    }
    console.print(answers.joined(separator: "\n"))
    guard wantsResults else { return }
    let results = try benchmark.results(of: run, finalEpochs: finalEpochs)
    if let resultsJSON { try writeNewFile(Array(results.json.text.utf8), to: resultsJSON) }
    if let resultsPickle { try writeNewFile(results.pickleBytes, to: resultsPickle) }
    if let resultsCSV { try writeNewFile(Array(run.log.csv(dataset: results.dataset).utf8), to: resultsCSV) }
  }
}
