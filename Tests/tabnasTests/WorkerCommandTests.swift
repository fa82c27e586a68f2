import Foundation
import TabularNAS
import Testing
@testable import tabnas

@Suite("tabnas search --workers and plot --x time")
struct WorkerCommandTests {
  private func temporaryFolder() -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("tabnas-\(UUID().uuidString)").path
  }

  private func json(_ path: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
  }

  @Test("runs on simulated workers write timelines and worker utilisation, and plot against simulated time")
  func workers() throws {
    let (asha, random, sequential) = (temporaryFolder(), temporaryFolder(), temporaryFolder())
    let figure = temporaryFolder() + ".svg"
    defer { for path in [asha, random, sequential, figure] { try? FileManager.default.removeItem(atPath: path) } }
    let words = ["--workers", "4", "--budget-time", "6000", "--runs", "5", "--seed", "2"]
    let first = runTool(["search", "asha"] + words + ["--out", asha])
    #expect(first.status == 0, "\(first.error)")
    #expect(first.output.contains("workers        4 simulated") && first.output.contains("% of worker time training"))
    #expect(runTool(["search", "random"] + words + ["--out", random]).status == 0)
    let run = try json(asha + "/seed3.json")
    let timeline = try #require(run["timeline"] as? [String: Any])
    #expect((timeline["end"] as? [Double])?.count == (run["acc_trans"] as? [Double])?.count)
    #expect((timeline["end"] as? [Double])?.allSatisfy { $0 <= 6000 } == true)
    let summary = try json(asha + "/summary.json")
    #expect(summary["workers"] as? Int == 4 && summary["budget_kind"] as? String == "time")
    #expect((summary["utilisations"] as? [Double])?.count == 5)
    let plot = runTool(["plot", asha, random, "--x", "time", "--out", figure])
    #expect(plot.status == 0, "\(plot.error)")
    #expect(plot.output.contains("asha, 4 workers (5 runs)"))
    #expect(try String(contentsOfFile: figure, encoding: .utf8).contains("simulated wall-clock time (seconds)"))
    #expect(runTool(["search", "random", "--runs", "2", "--budget", "3000", "--out", sequential]).status == 0)
    let refused = runTool(["plot", sequential, "--x", "time", "--out", figure + ".2.svg"])
    #expect(refused.status == 1 && refused.error.contains("a search run with --workers"))
  }

  @Test("shards of a search on workers merge into the unsharded summary")
  func shards() throws {
    let folders = (0..<2).map { _ in temporaryFolder() }
    defer { for folder in folders { try? FileManager.default.removeItem(atPath: folder) } }
    let words = ["search", "async-hyperband", "--workers", "3", "--trials", "40", "--runs", "5", "--seed", "7"]
    for shard in 1...2 { #expect(runTool(words + ["--shard", "\(shard)/2", "--out", folders[shard - 1]]).status == 0) }
    let merged = runTool(["merge"] + folders + ["--json"])
    #expect(merged.status == 0, "\(merged.error)")
    #expect(merged.output == runTool(words + ["--json"]).output)
  }

  @Test("budget and worker options are validated before any work", arguments: [
    (["--budget", "100", "--trials", "5"], "exclude each other"),
    (["--budget-time", "inf"], "a positive finite number"),
    (["--workers", "0"], "an integer in 1…4096"),
    (["--trials", "2000000"], "an integer in 1…1000000"),
    (["--workers", "2", "--format", "pickle"], "no timeline"),
    (["--overhead", "-1"], "non-negative"),
    (["--rungs", "1,3"], "does not apply to algorithm random"),
  ])
  func refused(words: [String], message: String) {
    let result = runTool(["search", "random", "--runs", "1"] + words)
    #expect(result.status == 64 && result.error.contains(message), "\(result.error)")
  }

  @Test("settings the dataset cannot honour are errors naming what is allowed")
  func datasetErrors() throws {
    let table = try writeCurveTable()
    defer { try? FileManager.default.removeItem(atPath: table) }
    let measured = runTool(["search", "asha", "--dataset", "csv:" + table, "--overhead", "measured", "--runs", "1"])
    #expect(measured.status == 1 && measured.error.contains("not seconds"), "\(measured.error)")
    let rungs = runTool(["search", "asha", "--rungs", "1,3,30", "--runs", "1"])
    #expect(rungs.status == 1 && rungs.error.contains("outside the dataset's epochs 1…12"), "\(rungs.error)")
    let descending = runTool(["search", "asha", "--rungs", "9,3", "--runs", "1"])
    #expect(descending.status == 1 && descending.error.contains("ascend"), "\(descending.error)")
  }
}
