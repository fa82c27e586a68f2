import Foundation

/// A dataset named the way users name it (`nashpobench2`, `naap440`, `baker:FILE`,
/// `csv:PATH`): the one place that maps names to datasets, what each accepts, and how it opens.
///
/// A new dataset is one folder plus one case here.
///
/// ```swift
/// let choice = try DatasetChoice(parsing: "baker:lstm_ptb")
/// func describe<B: RegisteredBenchmark>(_ benchmark: B) throws -> String { try benchmark.information().json.text }
/// print(try describe(choice.open(DatasetOpenOptions(dataPath: "../shared/data"))))
/// ```
public struct DatasetChoice: Sendable, Equatable {
  private enum Entry: Equatable, Sendable {
    case nasHPOBench2
    case knownCurves(LearningCurveDescriptor)
    case curveFile(path: String)
  }

  /// The name as given.
  public let name: String
  private let entry: Entry

  /// The default dataset, NAS-HPO-Bench-II (the built-in synthetic table without `--data`).
  public static let defaultName = "nashpobench2"

  /// Every name a user can give, for usage texts: `nashpobench2, naap440, baker:…, or csv:PATH`.
  public static var allowedNames: String {
    "\(defaultName), \(LearningCurveDescriptor.known.map(\.name).joined(separator: ", ")) or csv:PATH"
  }

  /// The Baker et al. file names, for usage texts.
  public static var bakerFileNames: String {
    LearningCurveDescriptor.known.map(\.name).filter { $0.hasPrefix("baker:") }.map { String($0.dropFirst(6)) }
      .joined(separator: ", ")
  }

  /// Looks a name up.
  ///
  /// - Throws: ``RegistryError/unknownDataset(_:allowed:)``.
  public init(parsing name: String) throws {
    self.name = name
    if name == Self.defaultName {
      entry = .nasHPOBench2
    } else if name.hasPrefix("csv:"), name.count > 4 {
      entry = .curveFile(path: String(name.dropFirst(4)))
    } else if let descriptor = LearningCurveDescriptor.known.first(where: { $0.name == name }) {
      entry = .knownCurves(descriptor)
    } else {
      throw RegistryError.unknownDataset(name, allowed: Self.allowedNames)
    }
  }

  /// Whether the dataset takes an option.
  public func accepts(_ option: DatasetOption) -> Bool {
    switch entry {
    case .nasHPOBench2: option != .cost
    case .knownCurves: option == .data || option == .cost
    case .curveFile: option == .cost
    }
  }

  /// Whether the dataset has a native file format (``RegisteredBenchmark/writeNativeFile(to:)``).
  public var hasNativeFormat: Bool { entry == .nasHPOBench2 }

  /// Whether the published performance-prediction tables (Baker et al. 2018, NAAP-440) were
  /// measured on this kind of dataset, so that `tabnas predict` reproduces them on it.
  public var hasPredictionTables: Bool { entry != .nasHPOBench2 }

  /// The fields of the dataset's query requests.
  public var requestFields: [RequestField] {
    switch entry {
    case .nasHPOBench2: NASHPOBench2.requestFields
    case .knownCurves, .curveFile: LearningCurveDataset.requestFields
    }
  }

  /// Each kind of dataset's request fields, titled for usage texts.
  public static let requestFieldGroups: [(datasets: String, fields: [RequestField])] = [
    ("NAS-HPO-Bench-II", NASHPOBench2.requestFields), ("learning-curve", LearningCurveDataset.requestFields),
  ]

  /// Every field any dataset's requests have, so that a command can tell a field of another
  /// dataset from a typo.
  public static var allRequestFields: [RequestField] { requestFieldGroups.flatMap(\.fields) }

  /// What a value of an option must look like when `value` does not, for usage errors; `nil`
  /// when it is well formed (values are checked against the data on opening).
  public static func expectation(of option: DatasetOption, for value: String) -> String? {
    switch option {
    case .cost: (try? CurveCostRule(parsing: value)) == nil ? "epochs or COLUMN*epochs" : nil
    case .data, .syntheticSeed, .surrogateCost, .finalEpochs, .cacheDirectory, .noCache: nil
    }
  }

  /// Opens the dataset.
  ///
  /// - Parameters:
  ///   - options: Only options the dataset ``accepts(_:)`` may be set.
  ///   - environment: Where the default cache folder is read from (``NativeFileCache``).
  ///   - warn: Told a warning to show the user, such as a cache that cannot be written.
  /// - Throws: ``RegistryError`` for an option the dataset does not take or an invalid value;
  ///   the dataset's file errors.
  public func open(
    _ options: DatasetOpenOptions, environment: [String: String] = ProcessInfo.processInfo.environment,
    warn: (String) -> Void = { _ in }
  ) throws -> any RegisteredBenchmark {
    if let option = options.given.first(where: { !accepts($0) }) {
      throw RegistryError.optionNotAccepted(option: option.rawValue, dataset: name)
    }
    switch entry {
    case .nasHPOBench2:
      let rule = try options.surrogateCost.map { text in
        guard let rule = SurrogateCostRule(rawValue: text) else {
          throw RegistryError.invalidOption(
            option: DatasetOption.surrogateCost.rawValue, value: text, allowed: SurrogateCostRule.allCases.map(\.rawValue))
        }
        return rule
      } ?? .unavailable
      let cache = options.cache(environment: environment)
      let bench = try options.dataPath.map { path in
        try NASHPOBench2(contentsOf: path, cache: cache) { outcome in outcome.warning.map(warn) }
      } ?? .synthetic(seed: options.syntheticSeed ?? 0)
      return bench.withSurrogateCost(rule)
    case .knownCurves(let descriptor):
      let data = try LearningCurveDataset(contentsOf: DataFolder.locate(descriptor, in: options.dataPath), descriptor: descriptor)
      return try options.cost.map { try data.withCost(CurveCostRule(parsing: $0)) } ?? data
    case .curveFile(let path):
      let data = try LearningCurveDataset(contentsOf: path)
      return try options.cost.map { try data.withCost(CurveCostRule(parsing: $0)) } ?? data
    }
  }
}
