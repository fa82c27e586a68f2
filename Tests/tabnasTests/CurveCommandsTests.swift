import Foundation
import TabularNAS
import Testing
@testable import tabnas

@Suite("tabnas on learning-curve datasets")
struct CurveCommandsTests {
  @Test("query reads a configuration by id or index after K epochs, as text or JSON")
  func query() throws {
    let path = try writeCurveTable()
    defer { try? FileManager.default.removeItem(atPath: path) }
    let text = runTool(["query", "--dataset", "csv:" + path, "--config", "9", "--epoch", "1"])
    #expect(text.status == 0)
    #expect(text.output.hasPrefix("value    0.6 (Accuracy after 1 epoch)\ncost     1.0 (epochs)\n"))
    let json = runTool(["query", "--dataset", "csv:" + path, "--index", "1", "--epoch", "2", "--cost", "NumMACs*epochs", "--json"])
    #expect(json.status == 0)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
    #expect(object["id"] as? Int == 9 && object["config"] as? Int == 1)
    #expect(object["value"] as? Double == 0.55 && object["cost"] as? Double == 600)
    #expect(object["final_value"] as? Double == 0.6)
    let loss = runTool(["query", "--dataset", "csv:" + path, "--config", "7", "--curve", "LossMean", "--json"])
    #expect(loss.output.contains(#""curve": "LossMean", "value": 1.5,"#))
  }

  @Test("info describes epochs, direction, fields, split and the best configuration")
  func info() throws {
    let path = try writeCurveTable()
    defer { try? FileManager.default.removeItem(atPath: path) }
    let result = runTool(["info", "--dataset", "csv:" + path])
    #expect(result.status == 0)
    #expect(result.output.contains("epochs         1…2"))
    #expect(result.output.contains("higher is better"))
    #expect(result.output.contains("split          1 test rows, 1 training rows"))
    #expect(result.output.contains("best final     0.6 at config 1 (id 9)"))
    let json = runTool(["info", "--dataset", "csv:" + path, "--json"])
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
    #expect(object["configurations"] as? Int == 2 && object["test_rows"] as? Int == 1)
  }

  @Test(
    "wrong combinations are usage errors",
    arguments: [
      (["query", "--dataset", "naap440", "--lr", "0.1", "--config", "1"], "option --lr does not apply to dataset naap440"),
      (["query", "--config", "1", "--cellcode", "0|10|210", "--lr", "0.1", "--batch-size", "256"], "option --config does not apply to dataset nashpobench2"),
      (["query", "--dataset", "naap440"], "missing required option --config"),
      (["query", "--dataset", "naap440", "--config", "1", "--index", "0"], "options --config and --index exclude each other; give one"),
      (["info", "--dataset", "baker:resnet"], "option --dataset expects nashpobench2, baker:metaqnn_cifar10"),
      (["info", "--cost", "NumMACs*epochs"], "option --cost does not apply to dataset nashpobench2"),
      (["info", "--dataset", "naap440", "--cost", "macs"], "option --cost expects epochs or COLUMN*epochs, got 'macs'"),
    ] as [([String], String)])
  func usageErrors(words: [String], message: String) {
    let result = runTool(words)
    #expect(result.status == 64)
    #expect(result.error.hasPrefix("error: \(message)"), "\(result.error)")
  }

  @Test("failures exit 1 with one line naming what is allowed")
  func failures() throws {
    let path = try writeCurveTable()
    defer { try? FileManager.default.removeItem(atPath: path) }
    let cases: [([String], String)] = [
      (["query", "--dataset", "csv:" + path, "--config", "8"], "error: no configuration has id 8; ids run 7…9\n"),
      (["query", "--dataset", "csv:" + path, "--config", "7", "--epoch", "3"], "error: epoch 3 is out of range; allowed: 1…2\n"),
      (["query", "--dataset", "csv:" + path, "--config", "7", "--curve", "Loss"], "error: no curve 'Loss'; curves: LossMean, Accuracy\n"),
      (["info", "--dataset", "csv:" + path, "--cost", "NumParams*epochs"], "error: cannot charge per epoch by 'NumParams'; numeric columns: NumMACs\n"),
      (["info", "--dataset", "naap440", "--data", "/nonexistent"], "error: no data for naap440; looked in /nonexistent/naap440/naap440.csv, /nonexistent/naap440.csv (pass --data DIR, set TABNAS_DATA, or put the files in ./Data)\n"),
      (["convert", "--dataset", "naap440", "--output", "/tmp/x"], "error: dataset naap440 has no native format: its files load in milliseconds, so open them directly\n"),
    ]
    for (words, message) in cases {
      let result = runTool(words)
      #expect(result.status == 1, "\(words)")
      #expect(result.error == message)
    }
  }

  @Test("replay logs a run on a learning-curve table and exports JSON, pickle and CSV")
  func replay() throws {
    let path = try writeCurveTable()
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tabnas-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer {
      try? FileManager.default.removeItem(atPath: path)
      try? FileManager.default.removeItem(atPath: folder)
    }
    let script = folder + "/queries.jsonl"
    try writeNewFile(Array("{\"config\": 7, \"epoch\": 1}\n\n{\"index\": 1}\n".utf8), to: script)
    let result = runTool([
      "replay", "--dataset", "csv:" + path, "--queries", script, "--log", "--results-json", folder + "/r.json",
      "--results-pickle", folder + "/r.pkl", "--results-csv", folder + "/r.csv",
    ])
    #expect(result.status == 0, "\(result.error)")
    #expect(result.output == "{\"value\": 0.4, \"cost\": 1.0}\n{\"value\": 0.55, \"cost\": 2.0}\n")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/r.json"))) as? [String: Any])
    #expect(json["best_acc_trans"] as? [Double] == [0.4, 0.55])
    #expect(json["final_accs"] as? [Double] == [0.6])
    #expect(json["total_cost_trans"] as? [Double] == [1, 3])
    let pickle = try PickleDecoder().decode(Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/r.pkl"))))
    #expect(pickle["final_accs"] == .list([.float(0.6)]))
    let csv = try String(contentsOfFile: folder + "/r.csv", encoding: .utf8)
    #expect(csv.hasPrefix("query,config,id,epochs,mode,seed,value,cost,total_cost,best_value,best_config,best_id,dataset\n1,0,7,1,valid,,0.4,1.0,1.0,0.4,0,7,"))
    let bad = folder + "/bad.jsonl"
    try writeNewFile(Array("{\"config\": 7}\n{\"config\": 7, \"index\": 0}\n".utf8), to: bad)
    let failure = runTool(["replay", "--dataset", "csv:" + path, "--queries", bad])
    #expect(failure.status == 1)
    #expect(failure.error == "error: query line 2: needs exactly one of 'config' (an id) and 'index' (a row position)\n")
    let surrogate = runTool(["replay", "--dataset", "csv:" + path, "--queries", bad, "--surrogate-cost", "extrapolated"])
    #expect(surrogate.status == 64)
  }

  @Test("the real files load by name through --data", .enabled(if: realData != nil, "real data not found: set TABNAS_DATA or place it at ../shared/data"))
  func realFiles() throws {
    let folder = try #require(realData)
    let result = runTool(["query", "--dataset", "baker:metaqnn_cifar10", "--data", folder, "--config", "0", "--epoch", "1"])
    #expect(result.output.hasPrefix("value    0.3152 "))
    let info = runTool(["info", "--dataset", "baker:lstm_ptb", "--data", folder])
    #expect(info.output.contains("validation perplexity, lower is better"))
  }
}
