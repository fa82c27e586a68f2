import Foundation
import TabularNAS
import Testing
@testable import tabnas

@Suite("Error paths of the learning-curve, prediction and search commands")
struct ErrorPathTests {
  private func temporaryFolder() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("tabnas-\(UUID().uuidString)").path
  }

  @Test(
    "speedup, replay and search options are usage errors naming what is allowed",
    arguments: [
      (["speedup", "--dataset", "naap440", "--deltas", "0.9,1.5"], "option --deltas expects probabilities in (0, 1), got '0.9,1.5'"),
      (["speedup", "--dataset", "naap440", "--checkpoints", "0.5,"], "option --checkpoints expects fractions in (0, 1), got '0.5,'"),
      (["speedup", "--dataset", "naap440", "--fully-trained", "2"], "option --fully-trained expects an integer ≥ 5, got '2'"),
      (["speedup", "--dataset", "naap440", "--model", "svm"], "option --model expects nu-svr-rbf"),
      (["search", "random", "--kappa", "0.5"], "option --kappa does not apply to algorithm random"),
      (["search", "evolution", "--iterations", "2"], "option --iterations does not apply to algorithm evolution"),
      (["search", "f-hyperband", "--kappa", "0"], "option --kappa expects a proportion in (0, 1], got '0'"),
      (["search", "hyperband", "--eta", "1"], "option --eta expects a number in 1.5…100, got '1'"),
      (["search", "srm-random", "--threshold", "1"], "option --threshold expects a probability in (0, 1), got '1'"),
      (["search", "evolution", "--population", "0"], "option --population expects an integer in 1…1000000, got '0'"),
      (["search", "srm-evolution", "--sample", "x"], "option --sample expects an integer in 1…1000000, got 'x'"),
      (["search", "hyperband", "--max-epochs", "-1"], "option --max-epochs expects a positive integer, got '-1'"),
      (["search", "f-hyperband", "--iterations", "0"], "option --iterations expects an integer in 1…100000, got '0'"),
      (["search", "srm-random", "--margin", "-0.1"], "option --margin expects a number ≥ 0, got '-0.1'"),
      (["search", "f-hyperband", "--checkpoints", "0.5,1"], "option --checkpoints expects fractions in (0, 1), got '0.5,1'"),
      (["search", "srm-evolution", "--model", "svm"], "option --model expects nu-svr-rbf"),
      (["search", "srm-random", "--fully-trained", "4"], "option --fully-trained expects an integer ≥ 5, got '4'"),
      (["search", "f-hyperband", "--burn-in", "4"], "option --burn-in expects an integer ≥ 5, got '4'"),
      (["search", "srm-random", "--burn-in", "50"], "option --burn-in does not apply to algorithm srm-random"),
      (["search", "random", "--population", "5"], "option --population does not apply to algorithm random"),
      (["replay", "--queries", "q.jsonl", "--final-epochs", "12,x"], "option --final-epochs expects comma-separated epochs, got '12,x'"),
    ] as [([String], String)])
  func usageErrors(words: [String], message: String) {
    let result = runTool(words)
    #expect(result.status == 64)
    #expect(result.error.hasPrefix("error: \(message)"), "\(result.error)")
  }

  @Test("Hyperband refuses a full training length R outside the dataset's epochs", arguments: ["hyperband", "f-hyperband"])
  func maximumEpochs(algorithm: String) {
    let result = runTool(["search", algorithm, "--runs", "1", "--max-epochs", "13"])
    #expect(result.status == 1)
    #expect(result.error == "error: maximum epochs R = 13 is outside the dataset's epochs 1…12\n")
  }

  @Test("merge refuses shards of different searches; plot refuses folders without results")
  func mergeAndPlot() throws {
    let (first, second, empty) = (temporaryFolder(), temporaryFolder(), temporaryFolder())
    defer { for folder in [first, second, empty] { try? FileManager.default.removeItem(atPath: folder) } }
    #expect(runTool(["search", "random", "--runs", "4", "--budget", "3000", "--shard", "1/2", "--out", first]).status == 0)
    #expect(runTool(["search", "random", "--runs", "4", "--budget", "4000", "--shard", "2/2", "--out", second]).status == 0)
    let merged = runTool(["merge", first, second])
    #expect(merged.status == 1)
    #expect(merged.error == "error: cannot merge \(second): its budget differs from \(first)'s\n")
    try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
    let plot = runTool(["plot", empty, "--out", empty + "/figure.svg"])
    #expect(plot.status == 1)
    #expect(plot.error == "error: cannot read \(empty): no seed*.json or seed*.pkl results\n")
    #expect(runTool(["merge", empty]).status == 1)
    try Data(#"{"first_run": 0, "total_runs": 1, "finals": [0.5]}"#.utf8).write(to: URL(fileURLWithPath: empty + "/summary.json"))
    let old = runTool(["merge", empty])
    #expect(old.status == 1)
    #expect(
      old.error
        == "error: cannot read \(empty)/summary.json: it lacks first_run or per-run finals, costs and configurations; rerun the search\n")
  }
}
