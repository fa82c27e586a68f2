import Foundation
import Testing
import TabularNAS
@testable import tabnas


@Suite("tabnas command line")
struct CLITests {
  @Test("help exits 0 and lists the commands", arguments: [["--help"], ["help"], ["help", "query"], ["query", "--help"], ["info", "--help"]])
  func help(words: [String]) {
    let result = runTool(words)
    #expect(result.status == 0)
    #expect(result.output.contains("usage: tabnas"))
    #expect(result.error.isEmpty)
  }

  @Test(
    "usage errors exit 64, name the problem and print the usage",
    arguments: [
      ([], "missing command"), (["frobnicate"], "unknown command 'frobnicate'"),
      (["query"], "missing required option --cellcode"),
      (["query", "--cellcode", "0|10|210", "--lr", "fast", "--batch-size", "256"], "option --lr expects a number, got 'fast'"),
      (["query", "--cellcode", "0|10|210", "--lr", "0.1", "--batch-size", "256", "--extra"], "unexpected argument '--extra'"),
      (["query", "--cellcode", "0|10|210", "--lr", "0.1", "--batch-size"], "option --batch-size needs a value"),
      (["info", "--synthetic-seed", "-1"], "option --synthetic-seed expects a non-negative integer, got '-1'"),
    ] as [([String], String)])
  func usageErrors(words: [String], message: String) {
    let result = runTool(words)
    #expect(result.status == 64)
    #expect(result.error.hasPrefix("error: \(message)\n"), "\(result.error)")
    #expect(result.error.contains("usage: tabnas"))
  }

  @Test(
    "invalid values exit 1 with one line naming what is allowed",
    arguments: [
      (["--lr", "0.3"], "0.003125, 0.00625"), (["--batch-size", "100"], "16, 32, 64"), (["--seed", "0"], "222, 555, 888"),
      (["--epoch", "50"], "12, 200"), (["--iepoch", "13"], "1…12"), (["--mode", "validation"], "train, valid, test"),
      (["--cellcode", "0|10|2100"], "A|BC|DEF"), (["--surrogate-cost", "free"], "unavailable, extrapolated"),
      (["--epoch", "200", "--iepoch", "3"], "only 12-epoch"), (["--data", "/nonexistent"], "/nonexistent"),
    ])
  func invalidValues(change: [String], allowed: String) {
    var words = ["query", "--cellcode", "0|10|210", "--lr", "0.1", "--batch-size", "256"]
    for pair in stride(from: 0, to: change.count, by: 2) {
      if let position = words.firstIndex(of: change[pair]) {
        words[position + 1] = change[pair + 1]
      } else {
        words += [change[pair], change[pair + 1]]
      }
    }
    let result = runTool(words)
    #expect(result.status == 1)
    #expect(result.error.split(separator: "\n").count == 1)
    #expect(result.error.contains(allowed), "\(result.error)")
  }

  @Test("query prints the library's answer, as text or JSON")
  func query() throws {
    let text = runTool(["query", "--cellcode", "0|10|210", "--lr", "0.1", "--batch-size", "256", "--iepoch", "4"])
    #expect(text.status == 0)
    #expect(text.output.contains("synthetic"))
    let json = runTool([
      "query", "--cellcode=0|10|210", "--lr", "0.1", "--batch-size", "256", "--iepoch", "4", "--mode", "test",
      "--seed", "555", "--json",
    ])
    #expect(json.status == 0)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
    let expected = try NASHPOBench2.synthetic().queryByKey(
      cellcode: "0|10|210", lr: 0.1, batchSize: 256, mode: .test, iepoch: 4, seed: 555)
    #expect(object["accuracy"] as? Double == expected.accuracy)
    #expect(object["cost"] as? Double == expected.cost)
    #expect(object["cellcode"] as? String == "0|10|210")
    #expect(text.output.contains("accuracy \(try NASHPOBench2.synthetic().queryByKey(cellcode: "0|10|210", lr: 0.1, batchSize: 256, iepoch: 4).accuracy) %"))
  }

  @Test("epoch-200 queries have no cost unless extrapolation is asked for")
  func surrogateQuery() throws {
    let base = ["query", "--cellcode", "0|10|210", "--lr", "0.1", "--batch-size", "256", "--epoch", "200", "--json"]
    let plain = try #require(try JSONSerialization.jsonObject(with: Data(runTool(base).output.utf8)) as? [String: Any])
    #expect(plain["cost"] is NSNull)
    let charged = try #require(
      try JSONSerialization.jsonObject(with: Data(runTool(base + ["--surrogate-cost", "extrapolated"]).output.utf8))
        as? [String: Any])
    #expect((charged["cost"] as? Double ?? 0) > 0)
  }

  @Test("info describes the synthetic table")
  func info() throws {
    let result = runTool(["info", "--json"])
    #expect(result.status == 0)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    #expect(object["keys"] as? Int == 196_608)
    #expect(object["cell_classes"] as? Int == 1011)
    #expect(object["synthetic"] as? Bool == true)
    #expect(runTool(["info"]).output.contains("synthetic"))
  }

  @Test("the process exits with the documented statuses")
  func exitStatuses() async {
    await #expect(processExitsWith: .exitCode(64)) {
      exit(TabNAS.run(["query"], console: .standard))
    }
    await #expect(processExitsWith: .exitCode(1)) {
      exit(TabNAS.run(["query", "--cellcode", "9|99|999", "--lr", "0.1", "--batch-size", "256"], console: .standard))
    }
    await #expect(processExitsWith: .success) {
      exit(TabNAS.run(["query", "--cellcode", "0|10|210", "--lr", "0.1", "--batch-size", "256"], console: .standard))
    }
  }
}
