import Foundation
import Testing
@testable import TabularNAS

@Suite("Regressors on problems with known answers")
struct RegressorTests {
  /// Rows of a seeded uniform design.
  private func design(rows: Int, columns: Int, seed: UInt64) -> FeatureMatrix {
    var generator = SplitMix64(seed: seed)
    return FeatureMatrix(rows: (0..<rows).map { _ in (0..<columns).map { _ in Double.random(in: -1...1, using: &generator) } })
  }

  @Test("least squares recovers an exactly linear target, also with a repeated column and more columns than rows")
  func exactlyLinear() throws {
    let x = design(rows: 30, columns: 3, seed: 1)
    let y = (0..<30).map { 2 * x[$0, 0] - 3 * x[$0, 1] + 0.5 * x[$0, 2] + 5 }
    let model = try LinearRegression().fit(x, y, seed: 0)
    let linear = try #require(model as? LinearModel)
    #expect(zip(linear.weights, [2, -3, 0.5]).allSatisfy { abs($0 - $1) < 1e-9 })
    #expect(abs(linear.intercept - 5) < 1e-9)
    let repeated = FeatureMatrix(rows: x.rowArrays.map { $0 + [$0[0]] })
    let predictions = try LinearRegression().fit(repeated, y, seed: 0).predict(repeated)
    #expect(zip(predictions, y).allSatisfy { abs($0 - $1) < 1e-8 })
    let wide = design(rows: 10, columns: 25, seed: 2)
    let targets = (0..<10).map { Double($0) }
    #expect(zip(try LinearRegression().fit(wide, targets, seed: 0).predict(wide), targets).allSatisfy { abs($0 - $1) < 1e-7 })
  }

  @Test("ridge shrinks the weights; the NAAP-440 power activation inverts exactly")
  func ridgeAndPower() throws {
    let x = design(rows: 40, columns: 2, seed: 3)
    let y = (0..<40).map { 3 * x[$0, 0] + x[$0, 1] }
    let plain = try #require(try LinearRegression().fit(x, y, seed: 0) as? LinearModel)
    let ridge = try #require(try LinearRegression(ridge: 10).fit(x, y, seed: 0) as? LinearModel)
    #expect(ridge.weights.map(abs).reduce(0, +) < plain.weights.map(abs).reduce(0, +))
    let positive = (0..<40).map { pow(1 + 0.1 * x[$0, 0], 0.5) }
    let powered = try LinearRegression(targetPower: 0.5).fit(x, positive, seed: 0)
    #expect(zip(powered.predict(x), positive).allSatisfy { abs($0 - $1) < 1e-9 })
  }

  @Test("SVR duals satisfy their constraints and the KKT conditions at the end", arguments: [
    SupportVectorRegressor(loss: .epsilon(0.1), penalty: 1, kernel: .rbf(gamma: 0.5)),
    SupportVectorRegressor(loss: .epsilon(0.05), penalty: 10, kernel: .linear),
    SupportVectorRegressor(loss: .nu(0.4), penalty: 2, kernel: .rbf(gamma: 0.5)),
    SupportVectorRegressor(loss: .nu(0.6), penalty: 1, kernel: .polynomial(gamma: 0.5, coef0: 1, degree: 2)),
  ])
  func svrOptimality(regressor: SupportVectorRegressor) throws {
    let x = design(rows: 60, columns: 2, seed: 4)
    let y = (0..<60).map { sin(2 * x[$0, 0]) + 0.3 * x[$0, 1] }
    let model = try regressor.fitModel(x, y)
    let n = 60, c = regressor.penalty
    let alpha = Array(model.dual[0..<n]), star = Array(model.dual[n...])
    #expect(model.dual.allSatisfy { $0 >= 0 && $0 <= c })
    #expect(abs(alpha.reduce(0, +) - star.reduce(0, +)) < 1e-9)
    if case .nu(let nu) = regressor.loss {
      #expect(abs(alpha.reduce(0, +) + star.reduce(0, +) - c * nu * Double(n)) < 1e-9)
    }
    // KKT: inside the tube no multiplier is active; outside it one is at C; on it, free.
    let epsilon: Double = if case .epsilon(let value) = regressor.loss { value } else { model.tube ?? 0 }
    let slack = 2 * regressor.tolerance
    for i in 0..<n {
      let residual = model.predict(x[i]) - y[i]
      if alpha[i] > 0 && alpha[i] < c { #expect(abs(residual + epsilon) < slack, "free α at \(i)") }
      if star[i] > 0 && star[i] < c { #expect(abs(residual - epsilon) < slack, "free α* at \(i)") }
      if alpha[i] == 0 && star[i] == 0 { #expect(abs(residual) <= epsilon + slack, "inactive at \(i)") }
    }
  }

  @Test("a CART tree separates a 1-D step with one split; k-NN with k = 1 reproduces its rows")
  func separable() throws {
    let x = FeatureMatrix(rows: (0..<20).map { [Double($0) / 19] })
    let y = (0..<20).map { $0 < 12 ? 0.0 : 1.0 }
    let tree = try #require(try DecisionTree().fit(x, y, seed: 0) as? DecisionTreeModel)
    #expect(tree.leafCount == 2)
    #expect(tree.predict(x) == y)
    #expect(tree.predict([0.62][...]) == 1 && tree.predict([0.57][...]) == 0)
    #expect(try NearestNeighbors(neighbors: 1).fit(x, y, seed: 0).predict(x) == y)
    #expect(try NearestNeighbors(neighbors: 20).fit(x, y, seed: 0).predict([0.3][...]) == 0.4)
  }

  @Test("forests and boosting are deterministic under a seed and fit what trees can")
  func ensembles() throws {
    let x = design(rows: 80, columns: 3, seed: 5)
    let y = (0..<80).map { x[$0, 0] > 0 ? 1 + x[$0, 1] : -1 }
    let forest = RandomForest(trees: 30, tree: DecisionTree(maxFeatures: 0.5))
    let first = try forest.fit(x, y, seed: 9).predict(x), second = try forest.fit(x, y, seed: 9).predict(x)
    #expect(first == second)
    #expect(try forest.fit(x, y, seed: 10).predict(x) != first)
    #expect(Metrics.rSquared(predictions: first, truths: y) > 0.9)
    let few = try GradientBoosting(stages: 5).fit(x, y, seed: 0).predict(x)
    let many = try GradientBoosting(stages: 200).fit(x, y, seed: 0).predict(x)
    let error = { (p: [Double]) in zip(p, y).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } }
    #expect(error(many) < error(few) && error(many) < 1e-2)
  }

  @Test("constant features standardise to zero, never NaN")
  func constantFeatures() throws {
    let x = FeatureMatrix(rows: (0..<10).map { [Double($0), 7, 7] })
    let standardized = Standardizer(fitting: x).transform(x)
    #expect(standardized.values.allSatisfy { $0.isFinite })
    #expect((0..<10).allSatisfy { standardized[$0, 1] == 0 })
    let y = (0..<10).map { 2 * Double($0) }
    let fitted = try Pipeline(SupportVectorRegressor(loss: .nu(0.5), kernel: .linear)).fit(x, y, seed: 0)
    #expect(try fitted.predict(x).allSatisfy { $0.isFinite })
  }

  @Test("bad input is a clear error")
  func badInput() throws {
    let x = FeatureMatrix(rows: [[1], [2], [.nan]])
    #expect(throws: PredictionError.nonFiniteValue(row: 2, column: "feature 0")) { try LinearRegression().fit(x, [1, 2, 3], seed: 0) }
    let good = FeatureMatrix(rows: [[1], [2], [3]])
    #expect(throws: PredictionError.nonFiniteValue(row: 1, column: "target")) { try LinearRegression().fit(good, [1, .infinity, 3], seed: 0) }
    #expect(throws: PredictionError.targetCountMismatch(targets: 2, rows: 3)) { try LinearRegression().fit(good, [1, 2], seed: 0) }
    #expect(throws: PredictionError.tooFewRows(3, needed: 5, reason: "5-fold cross-validation")) {
      try HyperparameterSearch(family: .ridge, folds: 5).select(good, [1, 2, 3], seed: 0)
    }
    #expect(throws: PredictionError.tooFewRows(3, needed: 4, reason: "4-nearest neighbours")) {
      try NearestNeighbors(neighbors: 4).fit(good, [1, 2, 3], seed: 0)
    }
    #expect(throws: PredictionError.invalidHyperparameter(name: "nu", value: 1.5, allowed: "ν must be in (0, 1]")) {
      try SupportVectorRegressor(loss: .nu(1.5)).fit(good, [1, 2, 3], seed: 0)
    }
    #expect(throws: PredictionError.invalidHyperparameter(name: "C", value: 0, allowed: "C must be positive")) {
      try SupportVectorRegressor(loss: .epsilon(0.1), penalty: 0).fit(good, [1, 2, 3], seed: 0)
    }
    let fitted = try Pipeline(LinearRegression()).fit(good, [1, 2, 3], seed: 0)
    #expect(throws: PredictionError.featureCountMismatch(found: 2, expected: 1)) { try fitted.predict([1, 2]) }
    #expect(throws: PredictionError.unknownName("svm", kind: "model", allowed: ModelFamily.allCases.map(\.rawValue))) {
      try ModelFamily(parsing: "svm")
    }
  }

  @Test("metrics: R², MAE and NAAP-440's monotonicity violations")
  func metrics() {
    #expect(Metrics.rSquared(predictions: [1, 2, 3], truths: [1, 2, 3]) == 1)
    #expect(Metrics.rSquared(predictions: [2, 2, 2], truths: [1, 2, 3]) == 0)
    #expect(Metrics.meanAbsoluteError(predictions: [1, 2, 4], truths: [1, 2, 3]) == 1.0 / 3)
    #expect(Metrics.monotonicityViolations(predictions: [0.1, 0.3, 0.2], truths: [1, 2, 3]) == (1, 3))
    #expect(Metrics.monotonicityViolations(predictions: [3, 2, 1], truths: [1, 2, 3]) == (3, 3))
    #expect(Metrics.monotonicityViolations(predictions: [1, 1, 1], truths: [1, 2, 3]) == (0, 3))
    let (mean, error) = Metrics.meanAndStandardError([1, 2, 3, 4])
    #expect(mean == 2.5 && abs(error - 0.6454972243679028) < 1e-12)
  }
}
