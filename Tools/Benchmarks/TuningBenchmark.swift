import TabularNAS

/// Model selection on a CSV, for comparison with scikit-learn's search over the same candidates
/// and folds (`Tools/prediction/tuning_vs_sklearn.py`).
enum TuningBenchmark {
  static let usage = "tune CSV random-forest|extra-trees|gradient-boosting DRAWS FOLDS SEED REPETITIONS  (prints JSON)"

  /// Runs ``HyperparameterSearch/selectScored(_:_:seed:)`` on every row (columns: features…,
  /// target) and prints the median seconds, the chosen candidate and error, every candidate's
  /// hyperparameters in scikit-learn's names and the held-out rows of each fold, as JSON.
  @Sendable static func run(_ arguments: [String]) throws {
    guard arguments.count == 6, let family = ModelFamily(rawValue: arguments[1]),
      [.randomForest, .extraTrees, .gradientBoosting].contains(family), let draws = Int(arguments[2]),
      let folds = Int(arguments[3]), let seed = UInt64(arguments[4]), let repetitions = Int(arguments[5]), repetitions > 0
    else { throw BenchmarkError.usage(usage) }
    let (features, targets) = try regressionProblem(at: arguments[0])
    let search = HyperparameterSearch(family: family, draws: draws, folds: folds)
    var chosen: (pipeline: Pipeline, error: Double)?
    let elapsed = try CurveBenchmark.median(repetitions) { chosen = try search.selectScored(features, targets, seed: seed) }
    let candidates = search.candidates(columnCount: features.columnCount, seed: seed)
    let split = try KFold(rowCount: features.rowCount, folds: folds, seed: seed)
    print(
      JSONValue.object([
        .init("seconds", .number(elapsed)), .init("error", .number(chosen?.error ?? .nan)),
        .init("chosen", chosen.map { parameters($0.pipeline.regressor) } ?? .null),
        .init("candidates", .array(candidates.map { parameters($0.regressor) })),
        .init("folds", .array(split.folds.map { .array($0.map { .integer($0) }) })),
      ]).text)
  }

  /// A tree ensemble's hyperparameters as scikit-learn spells them.
  static func parameters(_ regressor: any Regressor) -> JSONValue {
    if let forest = regressor as? RandomForest {
      return .object([
        .init("n_estimators", .integer(forest.trees)), .init("min_samples_leaf", .integer(forest.tree.minSamplesLeaf)),
        .init("max_features", .number(forest.tree.maxFeatures)), .init("bootstrap", .bool(forest.bootstrap)),
      ])
    }
    if let boosting = regressor as? GradientBoosting {
      return .object([
        .init("n_estimators", .integer(boosting.stages)), .init("learning_rate", .number(boosting.learningRate)),
        .init("subsample", .number(boosting.subsample)), .init("max_depth", boosting.tree.maxDepth.map { .integer($0) } ?? .null),
      ])
    }
    return .object([.init("name", .string(regressor.name))])
  }
}
