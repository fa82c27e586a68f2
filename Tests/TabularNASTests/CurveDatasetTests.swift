import Foundation
import Testing
@testable import TabularNAS

@Suite("Learning curves: small hand-written files")
struct CurveDatasetTests {
  /// Loads `text` saved as `name`, with the descriptor the loader picks or the one given.
  private func load(
    _ text: String, name: String = "runs.csv", descriptor: LearningCurveDescriptor? = nil,
    extra: [String: String] = [:]
  ) throws -> LearningCurveDataset {
    let files = try TemporaryFiles()
    defer { files.remove() }
    for (file, content) in extra { try files.write(file, content) }
    return try LearningCurveDataset(contentsOf: files.write(name, text), descriptor: descriptor)
  }

  /// The error loading `text` throws, with the temporary path replaced by `runs.csv`.
  private func loadingError(
    _ text: String, name: String = "runs.csv", descriptor: LearningCurveDescriptor? = nil, extra: [String: String] = [:]
  ) -> String {
    do {
      _ = try load(text, name: name, descriptor: descriptor, extra: extra)
      return "no error"
    } catch {
      return "\(error)".replacing(/\/[^ :]*\//, with: "")
    }
  }

  @Test("a generic file with a BOM, CRLF, quoted MetaQNN strings and no final newline")
  func genericQuirks() throws {
    let text =
      "\u{FEFF}net,lr,acc_1,acc_2,acc_3\r\n\"[C(64,3,1), P(2,2), SM(10)]\",0.01,0.2,0.4,0.5\r\n"
      + "\"[C(32,1,1), FC(128), SM(10)]\",0.1,0.3,0.35,0.45"
    let data = try load(text)
    #expect(data.descriptor.name.hasPrefix("csv:"))
    #expect(data.descriptor.direction == .higherIsBetter)
    #expect(data.epochRange == 1...3)
    #expect(data.configurationCount == 2)
    #expect(data.fields.map(\.kind) == [.text, .number])
    #expect(data.architectures?[1] == (try NetworkArchitecture(metaQNN: "[C(32,1,1), FC(128), SM(10)]")))
    #expect(try data.query(data.configuration(checkedAt: 1), epochs: 2) == QueryResult(value: 0.35, cost: 2))
    #expect(try data.finalValue(of: data.configuration(checkedAt: 0)) == 0.5)
    #expect(data.featureNames == ["lr"] + NetworkArchitecture.featureNames.map { "net." + $0 })
    #expect(try data.features(of: data.configuration(checkedAt: 0)).prefix(4) == [0.01, 1, 1, 0])
  }

  /// The Cuda-Convnet files are not available; their documented columns are these.
  private func cudaConvnet(epochs: ClosedRange<Int>) -> String {
    let fields = ["lr", "ss", "c1_l2", "c2_l2", "c3_l2", "f4_l2", "weight_decay", "lrn_scale", "lrn_pow"]
    let header = fields + epochs.map { "acc_\($0)" }
    let row = ["0.001", "20", "0.004", "0.004", "0.004", "1", "0.0005", "0.0001", "0.75"]
      + epochs.map { "\(0.1 + Double($0 - epochs.lowerBound) / 100)" }
    return header.joined(separator: ",") + "\n" + row.joined(separator: ",") + "\n"
  }

  @Test("Cuda-Convnet files in their documented shape load with their known descriptors", arguments: [
    ("cudaconvnet_svhn.csv", 1...12, 1...12), ("cudaconvnet_cifar10.csv", 1...60, 1...60),
    ("cudaconvnet_cifar10.csv", 0...59, 1...60), ("cudaconvnet_cifar10.csv", 0...60, 0...60),
  ])
  func cudaConvnet(file: String, header: ClosedRange<Int>, epochs: ClosedRange<Int>) throws {
    let data = try load(cudaConvnet(epochs: header), name: file)
    #expect(data.descriptor.name == "baker:" + file.dropLast(4))
    #expect(data.epochRange == epochs)
    #expect(data.featureNames.count == 9)
    #expect(data.fields.allSatisfy { $0.kind == .number && $0.role == .parameter })
    #expect(try data.query(data.configuration(checkedAt: 0), epochs: epochs.upperBound).cost == Double(epochs.upperBound))
  }

  @Test("a Cuda-Convnet file with a column missing is refused, not shifted")
  func cudaConvnetMissingColumn() {
    #expect(
      loadingError(cudaConvnet(epochs: 0...58), name: "cudaconvnet_cifar10.csv")
        == "cudaconvnet_cifar10.csv: curve columns numbered 0…58 cannot be the 60 epochs of training baker:cudaconvnet_cifar10 documents (59 columns)")
  }

  @Test("NAAP-style curves eN<Metric>, ids, split and final-value columns are recognised")
  func naapStyle() throws {
    let text = """
      ModelId,IsTest,NumMACs,MaxAccuracy,e1LossMean,e1Accuracy,e2LossMean,e2Accuracy
      7,0,100,0.5,2.0,0.4,1.5,0.5
      9,1,300,0.6,1.8,0.6,1.9,0.55

      """
    let data = try load(text)
    #expect(data.curveNames == ["LossMean", "Accuracy"])
    #expect(data.descriptor.curve == "Accuracy")
    #expect(data.descriptor.finalValue == .column("MaxAccuracy"))
    #expect(data.fields.map(\.role) == [.id, .split, .parameter, .finalValue])
    #expect(data.featureNames == ["NumMACs"])
    let key = try data.configuration(id: 9)
    #expect(key.index == 1)
    #expect(try data.isTest(key) == true)
    #expect(try data.finalValue(of: key) == 0.6)
    #expect(try data.curve(of: key, named: "LossMean") == [1.8, 1.9])
    #expect(try data.withCost(.epochsTimes(column: "NumMACs")).query(key, epochs: 2).cost == 600)
  }

  @Test("the metric's direction follows its name; unknown names need a descriptor")
  func directions() throws {
    #expect(try load("e1LossMean,e2LossMean\n2,1\n").direction == .lowerIsBetter)
    #expect(loadingError("ep_0,ep_1\n2,1\n") == "runs.csv: cannot tell whether larger or smaller 'ep' is better; give a descriptor")
    #expect(
      loadingError("e1LossMean,e1LossMedian\n2,1\n")
        == "runs.csv: cannot tell which curve is the metric (LossMean, LossMedian); give a descriptor")
    let descriptor = LearningCurveDescriptor(
      name: "ptb", title: "PTB", relativePath: "runs.csv", curve: "ep", metric: "perplexity", direction: .lowerIsBetter)
    let data = try load("ep_0,ep_1\n2,1\n", descriptor: descriptor)
    #expect(data.direction == .lowerIsBetter)
    #expect(data.epochRange == 0...1)
    #expect(try data.query(data.configuration(checkedAt: 0), epochs: 0) == QueryResult(value: 2, cost: 0))
  }

  @Test("malformed files fail with the line, column and what was expected", arguments: [
    ("a,acc_1\n1,0.5\n2,0.5,9\n", "runs.csv: line 3: 3 fields, but the header has 2"),
    ("a,acc_1\n1,0.5\n2,half\n", "runs.csv: line 3, column 2 (acc_1): 'half' is not a number"),
    ("a,acc_1\n1,\n", "runs.csv: line 2, column 2 (acc_1): the cell is empty, but a value is required"),
    ("a,acc_1\n,0.5\n", "runs.csv: line 2, column 1 (a): the cell is empty, but a value is required"),
    ("a,acc_1\n\"x,0.5\n", "runs.csv: line 2, column 1: a quoted field is not closed before the end of the file"),
    ("a,acc_1,acc_3\n1,0.5,0.6\n", "runs.csv: curve 'acc' has no column for number 2"),
    ("acc_1,acc_2,e1LossMean\n1,2,3\n", "runs.csv: curve 'LossMean' covers 1…1, the first curve 1…2"),
    ("a,a,acc_1\n1,2,3\n", "runs.csv: the header names column 'a' twice"),
    ("a,,acc_1\n1,2,3\n", "runs.csv: header column 2 has no name"),
    ("a,b\n1,2\n", "runs.csv has no curve columns (acc_N, ep_N or eN<Metric>); header starts a,b"),
    ("a,acc_1\n", "runs.csv has a header but no rows"),
    ("", "runs.csv: the file is empty: a header line is required"),
    ("ModelId,acc_1\n1,0.5\n1,0.6\n", "runs.csv: line 3 repeats configuration id 1"),
    ("ModelId,acc_1\n1.5,0.5\n", "runs.csv: line 2: id '1.5' is not an integer"),
    ("ModelId,acc_1\nfirst,0.5\n", "runs.csv: line 2, column ModelId must be a number, found 'first'"),
    ("IsTest,acc_1\n2,0.5\n", "runs.csv: line 2: split '2' must be 0 or 1"),
    ("net,acc_1\n\"[C(64,3,1), X(2)]\",0.5\n", "runs.csv: line 2: unknown layer 'X'; allowed: C, P, D, FC, GAP, SM"),
  ])
  func malformed(text: String, message: String) {
    #expect(loadingError(text) == message)
  }

  /// NAAP-440's descriptor, for a table of one epoch.
  private var naapOneEpoch: LearningCurveDescriptor {
    var descriptor = (try? LearningCurveDescriptor.named("naap440"))!
    descriptor.trainedEpochs = 1
    return descriptor
  }

  @Test("a known file without a column its descriptor names is refused")
  func missingDescriptorColumn() {
    #expect(
      loadingError("ModelId,e1Accuracy\n1,0.5\n", name: "naap440.csv", descriptor: naapOneEpoch)
        == "naap440.csv has no column 'IsTest'; fields: ModelId")
  }

  @Test("NAAP-440 schemes are read beside the table and checked against it")
  func schemes() throws {
    let scheme = #"[[{"kernel_size": 3, "width": 12, "stride": 2, "residual": false}, {"kernel_size": 1, "width": 16, "stride": 1, "residual": true}]]"#
    let table = "ModelId,IsTest,NumLayers,NumStages,FirstLayerWidth,LastLayerWidth,MaxAccuracy,e1Accuracy\n"
    let good = try load(table + "1,0,2,1,12,16,0.5,0.5\n", name: "naap440.csv", descriptor: naapOneEpoch, extra: ["generated_schemes.json": scheme])
    #expect(good.architectures?.first?.layers.last == .convolution(filters: 16, kernelSize: 1, stride: 1, isResidual: true))
    #expect(
      loadingError(table + "1,0,2,2,12,16,0.5,0.5\n", name: "naap440.csv", descriptor: naapOneEpoch, extra: ["generated_schemes.json": scheme])
        == "naap440.csv: configuration 1 has NumStages 2 in the table but 1 in its scheme")
    #expect(
      loadingError(table + "2,0,2,1,12,16,0.5,0.5\n", name: "naap440.csv", descriptor: naapOneEpoch, extra: ["generated_schemes.json": scheme])
        .hasSuffix("1 schemes, but the table has configuration id 2"))
    #expect(
      loadingError(table + "1,0,2,1,12,16,0.5,0.5\n", name: "naap440.csv", descriptor: naapOneEpoch, extra: ["generated_schemes.json": "[{}]"])
        .contains("does not have the expected schema"))
    #expect(loadingError(table + "1,0,2,1,12,16,0.5,0.5\n", name: "naap440.csv", descriptor: naapOneEpoch).hasPrefix("no file or folder at"))
  }

  @Test("queries outside the table fail with what is allowed")
  func queryErrors() throws {
    let data = try load("ModelId,acc_1,acc_2\n5,0.1,0.2\n6,0.3,0.4\n")
    let key = try data.configuration(checkedAt: 1)
    #expect(throws: LearningCurveError.epochOutOfRange(3, allowed: 1...2)) { try data.query(key, epochs: 3) }
    #expect(throws: BenchmarkError.positionOutOfRange(2, count: 2)) { try data.configuration(checkedAt: 2) }
    #expect(throws: LearningCurveError.unknownConfigurationID(1, example: 5...6)) { try data.configuration(id: 1) }
    #expect(throws: LearningCurveError.unknownField("lr", available: ["ModelId"])) { try data.value(of: "lr", for: key) }
    #expect(throws: LearningCurveError.unknownCurve("loss", available: ["acc"])) { try data.curve(of: key, named: "loss") }
    #expect(throws: LearningCurveError.unknownCostColumn("ModelId", allowed: [])) {
      try data.withCost(.epochsTimes(column: "ModelId"))
    }
    #expect(throws: LearningCurveError.unknownCostColumn("NumMACs", allowed: [])) {
      try data.withCost(.epochsTimes(column: "NumMACs"))
    }
    #expect(throws: LearningCurveError.unknownCostRule("macs")) { try CurveCostRule(parsing: "macs") }
    #expect(try CurveCostRule(parsing: "NumMACs*epochs") == .epochsTimes(column: "NumMACs"))
    #expect(throws: LearningCurveError.unknownDataset("baker:resnet", known: LearningCurveDescriptor.known.map(\.name))) {
      try LearningCurveDataset(named: "baker:resnet", dataFolder: "/tmp")
    }
    #expect(throws: LearningCurveError.dataNotFound(dataset: "naap440", searched: ["/nonexistent/naap440/naap440.csv", "/nonexistent/naap440.csv"])) {
      try LearningCurveDataset(named: "naap440", dataFolder: "/nonexistent")
    }
  }

  @Test("the same random configurations under the same seed; every configuration in order")
  func randomAndIteration() throws {
    let data = try load("acc_1\n0.1\n0.2\n0.3\n0.4\n")
    var first = SplitMix64(seed: 3), second = SplitMix64(seed: 3)
    let drawn = (0..<20).map { _ in data.randomConfiguration(using: &first) }
    #expect(drawn == (0..<20).map { _ in data.randomConfiguration(using: &second) })
    #expect(Set(drawn.map(\.index)).count > 1)
    #expect(Array(data.configurations).map(\.index) == [0, 1, 2, 3])
    #expect(Array(data.configurations) == Array(data.configurations))
  }
}
