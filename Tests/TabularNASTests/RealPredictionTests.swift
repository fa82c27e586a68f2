import Foundation
import Testing
@testable import TabularNAS

@Suite("Prediction on the real files", .enabled(if: SharedData.folder != nil, SharedData.skipReason))
struct RealPredictionTests {
  @Test("NAAP-440: every deterministic published row (k-NN, linear regressions, SVR; 44) is reproduced to its digits")
  func naapDeterministicRows() throws {
    let folder = try #require(SharedData.folder)
    let naap = try NAAPProtocol(dataset: LearningCurveDataset(named: "naap440", dataFolder: folder))
    let published = try naap.publishedTable()
    var compared = 0
    for epochs in NAAPProtocol.epochCounts {
      let width = try naap.features(epochs: epochs, keys: [naap.dataset.configuration(checkedAt: 0)]).columnCount
      for (model, regressor) in NAAPProtocol.publishedRegressors(featureCount: width)
      where regressor is NearestNeighbors || regressor is LinearRegression || regressor is SupportVectorRegressor {
        // Deterministic: every seed gives the same run, so one stands for the five.
        let result = try naap.evaluate(model: model, epochs: epochs, seeds: [NAAPProtocol.seeds[0]]) { x, y, seed in
          FittedPredictor(members: [try Pipeline(regressor, scalesTargets: false).fit(x, y, seed: seed)])
        }
        let reference = try #require(published[model + "|" + result.features])
        // The published script rounds with Python's round(x, 4): the exact binary value, to nearest.
        #expect(
          String(format: "%.4f", result.meanAbsoluteError) == String(format: "%.4f", reference.meanAbsoluteError),
          "\(model), \(epochs) epochs")
        #expect(result.violations == reference.violations && result.pairs == 780, "\(model), \(epochs) epochs")
        compared += 1
      }
    }
    #expect(compared == 44)
  }

  @Test("the published baseline table reads as 96 rows")
  func publishedTable() throws {
    let folder = try #require(SharedData.folder)
    let table = try NAAPProtocol.published(contentsOf: folder + "/naap440/baseline_results.csv")
    #expect(table.count == 96)
    #expect(table["Random Forest (N=200)|Scheme + Quantitative 9 epochs"]?.violations == 25)
  }
}
