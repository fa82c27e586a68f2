import TabularNAS

/// `tabnas predict`: how well final values can be predicted from partial curves.
struct PredictCommand: Command {
  static let name = "predict"
  static let abstract = "Reproduce the performance-prediction tables (Baker et al. 2018, NAAP-440)."
  static let usage = """
    usage: tabnas predict --dataset baker:FILE [--fraction 0.25] [--train-size 100] [--repeats 10]
                          [--models nu-svr-rbf,nu-svr-linear,random-forest,ols] [--features ts,ap,hp]
                          [--draws 20] [--folds 3] [--seed S] [--data DIR] [--json]
           tabnas predict --dataset naap440 --protocol naap440 [--data DIR] [--json]

    Baker et al. (2018) Table 1: R² × 100 (mean ± standard error over the repeats) of
    predicting each configuration's final value from the first fraction of its curve plus
    architecture and hyperparameter features, training on --train-size random configurations
    and testing on the rest; each model is tuned by random search with k-fold
    cross-validation. With --features, Table 2: one row per combination of the groups listed.
    NAAP-440: the published protocol (train on IsTest 0, test on the 40 IsTest 1 rows, target
    MaxAccuracy, 0/3/6/9 epochs, 5 seeds, median run) for every regressor, beside the
    published baseline_results.csv, then TabularNAS's tuned predictors.

    options:
      --fraction F           the observed part of each curve, in (0, 1] (default 0.25)
      --train-size N         training configurations per repeat (default 100)
      --repeats N            random splits (default 10)
      --models LIST          \(ModelFamily.allCases.map(\.rawValue).joined(separator: ", "))
      --features LIST        ablation over the combinations of ts, ap, hp
      --draws N              random-search draws per model (default 20)
      --folds K              cross-validation folds (default 3)
      --seed S               base seed (default 0)
      --protocol naap440     run the NAAP-440 protocol
    \(DatasetOptions.usage)
      --help                 show this help
    """

  var fraction: Double
  var trainingSize: Int
  var repeats: Int
  var models: [ModelFamily]
  var featureSets: [CurveFeatureGroups]
  var draws: Int
  var folds: Int
  var seed: UInt64
  var protocolName: String?
  var dataset: DatasetOptions

  init(parsing arguments: inout Arguments) throws {
    fraction = try arguments.option("fraction", as: { Double($0).flatMap { $0 > 0 && $0 <= 1 ? $0 : nil } }, expecting: "a number in (0, 1]") ?? 0.25
    trainingSize = try arguments.option("train-size", as: OptionValue.positiveInteger, expecting: "a positive integer") ?? 100
    repeats = try arguments.option("repeats", as: { OptionValue.positiveInteger($0, atMost: 10_000) }, expecting: "an integer in 1…10000") ?? 10
    let modelList = try arguments.option("models") ?? "nu-svr-rbf,nu-svr-linear,random-forest,ols"
    do {
      models = try modelList.split(separator: ",", omittingEmptySubsequences: false).map { try ModelFamily(parsing: String($0)) }
    } catch let error as PredictionError {
      throw UsageError.invalidValue(option: "models", value: modelList, expected: "a list of \(error.allowedText)")
    }
    let featureList = try arguments.option("features")
    do {
      featureSets = try featureList.map { try CurveFeatureGroups(parsing: $0).combinations } ?? [.all]
    } catch let error as PredictionError {
      throw UsageError.invalidValue(option: "features", value: featureList ?? "", expected: "a list of \(error.allowedText)")
    }
    draws = try arguments.option("draws", as: { OptionValue.positiveInteger($0, atMost: 100_000) }, expecting: "an integer in 1…100000") ?? 20
    folds = try arguments.option("folds", as: { Int($0).flatMap { $0 >= 2 && $0 <= 100 ? $0 : nil } }, expecting: "an integer in 2…100") ?? 3
    seed = try arguments.option("seed", as: { UInt64($0) }, expecting: "a non-negative integer") ?? 0
    protocolName = try arguments.option("protocol")
    dataset = try DatasetOptions(parsing: &arguments)
    if !dataset.choice.hasPredictionTables {
      throw UsageError.commandNotForDataset(
        command: "predict", dataset: dataset.datasetName,
        reason: "the prediction tables it reproduces are published for naap440 and the baker:FILE learning curves")
    }
    if let protocolName, protocolName != "naap440" {
      throw UsageError.invalidValue(option: "protocol", value: protocolName, expected: "naap440")
    }
  }

  func run(console: Console) throws {
    try predict(on: dataset.open(console: console), console: console)
  }

  private func predict<B: RegisteredBenchmark>(on data: B, console: Console) throws {
    if protocolName != nil {
      try runNAAPProtocol(NAAPProtocol(benchmark: data), console: console)
      return
    }
    let experiment = FinalValueExperiment(
      fraction: fraction, trainingSize: trainingSize, repeats: repeats, models: models, featureSets: featureSets,
      draws: draws, folds: folds, seed: seed)
    let report = try experiment.run(on: data)
    console.print(dataset.json ? report.json.text : report.table)
  }
}

extension PredictionError {
  /// The allowed names of an unknown-name error, for usage messages.
  var allowedText: String {
    if case .unknownName(_, _, let allowed) = self { allowed.joined(separator: ", ") } else { "\(self)" }
  }
}
