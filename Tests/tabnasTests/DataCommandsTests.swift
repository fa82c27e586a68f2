import Foundation
import TabularNAS
import Testing
@testable import tabnas


private func temporaryPath(_ suffix: String) -> String {
  FileManager.default.temporaryDirectory.appendingPathComponent("tabnas-\(UUID().uuidString)\(suffix)").path
}

@Suite("tabnas convert, --data and replay")
struct DataCommandsTests {
  @Test("convert writes a native file that query reads, and never overwrites")
  func convertAndQuery() throws {
    let native = temporaryPath(".tabnas")
    defer { try? FileManager.default.removeItem(atPath: native) }
    #expect(runTool(["convert", "--output", native]).status == 0)
    let viaFile = runTool(["query", "--data", native, "--cellcode", "0|10|210", "--lr", "0.1", "--batch-size", "256", "--json"])
    let builtIn = runTool(["query", "--cellcode", "0|10|210", "--lr", "0.1", "--batch-size", "256", "--json"])
    #expect(viaFile.status == 0)
    #expect(viaFile.output == builtIn.output)
    let again = runTool(["convert", "--output", native])
    #expect(again.status == 1)
    #expect(again.error.contains("refusing to overwrite"))
    #expect(runTool(["convert"]).status == 64)
  }

  @Test("--data names what is wrong with a path")
  func badData() {
    let missing = runTool(["info", "--data", "/nonexistent/nashpobench2"])
    #expect(missing.status == 1)
    #expect(missing.error.contains("no file or folder at /nonexistent/nashpobench2"))
    let notNative = runTool(["info", "--data", "/etc/hostname"])
    #expect(notNative.status == 1)
    #expect(notNative.error.contains("not a TabularNAS native file"))
  }

  @Test("replay answers each line, logs a run and exports get_results as JSON and pickle")
  func replay() throws {
    let queries = temporaryPath(".jsonl"), json = temporaryPath(".json"), pickle = temporaryPath(".pkl")
    defer { for path in [queries, json, pickle] { try? FileManager.default.removeItem(atPath: path) } }
    try """
      {"cellcode": "0|10|210", "lr": 0.1, "batch_size": 256}
      {"cellcode": "0|00|000", "lr": 0.025, "batch_size": 64, "iepoch": 4, "seed": 555}

      """.write(toFile: queries, atomically: true, encoding: .utf8)
    let result = runTool(["replay", "--queries", queries, "--log", "--results-json", json, "--results-pickle", pickle])
    #expect(result.status == 0)
    let lines = result.output.split(separator: "\n")
    #expect(lines.count == 2)
    let bench = NASHPOBench2.synthetic()
    let second = try bench.queryByKey(cellcode: "0|00|000", lr: 0.025, batchSize: 64, iepoch: 4, seed: 555)
    #expect(lines[1] == #"{"accuracy": \#(second.accuracy), "cost": \#(second.cost!)}"#)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any])
    #expect((object["acc_trans"] as? [Double])?.count == 2)
    let decoded = try PickleDecoder().decode(Array(try Data(contentsOf: URL(fileURLWithPath: pickle))))
    #expect(decoded["final_accs"] != nil)
    // The exports exist now, so a second run refuses to overwrite them.
    #expect(runTool(["replay", "--queries", queries, "--log", "--results-json", json]).status == 1)
  }

  @Test("replay names the line of a bad query")
  func badReplayLine() throws {
    let queries = temporaryPath(".jsonl")
    defer { try? FileManager.default.removeItem(atPath: queries) }
    try "{\"cellcode\": \"0|10|210\", \"lr\": 0.1, \"batch_size\": 256}\n{\"cellcode\": \"0|10|210\", \"lr\": 0.3, \"batch_size\": 256}\n"
      .write(toFile: queries, atomically: true, encoding: .utf8)
    let result = runTool(["replay", "--queries", queries])
    #expect(result.status == 1)
    #expect(result.error.contains("query line 2"))
    #expect(result.error.contains("unknown learning rate 0.3"))
    #expect(runTool(["replay", "--queries", queries, "--results-json", "x.json"]).status == 64)
  }
}
