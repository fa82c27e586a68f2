import Foundation
import Testing
@testable import tabnas

/// Fixed CLI command lines whose whole output — standard output, standard error, exit status
/// and every file written — must stay byte-identical to the recorded golden files, so that a
/// refactor provably keeps behaviour.
///
/// Record (or re-record after an intended change, then review `git diff`) with
/// `TABNAS_RECORD_GOLDEN=1 swift test --filter GoldenOutputTests`. Cases marked slow run only
/// with `TABNAS_GOLDEN_SLOW=1`; cases on the real data skip when it is absent.
@Suite("Golden outputs of the command line")
struct GoldenOutputTests {
  /// One golden case: command lines run in order in one scratch folder (`$OUT`); `$DATA` is the
  /// real data folder.
  struct Case: Sendable, CustomStringConvertible {
    let name: String
    let commands: [[String]]
    var needsData = false
    var isSlow = false
    var description: String { name }
  }

  static let nasQueries = """
    {"cellcode": "0|10|210", "lr": 0.1, "batch_size": 256}
    {"cellcode": "1|22|301", "lr": 0.025, "batch_size": 64, "iepoch": 3}
    {"cellcode": "0|00|000", "lr": 0.4, "batch_size": 16, "mode": "test", "seed": 555}
    {"cellcode": "3|13|032", "lr": 0.003125, "batch_size": 512, "epoch": 200}
    {"cellcode": "0|10|210", "lr": 0.2, "batch_size": 32, "mode": "train", "iepoch": 12}

    """
  static let curveQueries = """
    {"config": 0, "epoch": 3}
    {"index": 5}
    {"config": 7, "epoch": 20}
    {"config": 2, "epoch": 1}

    """
  static let smallCurves = "ModelId,lr,depth,acc_1,acc_2,acc_3\n10,0.1,3,0.2,0.5,0.55\n11,0.2,4,0.3,0.7,0.72\n12,0.3,5,0.1,0.6,0.61\n"

  static let cases: [Case] = [
    Case(name: "info", commands: [["info"]]),
    Case(name: "info-json", commands: [["info", "--json", "--synthetic-seed", "3"]]),
    Case(name: "query", commands: [["query", "--cellcode", "0|10|210", "--lr", "0.1", "--batch-size", "256"]]),
    Case(
      name: "query-json",
      commands: [
        ["query", "--cellcode", "1|22|301", "--lr", "0.025", "--batch-size", "64", "--mode", "test", "--iepoch", "3", "--seed", "555", "--json"],
        ["query", "--cellcode", "1|22|301", "--lr", "0.025", "--batch-size", "64", "--epoch", "200", "--surrogate-cost", "extrapolated", "--json"],
        ["query", "--cellcode", "1|22|301", "--lr", "0.025", "--batch-size", "64", "--epoch", "200"],
      ]),
    Case(
      name: "replay",
      commands: [
        ["replay", "--queries", "$OUT/nas.jsonl", "--log", "--surrogate-cost", "extrapolated", "--results-json", "$OUT/r.json",
         "--results-pickle", "$OUT/r.pkl", "--results-csv", "$OUT/r.csv"],
        ["replay", "--queries", "$OUT/nas.jsonl", "--surrogate-cost", "extrapolated", "--final-epochs", "12"],
      ]),
    Case(name: "convert", commands: [["convert", "--output", "$OUT/table.tabnas"], ["info", "--data", "$OUT/table.tabnas", "--json"]]),
    Case(name: "search-random", commands: [["search", "random", "--runs", "4", "--budget", "5000", "--out", "$OUT/random"]]),
    Case(
      name: "search-evolution-json",
      commands: [["search", "evolution", "--runs", "3", "--budget", "5000", "--seed", "7", "--json", "--out", "$OUT/evolution", "--format", "pickle"]]),
    Case(name: "search-hyperband", commands: [["search", "hyperband", "--runs", "2", "--iterations", "1", "--json", "--out", "$OUT/hb"]]),
    Case(name: "search-f-hyperband", commands: [["search", "f-hyperband", "--runs", "2", "--iterations", "2", "--json"]]),
    Case(name: "search-srm-random", commands: [["search", "srm-random", "--runs", "2", "--budget", "50000", "--json"]]),
    Case(name: "search-srm-evolution", commands: [["search", "srm-evolution", "--runs", "2", "--budget", "30000"]]),
    Case(
      name: "shards-merge-plot",
      commands: [
        ["search", "random", "--runs", "5", "--budget", "3000", "--shard", "1/2", "--out", "$OUT/s1"],
        ["search", "random", "--runs", "5", "--budget", "3000", "--shard", "2/2", "--out", "$OUT/s2", "--json"],
        ["merge", "$OUT/s1", "$OUT/s2"],
        ["merge", "$OUT/s1", "$OUT/s2", "--json", "--out", "$OUT/merged"],
        ["search", "evolution", "--runs", "5", "--budget", "3000", "--out", "$OUT/e", "--format", "pickle"],
        ["plot", "$OUT/s1", "$OUT/e", "--out", "$OUT/figure.svg"],
      ]),
    Case(name: "speedup-nashpobench2", commands: [["speedup", "--orderings", "1", "--deltas", "0.9", "--json"]], isSlow: true),
    Case(
      name: "curves-csv",
      commands: [
        ["info", "--dataset", "csv:$OUT/small.csv"], ["info", "--dataset", "csv:$OUT/small.csv", "--json"],
        ["query", "--dataset", "csv:$OUT/small.csv", "--config", "11", "--epoch", "2", "--json"],
        ["query", "--dataset", "csv:$OUT/small.csv", "--index", "2", "--cost", "depth*epochs"],
        ["search", "random", "--dataset", "csv:$OUT/small.csv", "--runs", "3", "--json"],
      ]),
    Case(
      name: "naap440", commands: [
        ["info", "--dataset", "naap440", "--data", "$DATA"], ["info", "--dataset", "naap440", "--data", "$DATA", "--json"],
        ["query", "--dataset", "naap440", "--data", "$DATA", "--config", "17", "--epoch", "9"],
        ["query", "--dataset", "naap440", "--data", "$DATA", "--config", "17", "--curve", "LossMean", "--cost", "NumMACs*epochs", "--json"],
      ], needsData: true),
    Case(
      name: "baker-info-query",
      commands: [
        ["info", "--dataset", "baker:metaqnn_cifar10", "--data", "$DATA"],
        ["info", "--dataset", "baker:lstm_ptb", "--data", "$DATA", "--json"],
        ["query", "--dataset", "baker:lstm_ptb", "--data", "$DATA", "--config", "3", "--epoch", "5"],
        ["query", "--dataset", "baker:deep_resnets_cifar10", "--data", "$DATA", "--index", "4", "--json"],
      ], needsData: true),
    Case(
      name: "baker-replay",
      commands: [
        ["replay", "--dataset", "baker:metaqnn_cifar10", "--data", "$DATA", "--queries", "$OUT/curves.jsonl", "--log",
         "--results-json", "$OUT/r.json", "--results-pickle", "$OUT/r.pkl", "--results-csv", "$OUT/r.csv"],
      ], needsData: true),
    Case(
      name: "baker-searches",
      commands: [
        ["search", "random", "--dataset", "baker:deep_resnets_cifar10", "--data", "$DATA", "--runs", "3", "--out", "$OUT/random"],
        ["search", "evolution", "--dataset", "baker:metaqnn_cifar10", "--data", "$DATA", "--runs", "3", "--json"],
        ["search", "hyperband", "--dataset", "baker:lstm_ptb", "--data", "$DATA", "--runs", "2", "--iterations", "2", "--json"],
        ["search", "srm-random", "--dataset", "baker:metaqnn_cifar10", "--data", "$DATA", "--runs", "2", "--budget", "3000", "--json"],
        ["search", "f-hyperband", "--dataset", "baker:deep_resnets_cifar10", "--data", "$DATA", "--runs", "2", "--iterations", "3"],
      ], needsData: true),
    Case(
      name: "baker-speedup-predict",
      commands: [
        ["speedup", "--dataset", "baker:deep_resnets_cifar10", "--data", "$DATA", "--deltas", "0.99", "--orderings", "2"],
        ["speedup", "--dataset", "baker:metaqnn_cifar10", "--data", "$DATA", "--deltas", "0.95", "--orderings", "2", "--json"],
        ["predict", "--dataset", "baker:metaqnn_cifar10", "--data", "$DATA", "--models", "ols,random-forest", "--repeats", "2", "--draws", "2"],
        ["predict", "--dataset", "baker:lstm_ptb", "--data", "$DATA", "--models", "ols", "--features", "ts,hp", "--repeats", "2", "--draws", "2", "--json"],
      ], needsData: true),
    Case(
      name: "naap440-protocol",
      commands: [["predict", "--dataset", "naap440", "--protocol", "naap440", "--data", "$DATA", "--models", "ols", "--draws", "2", "--json"]],
      needsData: true, isSlow: true),
  ]

  static let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
  static let environment = ProcessInfo.processInfo.environment

  @Test("the command line's output is byte-identical to the recorded golden file", arguments: cases)
  func golden(_ item: Case) throws {
    if item.isSlow && Self.environment["TABNAS_GOLDEN_SLOW"] == nil { return }
    let data = realData
    if item.needsData && data == nil {
      print("skipping golden case \(item.name): real data not found (set TABNAS_DATA or place it at ../shared/data)")
      return
    }
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("tabnas-golden-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    try Self.nasQueries.write(toFile: scratch + "/nas.jsonl", atomically: true, encoding: .utf8)
    try Self.curveQueries.write(toFile: scratch + "/curves.jsonl", atomically: true, encoding: .utf8)
    try Self.smallCurves.write(toFile: scratch + "/small.csv", atomically: true, encoding: .utf8)
    let inputs: Set<String> = ["nas.jsonl", "curves.jsonl", "small.csv"]

    var document = ""
    for command in item.commands {
      let words = command.map { $0.replacing("$OUT", with: scratch).replacing("$DATA", with: data ?? "") }
      let result = runTool(words)
      document += "$ tabnas \(command.joined(separator: " "))\n== status \(result.status)\n== stdout\n\(result.output)"
      if !result.error.isEmpty { document += "== stderr\n\(result.error)" }
    }
    for file in try Self.files(below: scratch) where !inputs.contains(file) {
      let bytes = try Data(contentsOf: URL(fileURLWithPath: scratch + "/" + file))
      if let text = String(data: bytes, encoding: .utf8), bytes.count <= 200_000, !file.hasSuffix(".pkl") {
        document += "== file \(file)\n\(text)\n"
      } else {
        document += "== file \(file): \(bytes.count) bytes, FNV-1a \(String(Self.fnv1a(bytes), radix: 16))\n"
      }
    }
    document = document.replacing(scratch, with: "$OUT")
    if let data { document = document.replacing(data, with: "$DATA") }

    let golden = Self.goldenFolder.appendingPathComponent(item.name + ".txt")
    if Self.environment["TABNAS_RECORD_GOLDEN"] != nil {
      try FileManager.default.createDirectory(at: Self.goldenFolder, withIntermediateDirectories: true)
      try document.write(to: golden, atomically: true, encoding: .utf8)
      return
    }
    let recorded = try String(contentsOf: golden, encoding: .utf8)
    if recorded != document {
      let ours = document.split(separator: "\n", omittingEmptySubsequences: false)
      let theirs = recorded.split(separator: "\n", omittingEmptySubsequences: false)
      let line = (0..<min(ours.count, theirs.count)).first { ours[$0] != theirs[$0] } ?? min(ours.count, theirs.count)
      Issue.record(
        "\(item.name): output differs from Golden/\(item.name).txt at line \(line + 1):\n  now:    \(line < ours.count ? ours[line] : "<end>")\n  golden: \(line < theirs.count ? theirs[line] : "<end>")")
    }
  }

  /// Every file below a folder, as sorted relative paths.
  static func files(below folder: String) throws -> [String] {
    let enumerator = FileManager.default.enumerator(atPath: folder)
    var files: [String] = []
    while let path = enumerator?.nextObject() as? String {
      var isFolder: ObjCBool = false
      if FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isFolder), !isFolder.boolValue {
        files.append(path)
      }
    }
    return files.sorted()
  }

  static func fnv1a(_ bytes: Data) -> UInt64 {
    bytes.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01B3 }
  }
}
