import TabularNAS

/// The options every dataset-reading command shares: `--dataset`, `--data`, `--synthetic-seed`,
/// `--cost`, `--json`.
struct DatasetOptions {
  static let usage = """
      --dataset NAME         nashpobench2 (default), naap440, baker:FILE (\(bakerNames)),
                             or csv:PATH for any learning-curve CSV
      --data PATH            nashpobench2: a folder with bench12.pkl, cellinfo.pkl and
                             avgaccs200.pkl, or a native file from 'tabnas convert'
                             (default: the built-in synthetic table); learning curves:
                             the data folder holding baker/ and naap440/ (default: $TABNAS_DATA)
      --synthetic-seed N     seed of the synthetic table (default 0)
      --cost RULE            learning curves: epochs (default) or COLUMN*epochs, e.g. NumMACs*epochs
      --json                 print JSON instead of text
    """

  private static var bakerNames: String {
    LearningCurveDescriptor.known.map(\.name).filter { $0.hasPrefix("baker:") }.map { String($0.dropFirst(6)) }
      .joined(separator: ", ")
  }

  /// Which dataset `--dataset` names.
  enum Choice: Equatable {
    case nasHPOBench2
    case knownCurves(LearningCurveDescriptor)
    case curveFile(String)
  }

  var choice: Choice
  var datasetName: String
  var dataPath: String?
  var syntheticSeed: UInt64
  var costRule: CurveCostRule?
  var json: Bool

  init(parsing arguments: inout Arguments) throws {
    datasetName = try arguments.option("dataset") ?? "nashpobench2"
    if datasetName == "nashpobench2" {
      choice = .nasHPOBench2
    } else if datasetName.hasPrefix("csv:"), datasetName.count > 4 {
      choice = .curveFile(String(datasetName.dropFirst(4)))
    } else if let descriptor = try? LearningCurveDescriptor.named(datasetName) {
      choice = .knownCurves(descriptor)
    } else {
      throw UsageError.invalidValue(
        option: "dataset", value: datasetName,
        expected: "nashpobench2, \(LearningCurveDescriptor.known.map(\.name).joined(separator: ", ")) or csv:PATH")
    }
    dataPath = try arguments.option("data")
    syntheticSeed = try arguments.option("synthetic-seed", as: { UInt64($0) }, expecting: "a non-negative integer") ?? 0
    costRule = try arguments.option("cost", as: { try? CurveCostRule(parsing: $0) }, expecting: "epochs or COLUMN*epochs")
    json = arguments.flag("json")
    if choice == .nasHPOBench2, costRule != nil { throw UsageError.notApplicable(option: "cost", dataset: datasetName) }
  }

  /// Whether the options name NAS-HPO-Bench-II.
  var isNASHPOBench2: Bool { choice == .nasHPOBench2 }

  /// Opens NAS-HPO-Bench-II: a folder of the original pickles, a native file, or the built-in
  /// synthetic table.
  ///
  /// - Throws: ``CommandError/unsupportedDataset(_:supported:)`` when another dataset is named.
  func openNASHPOBench2() throws -> NASHPOBench2 {
    guard isNASHPOBench2 else { throw CommandError.unsupportedDataset(datasetName, supported: "nashpobench2") }
    guard let dataPath else { return .synthetic(seed: syntheticSeed) }
    return try NASHPOBench2(contentsOf: dataPath)
  }

  /// Opens the learning-curve dataset the options name, with the chosen cost rule.
  func openLearningCurves() throws -> LearningCurveDataset {
    let data: LearningCurveDataset
    switch choice {
    case .nasHPOBench2:
      throw CommandError.unsupportedDataset(datasetName, supported: "learning-curve datasets")
    case .knownCurves(let descriptor):
      data = try LearningCurveDataset(contentsOf: DataFolder.locate(descriptor, in: dataPath), descriptor: descriptor)
    case .curveFile(let path):
      data = try LearningCurveDataset(contentsOf: path)
    }
    return try costRule.map(data.withCost) ?? data
  }
}
