import Foundation
import Testing
@testable import tabnas

/// Careless and hostile input (issue 12): each finding is a case that failed before; none may
/// crash, hang, or answer wrongly with exit 0.
@Suite("Careless and hostile input")
struct HostileInputTests {
  /// A scratch folder with a small curve file, a zero-epoch file, a NaN file and a folder.
  final class Scratch: @unchecked Sendable {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tabnas-hostile-\(UUID().uuidString)").path
    init() throws {
      try FileManager.default.createDirectory(atPath: folder + "/empty", withIntermediateDirectories: true)
      try "lr,acc_1,acc_2,acc_3\n0.1,0.2,0.5,0.55\n0.2,0.3,0.7,0.72\n0.3,0.1,0.6,0.61\n".write(toFile: curves, atomically: true, encoding: .utf8)
      try "lr,acc_0\n0.1,0.2\n0.2,0.3\n".write(toFile: folder + "/zero.csv", atomically: true, encoding: .utf8)
      try "lr,acc_1,acc_2\n0.1,0.2,nan\n".write(toFile: folder + "/nan.csv", atomically: true, encoding: .utf8)
      try "lr,acc_1,acc_2\n0.1,0.2,1e309\n".write(toFile: folder + "/big.csv", atomically: true, encoding: .utf8)
      try "lr,acc_1,acc_2\ninf,0.2,0.3\n".write(toFile: folder + "/inf.csv", atomically: true, encoding: .utf8)
      try "x".write(toFile: folder + "/afile", atomically: true, encoding: .utf8)
    }
    var curves: String { folder + "/curves.csv" }
    func path(_ name: String) -> String { folder + "/" + name }
    func write(_ name: String, _ text: String) throws -> String {
      try text.write(toFile: path(name), atomically: true, encoding: .utf8)
      return path(name)
    }
    deinit { try? FileManager.default.removeItem(atPath: folder) }
  }

  @Test("numbers the options cannot honour are usage errors naming what is allowed", arguments: [
    (["search", "random", "--runs", "9223372036854775807"], "option --runs expects an integer in 1…1000000"),
    (["search", "random", "--runs", "4611686018427387904", "--shard", "2/2"], "option --runs expects an integer in 1…1000000"),
    (["search", "random", "--shard", "1/9223372036854775807"], "option --shard expects K/N with 1 ≤ K ≤ N ≤ 1000000"),
    (["search", "random", "--budget", "inf"], "option --budget expects a positive finite number"),
    (["search", "random", "--budget", "1" + String(repeating: "0", count: 5000)], "option --budget expects a positive finite number"),
    (["search", "srm-random", "--margin", "nan"], "option --margin expects a number ≥ 0"),
    (["speedup", "--margin", "inf"], "option --margin expects a number ≥ 0"),
    (["predict", "--dataset", "naap440", "--repeats", "0"], "option --repeats expects an integer in 1…10000"),
    (["predict", "--dataset", "naap440", "--models", ","], "option --models expects a list of"),
    (["info", "--synthetic-seed", "3", "--data", "x"], "options --data and --synthetic-seed exclude each other"),
    (["info", "--data", "x", "--cache-dir", "c", "--no-cache"], "options --cache-dir and --no-cache exclude each other"),
    (["search", "bohb", "--random-fraction", "2"], "option --random-fraction expects a fraction in [0, 1]"),
    (["search", "bohb", "--partial-training", "later"], "option --partial-training expects resume or scratch"),
    (["search", "bohb", "--top-percent", "100"], "option --top-percent expects a percentage in (0, 100)"),
    (["search", "bohb", "--min-bandwidth", "0"], "option --min-bandwidth expects a positive finite number"),
    (["search", "reinforce", "--baseline-momentum", "1"], "option --baseline-momentum expects a number in [0, 1)"),
    (["search", "reinforce", "--policy-lr", "nan"], "option --policy-lr expects a positive finite number"),
    (["search", "random", "--samples", "3"], "option --samples does not apply to algorithm random"),
    (["search", "rs-then-rea", "--iterations", "3"], "option --iterations does not apply to algorithm rs-then-rea"),
    (["info", "--dataset", "baker:lstm_ptb", "--no-cache"], "option --no-cache does not apply to dataset baker:lstm_ptb"),
    (["info", "--cache-dir"], "option --cache-dir needs a value"),
    (["convert", "--output", "x", "--json"], "unexpected argument '--json'"),
    (["query", "--cellcode", "0|10|210", "--lr", "0.1", "--lr", "0.2", "--batch-size", "256"], "option --lr is given more than once"),
    (["info", "--json", "--json"], "option --json is given more than once"),
    (["merge"], "missing results folders"),
    (["search", "evolution", "--population", "1000000000"], "option --population expects an integer in 1…1000000"),
    (["search", "hyperband", "--eta", "1.0000001"], "option --eta expects a number in 1.5…100"),
    (["search", "hyperband", "--iterations", "1000000000"], "option --iterations expects an integer in 1…100000"),
    (["speedup", "--orderings", "1000000000"], "option --orderings expects an integer in 1…10000"),
    (["plot", "--out", "x.svg"], "missing results folders"),
  ] as [([String], String)])
  func usageErrors(words: [String], message: String) {
    let result = runTool(words)
    #expect(result.status == 64, "\(words.prefix(4))")
    #expect(result.error.hasPrefix("error: \(message)"), "\(result.error.prefix(300))")
  }

  @Test("failures exit 1 with one line that names the file, option or line")
  func failures() throws {
    let scratch = try Scratch()
    let cases: [([String], String)] = [
      (["search", "random", "--budget", "1e300"], "budget 1e+300 seconds cannot be spent"),
      (["search", "hyperband", "--dataset", "csv:" + scratch.path("zero.csv")], "Hyperband trains configurations partially"),
      (["info", "--dataset", "csv:" + scratch.path("nan.csv")], "line 2, column 3 (acc_2): 'nan' is not a finite number"),
      (["info", "--dataset", "csv:" + scratch.path("big.csv")], "line 2, column 3 (acc_2): '1e309' is not a finite number"),
      (["info", "--dataset", "csv:" + scratch.path("inf.csv")], "line 2, column 1 (lr): 'inf' is not a finite number"),
      (["search", "random", "--runs", "1", "--budget", "1000", "--out", scratch.path("afile")], "cannot write results to \(scratch.path("afile")): a file, not a folder, is there"),
      (["replay", "--queries", scratch.path("empty")], "it is a folder, not a file of JSON lines"),
      (["replay", "--queries", "/dev/zero"], "it is not a regular file"),
      (["predict", "--dataset", "csv:" + scratch.curves, "--protocol", "naap440"], "the naap440 protocol needs the naap440 dataset"),
      (["search", "hyperband", "--dataset", "csv:" + scratch.path("zero.csv"), "--out", scratch.path("never")], "Hyperband trains configurations partially"),
    ]
    for (words, message) in cases {
      let result = runTool(words)
      #expect(result.status == 1, "\(words)")
      #expect(result.error.hasPrefix("error: ") && result.error.contains(message), "\(result.error.prefix(300))")
      #expect(result.error.split(separator: "\n").count == 1, "\(result.error.prefix(300))")
    }
    #expect(!FileManager.default.fileExists(atPath: scratch.path("afile") + "/summary.json"))
    let long = runTool(["info", "--data", "/" + String(repeating: "x", count: 100_000)])
    #expect(long.status == 1 && long.error.count < 2_100 && long.error.contains("(100022 characters)"), "\(long.error.count)")
    #expect(!FileManager.default.fileExists(atPath: scratch.path("never")), "a failed search removes the folder it created")
  }

  @Test("replay lines are read exactly: no number is truncated into a valid one")
  func replayNumbers() throws {
    let scratch = try Scratch()
    let lines = [
      (#"{"cellcode": "0|10|210", "lr": 0.1, "batch_size": 256.5}"#, "'batch_size' must be an integer"),
      (#"{"cellcode": "0|10|210", "lr": 0.1, "batch_size": 18446744073709551872}"#, "'batch_size' must be an integer"),
      (#"{"cellcode": "0|10|210", "lr": 0.1, "batch_size": 256, "iepoch": 3.9}"#, "'iepoch' must be an integer"),
      (#"{"cellcode": "0|10|210", "lr": 0.1, "batch_size": 256, "epoch": 12.7}"#, "'epoch' must be an integer"),
      (#"{"cellcode": "0|10|210", "lr": 0.1, "batch_size": 256, "iepoch": 1e20}"#, "'iepoch' must be an integer"),
      (#"{"cellcode": "0|10|210", "lr": 0.1, "batch_size": 256, "iepoch": 13}"#, "iepoch 13 is out of range"),
    ]
    for (line, message) in lines {
      let result = runTool(["replay", "--queries", try scratch.write("q.jsonl", line + "\n")])
      #expect(result.status == 1 && result.error == "error: query line 1: \(message)\n" || result.error.contains(message), "\(result.error)")
    }
    let exact = runTool(["replay", "--queries", try scratch.write("q.jsonl", "\u{FEFF}" + #"{"cellcode": "0|10|210", "lr": 0.1, "batch_size": 256.0}"# + "\n")])
    #expect(exact.status == 0 && exact.output.hasPrefix(#"{"accuracy": "#), "a byte-order mark and an integral 256.0 are fine")
  }

  @Test("plot and merge refuse folders that do not belong together, naming what differs or is missing")
  func foldersThatDoNotBelong() throws {
    let scratch = try Scratch()
    let nas = scratch.path("nas"), curves = scratch.path("curves"), partial = scratch.path("partial")
    #expect(runTool(["search", "random", "--runs", "2", "--budget", "2000", "--out", nas]).status == 0)
    #expect(runTool(["search", "random", "--runs", "2", "--dataset", "csv:" + scratch.curves, "--out", curves]).status == 0)
    #expect(runTool(["search", "random", "--runs", "3", "--budget", "2000", "--out", partial]).status == 0)
    try FileManager.default.removeItem(atPath: partial + "/seed1.json")
    let mixed = runTool(["plot", nas, curves, "--out", scratch.path("f.svg")])
    #expect(mixed.status == 1 && mixed.error.contains("cannot draw \(curves) with the others: its dataset is"), "\(mixed.error)")
    let missing = runTool(["plot", partial, "--out", scratch.path("g.svg")])
    #expect(missing.status == 1 && missing.error.contains("reports 3 runs, but seed1 is missing"), "\(missing.error)")
    let merged = runTool(["merge", nas, curves])
    #expect(merged.status == 1 && merged.error.contains("differs from"), "\(merged.error)")
    try Data("{".utf8).write(to: URL(fileURLWithPath: nas + "/seed0.json"), options: .atomic)
    let corrupt = runTool(["plot", nas, "--out", scratch.path("h.svg")])
    #expect(corrupt.status == 1 && corrupt.error.contains(nas + "/seed0.json"), "\(corrupt.error)")
    #expect(!FileManager.default.fileExists(atPath: scratch.path("f.svg")))
  }

  @Test("seeds take any UInt64 and outputs name their metric and selection rule")
  func seedsAndNames() throws {
    let scratch = try Scratch()
    let out = scratch.path("big-seed")
    let result = runTool(["search", "random", "--runs", "2", "--budget", "2000", "--seed", "18446744073709551615", "--out", out])
    #expect(result.status == 0, "\(result.error)")
    let summary = try String(contentsOfFile: out + "/summary.json", encoding: .utf8)
    #expect(summary.contains(#""seed": "18446744073709551615""#))
    #expect(result.output.contains("12-epoch test accuracy (%) of each run's best configuration by validation accuracy (%)"))
    #expect(runTool(["merge", out]).status == 0)
    let curve = runTool(["query", "--dataset", "csv:" + scratch.curves, "--index", "0", "--curve", "acc", "--json"])
    #expect(curve.output.contains(#""metric": "curve acc""#))
    let short = runTool(["search", "f-hyperband", "--runs", "1", "--iterations", "1"])
    #expect(short.output.contains("these runs equal Hyperband's: a rung's models are fitted after 100 configurations"))
  }

  @Test("random option values never crash, hang or print NaN with exit 0")
  func randomOptionValues() throws {
    let scratch = try Scratch()
    let values = ["0", "-1", "1", "2", "0.5", "1e309", "-1e309", "nan", "inf", "9223372036854775808", "18446744073709551616",
                  "1.5", "abc", "", "0x10", "3/2", "1/0", ",", "valid", "epochs", String(repeating: "9", count: 400)]
    let commands: [(words: [String], options: [String])] = [
      (["info", "--dataset", "csv:" + scratch.curves], ["cost", "json"]),
      (["query", "--dataset", "csv:" + scratch.curves], ["config", "index", "epoch", "curve", "cost"]),
      (["query", "--cellcode", "0|10|210", "--lr", "0.1", "--batch-size", "256"], ["epoch", "mode", "iepoch", "seed", "surrogate-cost"]),
      (["search", "random", "--dataset", "csv:" + scratch.curves, "--runs", "2"], ["budget", "seed", "jobs", "shard", "format"]),
      (["search", "hyperband", "--dataset", "csv:" + scratch.curves, "--runs", "1"], ["eta", "max-epochs", "iterations", "budget"]),
      (["search", "evolution", "--runs", "1", "--budget", "1500"], ["population", "sample", "seed"]),
    ]
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<150 {
      let command = commands.randomElement(using: &generator)!
      var words = command.words
      for _ in 0..<Int.random(in: 1...2, using: &generator) {
        words += ["--" + command.options.randomElement(using: &generator)!, values.randomElement(using: &generator)!]
      }
      let result = runTool(words)
      #expect([0, 1, 64].contains(result.status), "\(words)")
      if result.status == 0 {
        #expect(!result.output.lowercased().contains("nan"), "\(words): \(result.output.prefix(200))")
      } else {
        #expect(result.error.hasPrefix("error: "), "\(words)")
      }
      if result.status == 1 { #expect(result.error.split(separator: "\n").count == 1, "\(words): \(result.error.prefix(200))") }
    }
  }
}
