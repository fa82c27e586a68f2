import Foundation
import Testing
@testable import Baselines
@testable import TabularNAS

@Suite("A search's results folder: written, read back, validated and merged")
struct SearchResultsFolderTests {
  private static let bench = NASHPOBench2.synthetic()

  private func report(runs: Range<Int>, total: Int, results: [SearchRunResults<NASHPOKey>]) -> SearchReport {
    SearchReport(
      algorithm: "random", dataset: Self.bench.label, budget: 3000, costUnit: "seconds", seed: 4, finalEpochs: [12, 200],
      direction: .higherIsBetter, totalRuns: total, firstRun: runs.lowerBound,
      summary: SearchSummary(results: results, datasetBest: 90, direction: .higherIsBetter))
  }

  @Test("a folder reads back the report and runs it wrote, in JSON and pickle, and never overwrites")
  func roundTrip() throws {
    let runner = SearchRunner(algorithm: .random, settings: SearchSettings(), budget: 3000, seed: 4)
    let results = try runner.run(on: Self.bench, runs: 0..<3)
    for format in SearchResultsFolder.Format.allCases {
      let path = FileManager.default.temporaryDirectory.appendingPathComponent("tabnas-folder-\(UUID().uuidString)").path
      defer { try? FileManager.default.removeItem(atPath: path) }
      let folder = SearchResultsFolder(path: path)
      try folder.create()
      let written = report(runs: 0..<3, total: 3, results: results)
      try folder.write(runs: Array(zip(0..<3, results)), format: format, report: written)
      #expect(try folder.readReport() == written)
      let runs = try folder.readRuns()
      #expect(runs.map(\.totalCosts) == results.map(\.totalCosts) && runs.map(\.bestValues) == results.map(\.bestValues))
      #expect(throws: ExportError.fileExists(path: folder.summaryPath)) { try folder.writeReport(written) }
    }
  }

  @Test("shards merge into the unsharded report; mixed searches, overlaps and gaps are refused")
  func merging() throws {
    let runner = SearchRunner(algorithm: .random, settings: SearchSettings(), budget: 3000, seed: 4)
    let all = try runner.run(on: Self.bench, runs: 0..<5)
    let first = report(runs: 0..<2, total: 5, results: Array(all[0..<2]))
    let second = report(runs: 2..<5, total: 5, results: Array(all[2..<5]))
    #expect(try SearchReport.merging([("a", first), ("b", second)]) == report(runs: 0..<5, total: 5, results: all))
    #expect(throws: ResultsFolderError.mismatch(folder: "a, b", reason: "run 2 of 5 is in no shard")) {
      try SearchReport.merging([("a", first), ("b", report(runs: 3..<5, total: 5, results: Array(all[3..<5])))])
    }
    #expect(throws: ResultsFolderError.mismatch(folder: "b", reason: "run 0 appears twice")) {
      try SearchReport.merging([("a", first), ("b", first)])
    }
    let other = SearchReport(
      algorithm: "evolution", dataset: first.dataset, budget: 3000, costUnit: "seconds", seed: 4, finalEpochs: [12, 200],
      direction: .higherIsBetter, totalRuns: 5, firstRun: 2, summary: second.summary)
    #expect(throws: ResultsFolderError.mismatch(folder: "b", reason: "its algorithm differs from a's")) {
      try SearchReport.merging([("a", first), ("b", other)])
    }
    #expect(throws: ResultsFolderError.noShards) { try SearchReport.merging([]) }
  }

  @Test("an unlimited budget is written as null and read back as infinity")
  func unlimitedBudget() throws {
    let runner = SearchRunner(algorithm: .hyperband, settings: { var s = SearchSettings(); s.iterations = 1; return s }(), budget: nil, seed: 0)
    #expect(try runner.budget(on: Self.bench) == .cost(.infinity))
    let results = try runner.run(on: Self.bench, runs: 0..<1)
    let written = SearchReport(
      algorithm: "hyperband", dataset: "d", budget: .infinity, costUnit: "seconds", seed: UInt64.max, finalEpochs: [12],
      direction: .higherIsBetter, totalRuns: 1, firstRun: 0,
      summary: SearchSummary(results: results, datasetBest: 90, direction: .higherIsBetter))
    #expect(written.json.text.contains(#""budget": null"#))
    #expect(try SearchReport(json: JSONValue(parsing: Array(written.json.text.utf8)), path: "s.json") == written)
  }
}
