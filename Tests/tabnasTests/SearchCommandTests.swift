import Foundation
import TabularNAS
import Testing
@testable import tabnas

@Suite("tabnas search")
struct SearchCommandTests {
  private func temporaryFolder() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("tabnas-\(UUID().uuidString)").path
  }

  @Test("writes one result per run and a summary, identical whatever --jobs, and never overwrites")
  func writesResults() throws {
    let (first, second) = (temporaryFolder(), temporaryFolder())
    defer { for folder in [first, second] { try? FileManager.default.removeItem(atPath: folder) } }
    let words = ["search", "evolution", "--runs", "6", "--budget", "5000", "--seed", "3"]
    let one = runTool(words + ["--jobs", "1", "--out", first, "--json"])
    let two = runTool(words + ["--jobs", "2", "--out", second, "--json"])
    #expect(one.status == 0, "\(one.error)")
    #expect(one.output == two.output)
    for index in 0..<6 {
      #expect(
        try Data(contentsOf: URL(fileURLWithPath: "\(first)/seed\(index).json"))
          == Data(contentsOf: URL(fileURLWithPath: "\(second)/seed\(index).json")))
    }
    let summary = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: first + "/summary.json"))) as? [String: Any])
    #expect(summary["runs"] as? Int == 6 && summary["algorithm"] as? String == "evolution")
    let again = runTool(words + ["--out", first])
    #expect(again.status == 1 && again.error.contains("refusing to overwrite"))
  }

  @Test("shards merged equal one unsharded search; gaps and mixed searches are refused")
  func shardAndMerge() throws {
    let folders = (0..<4).map { _ in temporaryFolder() }
    defer { for folder in folders { try? FileManager.default.removeItem(atPath: folder) } }
    let words = ["search", "random", "--runs", "7", "--budget", "4000", "--seed", "5"]
    for shard in 1...3 { #expect(runTool(words + ["--shard", "\(shard)/3", "--out", folders[shard - 1]]).status == 0) }
    let merged = runTool(["merge"] + folders.prefix(3) + ["--json", "--out", folders[3]])
    #expect(merged.status == 0, "\(merged.error)")
    #expect(merged.output == runTool(words + ["--json"]).output)
    #expect(FileManager.default.fileExists(atPath: folders[3] + "/summary.json"))
    let gap = runTool(["merge", folders[0], folders[2]])
    #expect(gap.status == 1 && gap.error.contains("is in no shard"))
    let twice = runTool(["merge", folders[0], folders[0], folders[1], folders[2]])
    #expect(twice.status == 1 && twice.error.contains("appears twice"))
    #expect(runTool(["search", "random", "--runs", "2", "--shard", "1/3"]).status == 1)
    #expect(runTool(["search", "random", "--shard", "4/3"]).status == 64)
  }

  @Test("--format pickle writes the reference baselines' get_results dicts")
  func pickles() throws {
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    #expect(runTool(["search", "random", "--runs", "2", "--budget", "3000", "--out", folder, "--format", "pickle"]).status == 0)
    let value = try PickleDecoder().decode(Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/seed1.pkl"))))
    for key in ["acc_trans", "key_trans", "best_acc_trans", "best_key_trans", "total_cost_trans", "final_accs"] {
      #expect(value[key] != nil, "missing \(key)")
    }
  }

  @Test("the early-stopping searches and f-Hyperband run on NAS-HPO-Bench-II; --iterations bounds Hyperband's passes")
  func earlyStoppingOnNASHPOBench2() throws {
    func summary(_ words: [String]) throws -> [String: Any] {
      let result = runTool(["search"] + words + ["--json"])
      #expect(result.status == 0, "\(result.error)")
      return try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    }
    let random = try summary(["random", "--runs", "2", "--budget", "60000"])
    let stopping = try summary(["srm-random", "--runs", "2", "--budget", "60000", "--fully-trained", "20", "--model", "ridge"])
    let tried = { (summary: [String: Any]) in summary["mean_configurations"] as? Double ?? 0 }
    #expect(tried(stopping) > tried(random))  // early stopping tries more configurations in the same budget
    let plain = try summary(["hyperband", "--runs", "2", "--iterations", "3"])
    let fast = try summary(["f-hyperband", "--runs", "2", "--iterations", "3", "--burn-in", "10", "--model", "ridge"])
    #expect(plain["budget"] is NSNull && (plain["costs"] as? [Double])?.count == 2)
    #expect(tried(plain) == tried(fast))
    #expect((fast["mean_cost"] as? Double ?? .infinity) < (plain["mean_cost"] as? Double ?? 0))
    let text = runTool(["search", "hyperband", "--runs", "1", "--iterations", "1"])
    #expect(text.output.contains("budget unlimited") && text.output.contains("distinct configurations"))
  }

  @Test("every help text shows its option lists, not the code that builds them", arguments: ["search", "speedup", "predict", "query", "info"])
  func help(command: String) {
    let result = runTool([command, "--help"])
    #expect(result.status == 0)
    #expect(!result.output.contains("\\(") && result.output.contains("--dataset NAME"))
  }

  @Test("bad options are usage errors", arguments: [
    (["search"], "missing required option --algorithm (random, evolution, hyperband, f-hyperband, srm-random, srm-evolution, successive-halving, asha, async-hyperband, reinforce, bohb, rs-then-rea or bohb-then-rea)"),
    (["search", "annealing"], "option --algorithm expects random, evolution, hyperband, f-hyperband, srm-random, srm-evolution, successive-halving, asha, async-hyperband, reinforce, bohb, rs-then-rea or bohb-then-rea, got 'annealing'"),
    (["search", "random", "--budget", "-5"], "option --budget expects a positive finite number, got '-5'"),
    (["search", "random", "--format", "csv"], "option --format expects json or pickle, got 'csv'"),
  ] as [([String], String)])
  func usageErrors(words: [String], message: String) {
    let result = runTool(words)
    #expect(result.status == 64)
    #expect(result.error.hasPrefix("error: \(message)"), "\(result.error)")
  }
}

@Suite("tabnas plot")
struct PlotCommandTests {
  @Test("draws one mean line and band per folder, with labelled log axis and legend")
  func plot() throws {
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("tabnas-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: base) }
    #expect(runTool(["search", "random", "--runs", "5", "--budget", "3000", "--out", base + "/random"]).status == 0)
    #expect(
      runTool(["search", "evolution", "--runs", "5", "--budget", "3000", "--out", base + "/evolution", "--format", "pickle"])
        .status == 0)
    let result = runTool(["plot", base + "/random", base + "/evolution", "--out", base + "/figure.svg"])
    #expect(result.status == 0, "\(result.error)")
    let svg = try String(contentsOfFile: base + "/figure.svg", encoding: .utf8)
    #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
    #expect(svg.components(separatedBy: "<polyline").count == 3 && svg.components(separatedBy: "<polygon").count == 3)
    #expect(svg.contains(">random (5 runs)<") && svg.contains(">evolution (5 runs)<"))
    #expect(svg.contains("cumulative cost (seconds) (log scale)") && svg.contains("best validation value so far"))
    #expect(runTool(["plot", base + "/random", "--out", base + "/figure.svg"]).status == 1)
    #expect(runTool(["plot", base + "/random"]).status == 64)
  }

  @Test("REINFORCE, BOHB and the two-stage searches run; BOHB's outputs say how partial training is paid; a table of rows is refused for the product-space ones")
  func referenceBaselines() throws {
    for algorithm in ["reinforce", "bohb", "rs-then-rea", "bohb-then-rea"] {
      let result = runTool(["search", algorithm, "--runs", "2", "--budget", "3000", "--json"])
      #expect(result.status == 0, "\(algorithm): \(result.error)")
      let summary = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
      #expect((summary["algorithm"] as? String)?.hasPrefix(algorithm) == true)
    }
    let scratch = runTool(["search", "bohb", "--runs", "1", "--iterations", "1", "--partial-training", "scratch"])
    #expect(scratch.output.hasPrefix("bohb (partial training from scratch) on NAS-HPO-Bench-II"), "\(scratch.output)")
    let path = try writeCurveTable()
    defer { try? FileManager.default.removeItem(atPath: path) }
    let refused = runTool(["search", "reinforce", "--dataset", "csv:" + path, "--runs", "1"])
    #expect(refused.status == 1)
    #expect(refused.error.contains("reinforce cannot be used here: its policy needs configurations that are every combination of categorical choices"))
    let bohb = runTool(["search", "bohb", "--dataset", "csv:" + path, "--runs", "1", "--budget", "10"])
    #expect(bohb.status == 0, "\(bohb.error)")
    let smallest = runTool(["search", "bohb", "--runs", "1", "--min-epochs", "13"])
    #expect(smallest.status == 1 && smallest.error.contains("a smallest budget of 13 epochs cannot be used here: it must lie in 1…12"))
    let largest = runTool(["search", "bohb", "--runs", "1", "--max-epochs", "13"])
    #expect(largest.status == 1 && largest.error == "error: maximum epochs R = 13 is outside the dataset's epochs 1…12\n")
  }
}
