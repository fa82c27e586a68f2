import Foundation
import Testing
@testable import TabularNAS

@Suite("Learning curves: the real files", .enabled(if: SharedData.folder != nil, SharedData.skipReason))
struct RealCurveDataTests {
  private func load(_ name: String) throws -> LearningCurveDataset {
    try LearningCurveDataset(named: name, dataFolder: SharedData.folder)
  }

  @Test("row counts and epochs of every file in DATA.md", arguments: [
    ("baker:metaqnn_cifar10", 1000, 1...20), ("baker:metaqnn_svhn", 1300, 1...20),
    ("baker:deep_resnets_cifar10", 486, 1...50), ("baker:deep_resnets_tinyimagenet", 684, 0...140),
    ("baker:lstm_ptb", 280, 1...60), ("baker:alexnet_imagenet", 974, 0...500), ("naap440", 440, 1...90),
  ])
  func shape(name: String, rows: Int, epochs: ClosedRange<Int>) throws {
    let data = try load(name)
    #expect(data.configurationCount == rows)
    #expect(data.epochRange == epochs)
    #expect(data.configurationCount == rows)
  }

  @Test("every curve cell equals the CSV text read independently", arguments: [
    "baker:metaqnn_cifar10", "baker:metaqnn_svhn", "baker:deep_resnets_cifar10", "baker:deep_resnets_tinyimagenet",
    "baker:lstm_ptb", "baker:alexnet_imagenet", "naap440",
  ])
  func everyCell(name: String) throws {
    let data = try load(name)
    let text = try String(contentsOfFile: data.path, encoding: .utf8)
    var lines = text.split(whereSeparator: \.isNewline)  // NAAP-440 ends lines with CRLF
    let header = lines.removeFirst().split(separator: ",").map(String.init)
    let curveColumns = header.indices.filter { header[$0].hasPrefix(data.descriptor.curve == "Accuracy" ? "e" : data.descriptor.curve + "_") && header[$0].hasSuffix(data.descriptor.curve == "Accuracy" ? "Accuracy" : "") }
    #expect(curveColumns.count == data.epochRange.count)
    for (row, line) in lines.enumerated() {
      // MetaQNN's quoted `net` holds commas: split after its closing quote.
      let unquoted = line.hasPrefix("\"") ? "net" + line[line.index(after: line.dropFirst().firstIndex(of: "\"")!)...] : line
      let cells = unquoted.split(separator: ",", omittingEmptySubsequences: false)
      let curve = try data.curve(of: data.configuration(checkedAt: row))
      for (epoch, column) in curveColumns.enumerated() {
        #expect(curve[epoch].bitPattern == Double(cells[column])!.bitPattern, "row \(row) column \(header[column])")
      }
    }
  }

  @Test("spot values: first MetaQNN CIFAR-10 row, as in the file")
  func spotValues() throws {
    let data = try load("baker:metaqnn_cifar10")
    let key = try data.configuration(checkedAt: 0)
    #expect(try data.query(key, epochs: 1) == QueryResult(value: 0.3152, cost: 1))
    #expect(try data.query(key, epochs: 20) == QueryResult(value: 0.5672, cost: 20))
    #expect(try data.finalValue(of: key) == 0.5672)
    #expect(try data.value(of: "num_params", for: key) == .number(370112))
    #expect(try data.value(of: "training_dataset", for: key) == .text("cifar10"))
    #expect(
      try data.value(of: "net", for: key)
        == .text("[C(64,1,1), C(128,1,1), D(1,3), P(2,2), C(64,1,1), D(2,3), C(128,5,1), C(128,3,1), D(3,3), GAP(10), SM(10)]"))
    #expect(throws: LearningCurveError.epochOutOfRange(0, allowed: 1...20)) { try data.query(key, epochs: 0) }
  }

  @Test("MetaQNN depth = conv + pool + FC + GAP + softmax layers on every row", arguments: ["baker:metaqnn_cifar10", "baker:metaqnn_svhn"])
  func metaQNNDepth(name: String) throws {
    let data = try load(name)
    let architectures = try #require(data.architectures)
    let depth = try #require(NetworkArchitecture.featureNames.firstIndex(of: "depth"))
    for key in Array(data.configurations) {
      #expect(try data.value(of: "depth", for: key) == .number(architectures[key.index].features[depth]))
      #expect(try NetworkArchitecture(metaQNN: architectures[key.index].description) == architectures[key.index])
    }
  }

  @Test("perplexity is lower-is-better: the best-so-far keeps the smallest value")
  func perplexity() throws {
    let data = try load("baker:lstm_ptb")
    #expect(data.direction == .lowerIsBetter)
    var run = BenchmarkRun(benchmark: data)
    for position in 0..<20 { try run.query(data.configuration(at: position)) }
    let finals = try (0..<20).map { try data.finalValue(of: data.configuration(checkedAt: $0)) }
    #expect(run.log.best?.value == finals.min())
    #expect(try run.results().finalValues == [finals.min()!])
  }

  @Test("NAAP-440: MaxAccuracy is the maximum of the accuracy curve on every row; 40 test rows")
  func naap440() throws {
    let data = try load("naap440")
    for key in Array(data.configurations) {
      #expect(try data.finalValue(of: key) == data.curve(of: key).max())
    }
    #expect(try Array(data.configurations).filter { try data.isTest($0) == true }.count == 40)
    #expect(data.curveNames.sorted() == ["Accuracy", "LossMean", "LossMedian"])
    #expect(try data.configuration(id: 1).index == 0)
    #expect(data.architectures?.count == 440)
  }

  @Test("NAAP-440 costs MACs × epochs when asked")
  func naapCost() throws {
    let data = try load("naap440").withCost(.epochsTimes(column: "NumMACs"))
    let key = try data.configuration(id: 1)
    #expect(try data.query(key, epochs: 3).cost == 231600 * 3)
    #expect(data.costUnit == "NumMACs × epochs")
  }
}
