import TabularNAS

extension PredictCommand {
  /// The NAAP-440 protocol: every published regressor beside the published row, then
  /// TabularNAS's tuned predictors (with the derived scheme features).
  func runNAAPProtocol(_ naap: NAAPProtocol, console: Console) throws {
    let published = try naap.publishedTable()
    let reproduced = try naap.reproducePublished()
    var tuned: [NAAPProtocol.Result] = []
    for family in models {
      for epochs in NAAPProtocol.epochCounts {
        tuned.append(
          try naap.evaluateTuned(
            ModelSelection(family: family, draws: draws, folds: folds, criterion: .rankViolations),
            name: "TabularNAS \(family.rawValue)", epochs: epochs))
      }
    }
    if dataset.json {
      console.print(JSONValue.array((reproduced + tuned).map { result in
        let reference = published[result.model + "|" + result.features]
        return .object([
          .init("model", .string(result.model)), .init("features", .string(result.features)),
          .init("mae", .number(result.meanAbsoluteError)), .init("violations", .integer(result.violations)),
          .init("pairs", .integer(result.pairs)), .init("monotonicity_score", .number(result.monotonicityScore)),
          .init("published_mae", reference.map { .number($0.meanAbsoluteError) } ?? .null),
          .init("published_violations", reference.map { .integer($0.violations) } ?? .null),
        ])
      }).text)
      return
    }
    console.print("NAAP-440 protocol: train on \(400) IsTest = 0 rows, test on the 40 others; median of 5 seeds by violations")
    console.print(
      "model".padding(toLength: 30, withPad: " ", startingAt: 0) + "features".padding(toLength: 33, withPad: " ", startingAt: 0)
        + "MAE    viol  score  | published MAE  viol  score")
    for result in reproduced + tuned {
      let reference = published[result.model + "|" + result.features]
      let ours = String(format: "%.4f %5d %.4f", result.meanAbsoluteError, result.violations, result.monotonicityScore)
      let theirs = reference.map { String(format: "%.4f %5d %.4f", $0.meanAbsoluteError, $0.violations, $0.score) } ?? "—"
      console.print(
        result.model.padding(toLength: 30, withPad: " ", startingAt: 0)
          + result.features.padding(toLength: 33, withPad: " ", startingAt: 0) + ours + "  |     " + theirs)
    }
    let skipped = Set(published.keys.map { String($0.split(separator: "|")[0]) }).subtracting(reproduced.map(\.model)).sorted()
    if !skipped.isEmpty { console.print("not implemented (published rows only): \(skipped.joined(separator: ", "))") }
  }
}
