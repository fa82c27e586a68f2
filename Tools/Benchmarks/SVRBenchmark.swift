import TabularNAS

/// Support-vector regression on a CSV, for comparison with scikit-learn on identical data.
enum SVRBenchmark {
  static let usage = "svr CSV TRAIN_ROWS nu:V|epsilon:V C linear|rbf:GAMMA|poly:GAMMA:COEF0:DEGREE TOLERANCE REPETITIONS"

  /// Fits on the first TRAIN_ROWS rows (columns: features…, target), predicts the rest, and
  /// prints the median fit and prediction seconds and the predictions, as JSON.
  @Sendable static func run(_ arguments: [String]) throws {
    guard arguments.count == 7, let trainRows = Int(arguments[1]), let penalty = Double(arguments[3]),
      let tolerance = Double(arguments[5]), let repetitions = Int(arguments[6]),
      let loss = parseLoss(arguments[2]), let kernel = parseKernel(arguments[4])
    else { throw BenchmarkError.usage(usage) }
    let (features, targets) = try regressionProblem(at: arguments[0])
    let training = features.rows(Array(0..<trainRows)), test = features.rows(Array(trainRows..<features.rowCount))
    let regressor = SupportVectorRegressor(loss: loss, penalty: penalty, kernel: kernel, tolerance: tolerance)
    var model: SupportVectorModel?
    let fit = try CurveBenchmark.median(repetitions) {
      model = try regressor.fitModel(training, Array(targets.prefix(trainRows)))
    }
    guard let model else { return }
    var predictions: [Double] = []
    let predict = CurveBenchmark.median(repetitions) { predictions = model.predict(test) }
    print(
      JSONValue.object([
        .init("fit_seconds", .number(fit)), .init("predict_seconds", .number(predict)),
        .init("iterations", .integer(model.iterations)), .init("support_vectors", .integer(model.coefficients.count)),
        .init("predictions", .array(predictions.map(JSONValue.number))),
      ]).text)
  }

  static func parseLoss(_ text: String) -> SupportVectorRegressor.Loss? {
    let parts = text.split(separator: ":")
    guard parts.count == 2, let value = Double(parts[1]) else { return nil }
    switch parts[0] {
    case "nu": return .nu(value)
    case "epsilon": return .epsilon(value)
    default: return nil
    }
  }

  static func parseKernel(_ text: String) -> Kernel? {
    let parts = text.split(separator: ":").map(String.init)
    switch (parts.first, parts.count) {
    case ("linear", 1): return .linear
    case ("rbf", 2): return Double(parts[1]).map { .rbf(gamma: $0) }
    case ("poly", 4):
      guard let gamma = Double(parts[1]), let coef0 = Double(parts[2]), let degree = Int(parts[3]) else { return nil }
      return .polynomial(gamma: gamma, coef0: coef0, degree: degree)
    default: return nil
    }
  }
}
