import Foundation

/// NAAP-440's published evaluation (Hakim 2022; `run_experiments.py`): the table sorted by
/// `MaxAccuracy`, train on the 400 `IsTest = 0` schemes, test on the 40 others, target `MaxAccuracy`; features "Scheme"
/// (log NumParams, NumStages) or the six scheme columns (log NumParams, log NumMACs) plus the
/// loss mean, loss median and accuracy of epochs 1…k; features standardised on the training
/// rows; five seeds (20220905…20220909) and the run with the median number of monotonicity
/// violations reported.
public struct NAAPProtocol: Sendable {
  /// One evaluated (regressor, feature set).
  public struct Result: Sendable {
    /// The regressor's name as the published table spells it.
    public let model: String
    /// The feature set's name as the published table spells it.
    public let features: String
    /// Epochs of training used (0 for "Scheme").
    public let epochs: Int
    /// The mean absolute error of the median run.
    public let meanAbsoluteError: Double
    /// Its monotonicity violations.
    public let violations: Int
    /// The number of test pairs.
    public let pairs: Int

    /// 1 − violations / pairs.
    public var monotonicityScore: Double { 1 - Double(violations) / Double(pairs) }
  }

  /// The published seeds.
  public static let seeds: [UInt64] = (0..<5).map { 20_220_905 + $0 }
  /// The epochs of the published feature sets.
  public static let epochCounts = [0, 3, 6, 9]
  /// The scheme columns that lead a row after some epochs (log NumParams, log NumMACs, …).
  static let schemeColumnCount = 6

  /// The regressors of the published table that TabularNAS implements (AdaBoost is not), with
  /// the published hyperparameters: SVR is ε-SVR with ε = 0.001, C = 0.1 and γ = 1/p
  /// (scikit-learn's `scale` on standardised features).
  public static func publishedRegressors(featureCount: Int) -> [(name: String, regressor: any Regressor)] {
    let gamma = 1 / Double(featureCount)
    var list: [(String, any Regressor)] = [1, 3, 5, 7, 9].map { ("\($0)-NN", NearestNeighbors(neighbors: $0)) }
    list += [
      ("Linear Regression", LinearRegression()), ("Linear Regression D=0.5", LinearRegression(targetPower: 0.5)),
      ("Linear Regression D=0.25", LinearRegression(targetPower: 0.25)), ("Decision Tree", DecisionTree()),
    ]
    list += [25, 50, 100, 200].map { ("Gradient Boosting (N=\($0))", GradientBoosting(stages: $0)) }
    list += [
      ("SVR (RBF kernel)", SupportVectorRegressor(loss: .epsilon(0.001), penalty: 0.1, kernel: .rbf(gamma: gamma))),
      (
        "SVR (Polynomial kernel)",
        SupportVectorRegressor(loss: .epsilon(0.001), penalty: 0.1, kernel: .polynomial(gamma: gamma, coef0: 0, degree: 3))
      ),
      ("SVR (Linear kernel)", SupportVectorRegressor(loss: .epsilon(0.001), penalty: 0.1, kernel: .linear)),
    ]
    list += [25, 50, 100, 200].map { ("Random Forest (N=\($0))", RandomForest(trees: $0)) }
    return list
  }

  /// The dataset.
  public let dataset: LearningCurveDataset
  let trainingKeys: [LearningCurveKey]
  let testKeys: [LearningCurveKey]

  /// Prepares the protocol on a dataset the user chose, which must be NAAP-440's table.
  ///
  /// - Throws: ``PredictionError/protocolNotApplicable(protocol:dataset:)`` for another
  ///   dataset, and the errors of ``init(dataset:)``.
  public init<B: TabularBenchmark>(benchmark: B) throws {
    guard let dataset = benchmark as? LearningCurveDataset, dataset.descriptor.schemesFile != nil else {
      throw PredictionError.protocolNotApplicable(protocol: "naap440", dataset: benchmark.name)
    }
    try self.init(dataset: dataset)
  }

  /// The published baseline table beside the dataset's file (`baseline_results.csv`).
  ///
  /// - Throws: ``DatasetFileError`` when it is missing or malformed.
  public func publishedTable() throws -> [String: (meanAbsoluteError: Double, violations: Int, score: Double)] {
    let folder = dataset.path.contains("/") ? String(dataset.path[..<(dataset.path.lastIndex(of: "/") ?? dataset.path.endIndex)]) : "."
    return try Self.published(contentsOf: folder + "/baseline_results.csv")
  }

  /// Prepares the protocol on NAAP-440.
  ///
  /// - Throws: ``LearningCurveError/unknownField(_:available:)`` when a protocol column is absent,
  ///   ``PredictionError/tooFewRows(_:needed:reason:)`` without a split.
  public init(dataset: LearningCurveDataset) throws {
    for column in ["NumParams", "NumMACs", "NumLayers", "NumStages", "FirstLayerWidth", "LastLayerWidth"] {
      _ = try dataset.value(of: column, for: dataset.configuration(checkedAt: 0))
    }
    for curve in ["LossMean", "LossMedian", "Accuracy"] where !dataset.curveNames.contains(curve) {
      throw LearningCurveError.unknownCurve(curve, available: dataset.curveNames)
    }
    self.dataset = dataset
    // As published: the table sorted by MaxAccuracy (pandas' default, NumPy's introsort, whose
    // order of ties libsvm's working-set choice sees), then split.
    let fileOrder = Array(dataset.configurations)
    let keys = NumPyArgsort.ascendingPositions(of: try fileOrder.map { try dataset.finalValue(of: $0) }).map { fileOrder[$0] }
    testKeys = try keys.filter { try dataset.isTest($0) == true }
    trainingKeys = try keys.filter { try dataset.isTest($0) == false }
    guard testKeys.count >= 2, !trainingKeys.isEmpty else {
      throw PredictionError.tooFewRows(testKeys.count, needed: 2, reason: "the NAAP-440 protocol (IsTest = 1 rows)")
    }
  }

  /// The published feature set's name for k epochs.
  public static func featureSetName(epochs: Int) -> String {
    epochs == 0 ? "Scheme" : "Scheme + Quantitative \(epochs) epochs"
  }

  /// The protocol's feature rows after k epochs; `architecture` appends the derived scheme
  /// features (TabularNAS's extension, not the protocol's).
  public func features(epochs: Int, keys: [LearningCurveKey], architecture: Bool = false) throws -> FeatureMatrix {
    let rows = try keys.map { key -> [Double] in
      func field(_ name: String) throws -> Double {
        guard case .number(let value) = try dataset.value(of: name, for: key) else { return .nan }
        return value
      }
      var row: [Double]
      if epochs == 0 {
        row = [Foundation.log(try field("NumParams")), try field("NumStages")]
      } else {
        row = [Foundation.log(try field("NumParams")), Foundation.log(try field("NumMACs"))]
        row += try ["NumLayers", "NumStages", "FirstLayerWidth", "LastLayerWidth"].map(field)
        let curves = try ["LossMean", "LossMedian", "Accuracy"].map { try dataset.curve(of: key, named: $0) }
        for epoch in 0..<epochs { row += curves.map { $0[epoch] } }
      }
      if architecture, let scheme = dataset.architectures?[key.index] { row += scheme.features }
      return row
    }
    return FeatureMatrix(rows: rows)
  }

  /// The true final values (`MaxAccuracy`) of some keys.
  public func targets(_ keys: [LearningCurveKey]) throws -> [Double] { try keys.map { try dataset.finalValue(of: $0) } }

  /// Evaluates one pipeline factory on one feature set: five seeds (or the ones given; one is
  /// enough for a deterministic method), the median run by violations.
  public func evaluate(
    model: String, epochs: Int, architecture: Bool = false, seeds: [UInt64] = Self.seeds,
    fit: (FeatureMatrix, [Double], UInt64) throws -> FittedPredictor
  ) throws -> Result {
    let training = try features(epochs: epochs, keys: trainingKeys, architecture: architecture)
    let test = try features(epochs: epochs, keys: testKeys, architecture: architecture)
    let trainingTargets = try targets(trainingKeys), testTargets = try targets(testKeys)
    var runs: [Result] = []
    for seed in seeds {
      let predictions = try fit(training, trainingTargets, seed).predict(test)
      let (violations, pairs) = Metrics.monotonicityViolations(predictions: predictions, truths: testTargets)
      runs.append(
        Result(
          model: model, features: Self.featureSetName(epochs: epochs), epochs: epochs,
          meanAbsoluteError: Metrics.meanAbsoluteError(predictions: predictions, truths: testTargets), violations: violations,
          pairs: pairs))
    }
    // As published: the run at position n/2 when sorted by violations (stable).
    return runs.indices.sorted { (runs[$0].violations, $0) < (runs[$1].violations, $1) }.map { runs[$0] }[runs.count / 2]
  }

  /// A tuned family (TabularNAS's extension): cross-validation on the training rows chooses the
  /// hyperparameters and the feature view — the protocol's columns, all of them with the derived
  /// scheme features, or (after some epochs) the scheme columns and derived features without the
  /// curves — once, by the selection's criterion (rank violations suit this protocol); every seed
  /// refits.
  public func evaluateTuned(_ selection: ModelSelection, name: String, epochs: Int) throws -> Result {
    let training = try features(epochs: epochs, keys: trainingKeys, architecture: true)
    let protocolWidth = try features(epochs: epochs, keys: Array(trainingKeys.prefix(1))).columnCount
    var variants: [[Int]?] = [Array(0..<protocolWidth), nil]
    if epochs > 0 { variants.append(Array(0..<Self.schemeColumnCount) + Array(protocolWidth..<training.columnCount)) }
    let search = ModelSelection(
      family: selection.family, draws: selection.draws, folds: selection.folds, featureVariants: variants,
      criterion: selection.criterion)
    let pipelines = try search.select(training, try targets(trainingKeys), seed: Self.seeds[0])
    return try evaluate(model: name, epochs: epochs, architecture: true) { x, y, seed in
      try FittedPredictor(fitting: pipelines, x, y, seed: seed)
    }
  }

  /// Every published regressor on every published feature set.
  public func reproducePublished() throws -> [Result] {
    try Self.epochCounts.flatMap { epochs -> [Result] in
      let width = try features(epochs: epochs, keys: Array(trainingKeys.prefix(1))).columnCount
      return try Self.publishedRegressors(featureCount: width).map { name, regressor in
        try evaluate(model: name, epochs: epochs) { x, y, seed in
          FittedPredictor(members: [try Pipeline(regressor, scalesTargets: false).fit(x, y, seed: seed)])
        }
      }
    }
  }

  /// Reads the published `baseline_results.csv`: (model, feature set) → (MAE, violations, score).
  public static func published(contentsOf path: String) throws -> [String: (meanAbsoluteError: Double, violations: Int, score: Double)] {
    var table: [String: (Double, Int, Double)] = [:]
    do {
      try CSVReader(path: path).forEachRecord { record in
        guard record.line > 1 else { return }
        let key = try record.text(at: 0) + "|" + record.text(at: 1)
        table[key] = (
          try record.requiredNumber(at: 2, name: "MeanAbsoluteError"), Int(try record.requiredNumber(at: 3, name: "NumViolations")),
          try record.requiredNumber(at: 5, name: "MonotonicityScore")
        )
      }
    } catch let error as CSVError {
      throw LearningCurveError.csv(path: path, error)
    }
    return table
  }
}
