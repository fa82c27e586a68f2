import Foundation

/// Least squares with an intercept: ordinary (the minimum-norm solution when features are
/// collinear or outnumber the rows, like NumPy's `lstsq`) or ridge with penalty λ‖w‖².
///
/// `targetPower` d ≠ 1 fits `y^(1/d) − 1` and predicts `(ŷ + 1)^d`, NAAP-440's
/// "Linear Regression D=d" baseline.
public struct LinearRegression: Regressor {
  /// The ridge penalty λ ≥ 0 (0: ordinary least squares).
  public var ridge: Double
  /// The power of NAAP-440's polynomial activation; 1 for plain regression.
  public var targetPower: Double

  /// Creates a regressor.
  public init(ridge: Double = 0, targetPower: Double = 1) {
    self.ridge = ridge
    self.targetPower = targetPower
  }

  /// `ols`, `ridge`, or `ols-d0.5`.
  public var name: String {
    (ridge == 0 ? "ols" : "ridge") + (targetPower == 1 ? "" : "-d\(targetPower)")
  }

  /// Solves the normal equations through the eigendecomposition of the smaller Gram matrix.
  public func fit(_ features: FeatureMatrix, _ targets: [Double], seed: UInt64) throws -> any RegressionModel {
    try validateTrainingSet(features, targets, minimumRows: 1, method: name)
    guard ridge >= 0, ridge.isFinite else {
      throw PredictionError.invalidHyperparameter(name: "ridge", value: ridge, allowed: "λ must be ≥ 0")
    }
    guard targetPower > 0, targetPower.isFinite else {
      throw PredictionError.invalidHyperparameter(name: "targetPower", value: targetPower, allowed: "d must be positive")
    }
    let transformed = targetPower == 1 ? targets : targets.map { Foundation.pow($0, 1 / targetPower) - 1 }
    if let row = transformed.firstIndex(where: { !$0.isFinite }) {
      throw PredictionError.nonFiniteValue(row: row, column: "target^(1/\(targetPower))")
    }
    let n = features.rowCount, p = features.columnCount
    let means = (0..<p).map { column in (0..<n).reduce(0.0) { $0 + features[$1, column] } / Double(n) }
    let targetMean = transformed.reduce(0, +) / Double(n)
    var centred = features
    for row in 0..<n { for column in 0..<p { centred[row, column] -= means[column] } }
    let y = transformed.map { $0 - targetMean }
    let weights = p <= n ? primal(centred, y) : dual(centred, y)
    let intercept = targetMean - zip(weights, means).reduce(0) { $0 + $1.0 * $1.1 }
    return LinearModel(weights: weights, intercept: intercept, targetPower: targetPower)
  }

  /// w = (XᵀX + λI)⁺ Xᵀy from the p × p Gram matrix.
  private func primal(_ x: FeatureMatrix, _ y: [Double]) -> [Double] {
    let n = x.rowCount, p = x.columnCount
    var gram = [Double](repeating: 0, count: p * p), moment = [Double](repeating: 0, count: p)
    for row in 0..<n {
      for i in 0..<p {
        moment[i] += x[row, i] * y[row]
        for j in i..<p { gram[i * p + j] += x[row, i] * x[row, j] }
      }
    }
    for i in 0..<p { for j in 0..<i { gram[i * p + j] = gram[j * p + i] } }
    return pseudoSolve(gram, size: p, moment)
  }

  /// w = Xᵀ (XXᵀ + λI)⁺ y from the n × n Gram matrix, for more features than rows.
  private func dual(_ x: FeatureMatrix, _ y: [Double]) -> [Double] {
    let n = x.rowCount, p = x.columnCount
    var gram = [Double](repeating: 0, count: n * n)
    for i in 0..<n {
      for j in i..<n {
        var sum = 0.0
        for k in 0..<p { sum += x[i, k] * x[j, k] }
        gram[i * n + j] = sum
        gram[j * n + i] = sum
      }
    }
    let a = pseudoSolve(gram, size: n, y)
    return (0..<p).map { k in (0..<n).reduce(0.0) { $0 + x[$1, k] * a[$1] } }
  }

  /// (G + λI)⁺ b, dropping eigenvalues below the rank tolerance.
  private func pseudoSolve(_ gram: [Double], size: Int, _ b: [Double]) -> [Double] {
    let eigen = SymmetricEigen(symmetric: gram, size: size)
    let largest = eigen.values.map(abs).max() ?? 0
    let cutoff = largest * Double(size) * 1e-13
    var solution = [Double](repeating: 0, count: size)
    for k in 0..<size {
      let value = eigen.values[k] + ridge
      guard abs(value) > cutoff, value > 0 else { continue }
      var projection = 0.0
      for i in 0..<size { projection += eigen.vectors[i * size + k] * b[i] }
      for i in 0..<size { solution[i] += eigen.vectors[i * size + k] * projection / value }
    }
    return solution
  }
}

/// A fitted linear model.
public struct LinearModel: RegressionModel {
  /// The feature weights.
  public let weights: [Double]
  /// The intercept.
  public let intercept: Double
  /// NAAP-440's activation power (1: none).
  public let targetPower: Double

  /// `w·x + b`, raised as the activation asks.
  public func predict(_ row: ArraySlice<Double>) -> Double {
    var sum = intercept
    for (weight, value) in zip(weights, row) { sum += weight * value }
    return targetPower == 1 ? sum : Foundation.pow(sum + 1, targetPower)
  }
}
