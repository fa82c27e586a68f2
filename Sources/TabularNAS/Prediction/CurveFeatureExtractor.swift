import Foundation

/// Builds feature rows for predicting a configuration's final value from the first τ values
/// of its curve (Baker et al. 2018, §3.1).
///
/// Configuration fields are split by name: `lr`, `base_lr`, `ss`, `weight_decay`, `momentum`,
/// `batch_size`, `lrn_scale`, `lrn_pow` and `…_l2` are hyperparameters; every other numeric
/// field and the derived architecture features are architecture parameters. Learning rates,
/// batch sizes and parameter or MAC counts (`lr`, `base_lr`, `batch_size`, `num_params`,
/// `NumParams`, `NumMACs`) enter as logarithms when positive everywhere, since they span
/// orders of magnitude. Works on any ``LearningCurveBenchmark``.
public struct CurveFeatureExtractor<Benchmark: LearningCurveBenchmark>: Sendable {
  /// The dataset whose configurations are described.
  public let dataset: Benchmark
  /// The groups included.
  public let groups: CurveFeatureGroups
  /// τ: how many curve values (from the first column) are observed.
  public let observedValues: Int
  /// The feature names, in row order.
  public let names: [String]

  private let fieldColumns: [(position: Int, isLog: Bool)]


  /// Prepares rows of the given groups after τ observed values.
  ///
  /// - Throws: ``PredictionError/epochsOutOfRange(_:allowed:)`` when τ is not in 1…(curve length),
  ///   ``LearningCurveError`` when features cannot be read.
  public init(dataset: Benchmark, groups: CurveFeatureGroups = .all, observedValues: Int) throws {
    let length = dataset.epochRange.count
    guard (1...length).contains(observedValues) || !groups.contains(.timeSeries) else {
      throw PredictionError.epochsOutOfRange(observedValues, allowed: 1...length)
    }
    self.dataset = dataset
    self.groups = groups
    self.observedValues = observedValues
    var names: [String] = []
    if groups.contains(.timeSeries) {
      names += (0..<observedValues).map { "y\($0 + 1)" }
      names += (1..<max(observedValues, 1)).map { "dy\($0)" }
      names += (2..<max(observedValues, 2)).map { "d2y\($0)" }
    }
    var columns: [(Int, Bool)] = []
    let ranges = dataset.featureRanges
    for (position, name) in dataset.featureNames.enumerated() {
      let base = name.split(separator: ".").last.map(String.init) ?? name
      let isHyperparameter = FeatureNaming.hyperparameters.contains(base) || base.hasSuffix("_l2")
      guard groups.contains(isHyperparameter ? .hyperparameters : .architecture) else { continue }
      let isLog = FeatureNaming.logarithmic.contains(base) && ranges[position].lowerBound > 0
      columns.append((position, isLog))
      names.append(isLog ? "log(\(name))" : name)
    }
    fieldColumns = columns
    self.names = names
  }

  /// The position of the last observed curve value in a row, or `nil` without time-series
  /// features: predicting the change from it is easier than the value itself.
  public var lastObservedFeature: Int? { groups.contains(.timeSeries) ? observedValues - 1 : nil }

  /// The feature subsets model selection chooses among: every column, and (with at least two
  /// observed values) every column but the curve differences, which are noisy over long prefixes.
  public var variants: [[Int]?] {
    guard groups.contains(.timeSeries), observedValues >= 2 else { return [nil] }
    let differences = observedValues..<(3 * observedValues - 3)
    return [nil, names.indices.filter { !differences.contains($0) }]
  }

  /// The row of a configuration, its curve read from the dataset.
  public func row(for key: Benchmark.Configuration) throws -> [Double] {
    try row(prefix: Array(dataset.curve(of: key).prefix(observedValues)), for: key)
  }

  /// The row of a configuration from an observed curve prefix (as a search sees it).
  ///
  /// - Throws: ``PredictionError/epochsOutOfRange(_:allowed:)`` when the prefix is not τ long,
  ///   ``PredictionError/nonFiniteValue(row:column:)`` for NaN or infinite values.
  public func row(prefix: [Double], for key: Benchmark.Configuration) throws -> [Double] {
    var row: [Double] = []
    if groups.contains(.timeSeries) {
      guard prefix.count == observedValues else {
        throw PredictionError.epochsOutOfRange(prefix.count, allowed: observedValues...observedValues)
      }
      let first = zip(prefix.dropFirst(), prefix).map { $0 - $1 }
      let second = zip(first.dropFirst(), first).map { $0 - $1 }
      row = prefix + first + second
    }
    let fields = try dataset.features(of: key)
    for column in fieldColumns { row.append(column.isLog ? Foundation.log(fields[column.position]) : fields[column.position]) }
    if let column = row.firstIndex(where: { !$0.isFinite }) {
      throw PredictionError.nonFiniteValue(row: dataset.position(of: key), column: names[column])
    }
    return row
  }

  /// The rows of several configurations.
  public func matrix(for keys: [Benchmark.Configuration]) throws -> FeatureMatrix {
    FeatureMatrix(rowCount: keys.count, columnCount: names.count, values: try keys.flatMap { try row(for: $0) })
  }
}
