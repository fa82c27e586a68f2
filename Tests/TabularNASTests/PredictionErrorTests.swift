import Foundation
import Testing
@testable import TabularNAS

@Suite("Error paths of the predictors and the curve loaders")
struct PredictionErrorTests {
  private func load(_ text: String, name: String = "runs.csv", descriptor: LearningCurveDescriptor? = nil, extra: [String: String] = [:])
    throws -> LearningCurveDataset
  {
    let files = try TemporaryFiles()
    defer { files.remove() }
    for (file, content) in extra { try files.write(file, content) }
    return try LearningCurveDataset(contentsOf: files.write(name, text), descriptor: descriptor)
  }

  @Test("sequential models refuse an empty τ list and a target epoch outside the curve")
  func sequentialModelArguments() throws {
    let data = try load("lr,acc_1,acc_2,acc_3\n" + (0..<10).map { "0.0\($0 % 3 + 1),0.1,0.2,0.\($0 % 9 + 1)" }.joined(separator: "\n"))
    #expect(throws: PredictionError.epochsOutOfRange(0, allowed: 1...3)) {
      try SequentialRegressionModel(dataset: data, configurations: Array(data.configurations), observedCounts: [])
    }
    #expect(throws: PredictionError.epochsOutOfRange(9, allowed: 1...3)) {
      try SequentialRegressionModel(
        dataset: data, configurations: Array(data.configurations), observedCounts: [1], family: .ols, target: .value(afterEpochs: 9))
    }
  }

  @Test("tree, forest, boosting and fold settings out of range are refused")
  func hyperparameters() {
    let x = FeatureMatrix(rows: [[1], [2], [3], [4]]), y = [1.0, 2, 3, 4]
    #expect(throws: PredictionError.invalidHyperparameter(name: "maxFeatures", value: 0, allowed: "it must be in (0, 1]")) {
      try DecisionTree(maxFeatures: 0).fit(x, y, seed: 0)
    }
    #expect(throws: PredictionError.self) { try DecisionTree(minSamplesLeaf: 0).fit(x, y, seed: 0) }
    #expect(throws: PredictionError.invalidHyperparameter(name: "trees", value: 0, allowed: "at least 1 tree")) {
      try RandomForest(trees: 0).fit(x, y, seed: 0)
    }
    #expect(throws: PredictionError.self) { try GradientBoosting(subsample: 1.5).fit(x, y, seed: 0) }
    #expect(throws: PredictionError.invalidHyperparameter(name: "folds", value: 1, allowed: "at least 2 folds")) {
      try KFold(rowCount: 4, folds: 1, seed: 0)
    }
    #expect(throws: PredictionError.invalidHyperparameter(name: "targetPower", value: 0, allowed: "d must be positive")) {
      try LinearRegression(targetPower: 0).fit(x, y, seed: 0)
    }
  }

  @Test("NAAP-440 scheme files with bad layers or bad JSON are schema errors naming the scheme")
  func schemes() throws {
    let files = try TemporaryFiles()
    defer { files.remove() }
    let cases = [
      (#"[[{"kernel_size": 3, "width": 0, "stride": 2, "residual": false}]]"#,
       "scheme 0: a layer needs positive integers kernel_size, width, stride and a boolean residual"),
      (#"[[]]"#, "scheme 0 is not a non-empty list of layers"),
      (#"{"schemes": []}"#, "expected a JSON list of layer lists"),
      (#"[[{"kernel_size": 3,]]"#, "invalid JSON at byte 20: expected a string key"),
    ]
    for (index, (text, reason)) in cases.enumerated() {
      let path = try files.write("schemes\(index).json", text)
      #expect(throws: DatasetFileError.schema(path: path, reason: reason)) { try NAAPSchemes.load(contentsOf: path) }
    }
  }

  @Test("a descriptor naming a curve the header lacks is refused, listing the curves there are")
  func missingCurve() throws {
    let descriptor = LearningCurveDescriptor(
      name: "mine", title: "mine", relativePath: "runs.csv", curve: "Accuracy", metric: "accuracy", direction: .higherIsBetter)
    do {
      _ = try load("a,acc_1\n1,0.5\n", descriptor: descriptor)
      Issue.record("expected an error")
    } catch let error as LearningCurveError {
      guard case .missingColumn(_, let column, let available) = error else { Issue.record("\(error)"); return }
      #expect(column == "Accuracy curve" && available == ["acc curve"])
    }
  }

  @Test("without a folder or TABNAS_DATA the documented defaults are searched; the error names every place tried", .enabled(if: ProcessInfo.processInfo.environment["TABNAS_DATA"] == nil))
  func defaultDataFolders() throws {
    #expect(DataFolder.folders(given: nil) == ["Data", "../shared/data"])
    #expect(DataFolder.folders(given: "/x") == ["/x"])
    let descriptor = try LearningCurveDescriptor.named("naap440")
    #expect(throws: LearningCurveError.dataNotFound(dataset: "naap440", searched: ["/none/naap440/naap440.csv", "/none/naap440.csv"])) {
      try DataFolder.locate(descriptor, in: "/none")
    }
  }
}
