/// Support-vector regression: ε-SVR (Vapnik) and ν-SVR (Schölkopf et al. 2000), solved by
/// ``SMOSolver`` exactly as libsvm formulates them, so that results match scikit-learn's `SVR`
/// and `NuSVR` on the same data and hyperparameters.
public struct SupportVectorRegressor: Regressor {
  /// How the tube around the targets is set.
  public enum Loss: Equatable, Sendable {
    /// A fixed tube half-width ε ≥ 0.
    case epsilon(Double)
    /// ν ∈ (0, 1]: an upper bound on the fraction of errors and a lower bound on the fraction
    /// of support vectors; the tube width is learned.
    case nu(Double)
  }

  /// ε- or ν-SVR.
  public var loss: Loss
  /// The penalty C > 0.
  public var penalty: Double
  /// The kernel.
  public var kernel: Kernel
  /// The stopping tolerance on the maximal KKT violation (libsvm's `eps`, default 1e-3).
  public var tolerance: Double

  /// Creates a regressor.
  public init(loss: Loss, penalty: Double = 1, kernel: Kernel = .rbf(gamma: 0.1), tolerance: Double = 1e-3) {
    self.loss = loss
    self.penalty = penalty
    self.kernel = kernel
    self.tolerance = tolerance
  }

  /// `nu-svr-rbf`, `epsilon-svr-linear`, …
  public var name: String {
    let lossName = if case .nu = loss { "nu-svr" } else { "epsilon-svr" }
    switch kernel {
    case .linear: return lossName + "-linear"
    case .rbf: return lossName + "-rbf"
    case .polynomial: return lossName + "-poly"
    }
  }

  /// Fits by SMO; deterministic, so `seed` is unused.
  public func fit(_ features: FeatureMatrix, _ targets: [Double], seed: UInt64) throws -> any RegressionModel {
    try fitModel(features, targets)
  }

  /// Fits and returns the concrete model (with its dual solution, for inspection).
  ///
  /// - Throws: ``PredictionError`` for bad sizes, non-finite values or hyperparameters.
  public func fitModel(_ features: FeatureMatrix, _ targets: [Double]) throws -> SupportVectorModel {
    try validateTrainingSet(features, targets, minimumRows: 1, method: name)
    guard penalty > 0, penalty.isFinite else {
      throw PredictionError.invalidHyperparameter(name: "C", value: penalty, allowed: "C must be positive")
    }
    guard tolerance > 0 else {
      throw PredictionError.invalidHyperparameter(name: "tolerance", value: tolerance, allowed: "it must be positive")
    }
    try validate(kernel)
    let n = features.rowCount
    let gram = kernel.trainingMatrix(features)
    var linear = [Double](repeating: 0, count: 2 * n)
    var alpha = [Double](repeating: 0, count: 2 * n)
    let isNu: Bool
    switch loss {
    case .epsilon(let epsilon):
      guard epsilon >= 0, epsilon.isFinite else {
        throw PredictionError.invalidHyperparameter(name: "epsilon", value: epsilon, allowed: "ε must be ≥ 0")
      }
      isNu = false
      for i in 0..<n {
        linear[i] = epsilon - targets[i]
        linear[i + n] = epsilon + targets[i]
      }
    case .nu(let nu):
      guard nu > 0 && nu <= 1 else {
        throw PredictionError.invalidHyperparameter(name: "nu", value: nu, allowed: "ν must be in (0, 1]")
      }
      isNu = true
      // libsvm's start: Σαᵢ = Σαᵢ* = Cνn/2, filled from the first examples.
      var remaining = penalty * nu * Double(n) / 2
      for i in 0..<n {
        let value = min(remaining, penalty)
        alpha[i] = value
        alpha[i + n] = value
        remaining -= value
        linear[i] = -targets[i]
        linear[i + n] = targets[i]
      }
    }
    var solver = SMOSolver(
      kernel: gram, exampleCount: n, linear: linear, alpha: alpha, upperBound: penalty, isNu: isNu, tolerance: tolerance)
    solver.solve()
    let (rho, tube) = solver.offset()
    let dual = solver.solution
    let coefficients = (0..<n).map { dual[$0] - dual[$0 + n] }
    let support = coefficients.indices.filter { coefficients[$0] != 0 }
    return SupportVectorModel(
      kernel: kernel, supportVectors: features.rows(support), coefficients: support.map { coefficients[$0] },
      supportIndices: support, bias: -rho, tube: tube, dual: dual, iterations: solver.iterations)
  }

  private func validate(_ kernel: Kernel) throws {
    switch kernel {
    case .linear: break
    case .rbf(let gamma):
      guard gamma > 0, gamma.isFinite else {
        throw PredictionError.invalidHyperparameter(name: "gamma", value: gamma, allowed: "γ must be positive")
      }
    case .polynomial(let gamma, let coef0, let degree):
      guard gamma > 0, gamma.isFinite, coef0.isFinite else {
        throw PredictionError.invalidHyperparameter(name: "gamma", value: gamma, allowed: "γ must be positive")
      }
      guard degree >= 1 else {
        throw PredictionError.invalidHyperparameter(name: "degree", value: Double(degree), allowed: "the degree must be ≥ 1")
      }
    }
  }
}

/// A fitted support-vector regression: `f(x) = Σ cᵢ K(svᵢ, x) + b`.
public struct SupportVectorModel: RegressionModel {
  /// The kernel.
  public let kernel: Kernel
  /// The training rows with non-zero coefficients.
  public let supportVectors: FeatureMatrix
  /// `αᵢ − αᵢ*` of each support vector.
  public let coefficients: [Double]
  /// The positions of the support vectors in the training set.
  public let supportIndices: [Int]
  /// The bias b = −ρ.
  public let bias: Double
  /// For ν-SVR, the tube half-width ε the solution implies; `nil` for ε-SVR.
  public let tube: Double?
  /// The dual solution `[α₁…αₙ, α₁*…αₙ*]`.
  public let dual: [Double]
  /// SMO iterations taken.
  public let iterations: Int

  /// The prediction for one row.
  public func predict(_ row: ArraySlice<Double>) -> Double {
    // libsvm's order: the kernel sum, then the offset.
    var sum = 0.0
    for (position, coefficient) in coefficients.enumerated() {
      sum += coefficient * kernel(supportVectors[position], row)
    }
    return sum + bias
  }
}
