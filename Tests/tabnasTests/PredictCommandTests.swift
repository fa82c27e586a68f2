import Foundation
import TabularNAS
import Testing
@testable import tabnas

@Suite("tabnas predict")
struct PredictCommandTests {
  /// A small table written to a temporary file, removed by the caller.
  private func writeTable() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("tabnas-\(UUID().uuidString).csv").path
    var text = "lr,depth,acc_1,acc_2,acc_3,acc_4\n"
    for row in 0..<40 {
      let ceiling = 0.5 + 0.03 * Double(row % 7) + 0.01 * Double(row % 3)
      text += "0.0\(row % 3 + 1),\(row % 7)," + (1...4).map { "\(ceiling * (1 - 1 / Double($0 + 1)))" }.joined(separator: ",") + "\n"
    }
    try writeNewFile(Array(text.utf8), to: path)
    return path
  }

  @Test("a Table 1 report as text and JSON; --features gives the ablation rows")
  func report() throws {
    let path = try writeTable()
    defer { try? FileManager.default.removeItem(atPath: path) }
    let words = ["predict", "--dataset", "csv:" + path, "--train-size", "20", "--repeats", "2", "--models", "ols,knn", "--draws", "2"]
    let text = runTool(words)
    #expect(text.status == 0, "\(text.error)")
    #expect(text.output.contains("R² × 100 (mean ± standard error over 2 repeats), first 1 of 4 curve values, 20 training"))
    #expect(text.output.contains("TS+AP+HP"))
    let json = runTool(words + ["--features", "ts,hp", "--json"])
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
    let rows = try #require(object["rows"] as? [[String: Any]])
    #expect(rows.map { $0["features"] as? String } == ["TS", "TS", "HP", "HP", "TS+HP", "TS+HP"])
    #expect(rows.allSatisfy { ($0["r2"] as? [Double])?.count == 2 })
  }

  @Test(
    "bad options are usage errors",
    arguments: [
      (["predict", "--dataset", "naap440", "--models", "svm"], "option --models expects a list of nu-svr-rbf"),
      (["predict", "--dataset", "naap440", "--features", "ts,arch"], "option --features expects a list of ts, ap, hp"),
      (["predict", "--dataset", "naap440", "--protocol", "baker"], "option --protocol expects naap440, got 'baker'"),
      (["predict"], "tabnas predict does not apply to dataset nashpobench2: the prediction tables it reproduces are published"),
    ] as [([String], String)])
  func usageErrors(words: [String], message: String) {
    let result = runTool(words)
    #expect(result.status == 64)
    #expect(result.error.hasPrefix("error: \(message)"), "\(result.error)")
  }

  @Test("impossible experiments fail with one line")
  func failures() throws {
    let path = try writeTable()
    defer { try? FileManager.default.removeItem(atPath: path) }
    let tooMany = runTool(["predict", "--dataset", "csv:" + path, "--train-size", "40"])
    #expect(tooMany.status == 1)
    #expect(tooMany.error == "error: 40 training rows, but training on 40 configurations and testing on the rest needs at least 41\n")
    let fraction = runTool(["predict", "--dataset", "csv:" + path, "--fraction", "1.5"])
    #expect(fraction.status == 64)
    #expect(fraction.error.hasPrefix("error: option --fraction expects a number in (0, 1], got '1.5'\n"))
  }
}
