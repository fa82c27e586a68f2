import Foundation
import Testing
@testable import TabularNAS

@Suite("Prediction on the real files", .enabled(if: SharedData.folder != nil, SharedData.skipReason))
struct RealPredictionTests {
  @Test("NAAP-440: deterministic published baselines are reproduced to the published digits", arguments: [
    ("3-NN", 3, 0.0068, 44), ("9-NN", 6, 0.0067, 31), ("Linear Regression", 0, 0.0169, 64),
    ("Linear Regression D=0.25", 9, 0.0062, 41), ("SVR (RBF kernel)", 6, 0.0052, 30), ("SVR (Polynomial kernel)", 3, 0.0084, 47),
  ])
  func naapBaselines(model: String, epochs: Int, meanAbsoluteError: Double, violations: Int) throws {
    let naap = try NAAPProtocol(dataset: LearningCurveDataset(named: "naap440", dataFolder: SharedData.folder))
    let width = try naap.features(epochs: epochs, keys: [naap.dataset.configuration(checkedAt: 0)]).columnCount
    let regressor = try #require(NAAPProtocol.publishedRegressors(featureCount: width).first { $0.name == model }?.regressor)
    let result = try naap.evaluate(model: model, epochs: epochs) { x, y, seed in
      FittedPredictor(members: [try Pipeline(regressor, scalesTargets: false).fit(x, y, seed: seed)])
    }
    #expect((result.meanAbsoluteError * 10_000).rounded() / 10_000 == meanAbsoluteError)
    #expect(result.violations == violations && result.pairs == 780)
  }

  @Test("the published baseline table reads as 96 rows")
  func publishedTable() throws {
    let folder = try #require(SharedData.folder)
    let table = try NAAPProtocol.published(contentsOf: folder + "/naap440/baseline_results.csv")
    #expect(table.count == 96)
    #expect(table["Random Forest (N=200)|Scheme + Quantitative 9 epochs"]?.violations == 25)
  }
}
