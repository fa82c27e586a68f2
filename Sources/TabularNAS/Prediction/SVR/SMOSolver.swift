/// Sequential minimal optimisation for the support-vector regression duals, after libsvm
/// (Chang & Lin 2011): second-order working-set selection (Fan, Chen & Lin 2005), the
/// two-variable update with clipping, and the stopping rule `m(α) − M(α) < tolerance`.
///
/// The dual has 2n variables: αᵢ (sign +1) and αᵢ* (sign −1) per example, with
/// `Qᵢⱼ = sᵢ sⱼ K(xᵢ, xⱼ)`. ε-SVR has one equality constraint (Σ sᵢαᵢ = 0); ν-SVR two, one
/// per sign, and its selection works within one sign at a time. No shrinking: problems here
/// have hundreds of examples, and the whole kernel matrix is kept.
struct SMOSolver {
  /// The dual variables, `[α₁…αₙ, α₁*…αₙ*]`.
  private(set) var alpha: [Double]
  /// The gradient of the dual objective.
  private(set) var gradient: [Double]
  /// The signs: +1 for αᵢ, −1 for αᵢ*.
  let signs: [Double]
  /// The upper bound of every variable.
  let upperBound: Double
  /// The iterations taken.
  private(set) var iterations = 0

  private let kernel: [Double]  // n × n
  private let exampleCount: Int
  private let isNu: Bool
  private static let tau = 1e-12

  /// Sets up the dual: `kernel` is the n × n kernel matrix, `linear` the 2n linear terms.
  init(kernel: [Double], exampleCount: Int, linear: [Double], alpha: [Double], upperBound: Double, isNu: Bool) {
    self.kernel = kernel
    self.exampleCount = exampleCount
    self.alpha = alpha
    self.upperBound = upperBound
    self.isNu = isNu
    signs = (0..<2 * exampleCount).map { $0 < exampleCount ? 1 : -1 }
    gradient = linear
    for i in alpha.indices where alpha[i] != 0 {
      for j in gradient.indices { gradient[j] += alpha[i] * q(i, j) }
    }
  }

  @inline(__always)
  func q(_ i: Int, _ j: Int) -> Double {
    let n = exampleCount
    return signs[i] * signs[j] * kernel[(i % n) * n + (j % n)]
  }

  @inline(__always)
  private func isUpper(_ i: Int) -> Bool { alpha[i] >= upperBound }
  @inline(__always)
  private func isLower(_ i: Int) -> Bool { alpha[i] <= 0 }

  /// Iterates until the stopping rule holds (or an iteration cap far beyond need).
  mutating func solve(tolerance: Double) {
    let cap = max(10_000_000, 100 * alpha.count)
    while iterations < cap {
      guard let (i, j) = isNu ? selectNu(tolerance: tolerance) : select(tolerance: tolerance) else { return }
      iterations += 1
      update(i, j)
    }
  }

  /// libsvm's `select_working_set`: i maximises the violation, j the second-order gain.
  private func select(tolerance: Double) -> (Int, Int)? {
    var gMax = -Double.infinity, gMax2 = -Double.infinity, iBest = -1
    for t in alpha.indices {
      if signs[t] > 0 {
        if !isUpper(t) && -gradient[t] >= gMax { gMax = -gradient[t]; iBest = t }
      } else if !isLower(t) && gradient[t] >= gMax {
        gMax = gradient[t]
        iBest = t
      }
    }
    var jBest = -1, objectiveMin = Double.infinity
    for j in alpha.indices {
      if signs[j] > 0 {
        guard !isLower(j) else { continue }
        let gradientDifference = gMax + gradient[j]
        gMax2 = max(gMax2, gradient[j])
        if gradientDifference > 0, iBest >= 0 {
          let quadratic = q(iBest, iBest) + q(j, j) - 2 * signs[iBest] * q(iBest, j)
          let objective = -gradientDifference * gradientDifference / (quadratic > 0 ? quadratic : Self.tau)
          if objective <= objectiveMin { jBest = j; objectiveMin = objective }
        }
      } else {
        guard !isUpper(j) else { continue }
        let gradientDifference = gMax - gradient[j]
        gMax2 = max(gMax2, -gradient[j])
        if gradientDifference > 0, iBest >= 0 {
          let quadratic = q(iBest, iBest) + q(j, j) + 2 * signs[iBest] * q(iBest, j)
          let objective = -gradientDifference * gradientDifference / (quadratic > 0 ? quadratic : Self.tau)
          if objective <= objectiveMin { jBest = j; objectiveMin = objective }
        }
      }
    }
    guard gMax + gMax2 >= tolerance, jBest >= 0, iBest >= 0 else { return nil }
    return (iBest, jBest)
  }

  /// libsvm's `Solver_NU::select_working_set`: the pair shares a sign.
  private func selectNu(tolerance: Double) -> (Int, Int)? {
    var gMaxP = -Double.infinity, gMaxP2 = -Double.infinity, iP = -1
    var gMaxN = -Double.infinity, gMaxN2 = -Double.infinity, iN = -1
    for t in alpha.indices {
      if signs[t] > 0 {
        if !isUpper(t) && -gradient[t] >= gMaxP { gMaxP = -gradient[t]; iP = t }
      } else if !isLower(t) && gradient[t] >= gMaxN {
        gMaxN = gradient[t]
        iN = t
      }
    }
    var jBest = -1, objectiveMin = Double.infinity
    for j in alpha.indices {
      if signs[j] > 0 {
        guard !isLower(j) else { continue }
        let gradientDifference = gMaxP + gradient[j]
        gMaxP2 = max(gMaxP2, gradient[j])
        if gradientDifference > 0, iP >= 0 {
          let quadratic = q(iP, iP) + q(j, j) - 2 * q(iP, j)
          let objective = -gradientDifference * gradientDifference / (quadratic > 0 ? quadratic : Self.tau)
          if objective <= objectiveMin { jBest = j; objectiveMin = objective }
        }
      } else {
        guard !isUpper(j) else { continue }
        let gradientDifference = gMaxN - gradient[j]
        gMaxN2 = max(gMaxN2, -gradient[j])
        if gradientDifference > 0, iN >= 0 {
          let quadratic = q(iN, iN) + q(j, j) - 2 * q(iN, j)
          let objective = -gradientDifference * gradientDifference / (quadratic > 0 ? quadratic : Self.tau)
          if objective <= objectiveMin { jBest = j; objectiveMin = objective }
        }
      }
    }
    guard max(gMaxP + gMaxP2, gMaxN + gMaxN2) >= tolerance, jBest >= 0 else { return nil }
    let i = signs[jBest] > 0 ? iP : iN
    return i >= 0 ? (i, jBest) : nil
  }

  /// Solves the two-variable subproblem exactly and clips it to the box, then updates G.
  private mutating func update(_ i: Int, _ j: Int) {
    let bound = upperBound
    let (oldI, oldJ) = (alpha[i], alpha[j])
    if signs[i] != signs[j] {
      var quadratic = q(i, i) + q(j, j) + 2 * q(i, j)
      if quadratic <= 0 { quadratic = Self.tau }
      let delta = (-gradient[i] - gradient[j]) / quadratic
      let difference = alpha[i] - alpha[j]
      alpha[i] += delta
      alpha[j] += delta
      if difference > 0 {
        if alpha[j] < 0 { alpha[j] = 0; alpha[i] = difference }
      } else if alpha[i] < 0 {
        alpha[i] = 0
        alpha[j] = -difference
      }
      if difference > 0 {
        if alpha[i] > bound { alpha[i] = bound; alpha[j] = bound - difference }
      } else if alpha[j] > bound {
        alpha[j] = bound
        alpha[i] = bound + difference
      }
    } else {
      var quadratic = q(i, i) + q(j, j) - 2 * q(i, j)
      if quadratic <= 0 { quadratic = Self.tau }
      let delta = (gradient[i] - gradient[j]) / quadratic
      let sum = alpha[i] + alpha[j]
      alpha[i] -= delta
      alpha[j] += delta
      if sum > bound {
        if alpha[i] > bound { alpha[i] = bound; alpha[j] = sum - bound }
      } else if alpha[j] < 0 {
        alpha[j] = 0
        alpha[i] = sum
      }
      if sum > bound {
        if alpha[j] > bound { alpha[j] = bound; alpha[i] = sum - bound }
      } else if alpha[i] < 0 {
        alpha[i] = 0
        alpha[j] = sum
      }
    }
    let (deltaI, deltaJ) = (alpha[i] - oldI, alpha[j] - oldJ)
    for k in gradient.indices { gradient[k] += q(i, k) * deltaI + q(j, k) * deltaJ }
  }

  /// The offset ρ of the decision function `f(x) = Σ (αᵢ − αᵢ*) K(xᵢ, x) − ρ`, and for ν-SVR the
  /// tube half-width ε the solution implies (libsvm's `calculate_rho`).
  func offset() -> (rho: Double, epsilon: Double?) {
    guard isNu else { return (freeAverage(Array(alpha.indices)), nil) }
    // Per sign, on sᵢGᵢ; the negative class's average is of −Gᵢ, hence the sign flip.
    let r1 = freeAverage(alpha.indices.filter { signs[$0] > 0 })
    let r2 = -freeAverage(alpha.indices.filter { signs[$0] < 0 })
    return ((r1 - r2) / 2, -(r1 + r2) / 2)
  }

  /// The mean of sᵢGᵢ over free variables, or the middle of the interval the bounded ones allow.
  private func freeAverage(_ indices: [Int]) -> Double {
    var upper = Double.infinity, lower = -Double.infinity, sum = 0.0, free = 0
    for i in indices {
      let value = signs[i] * gradient[i]
      if isUpper(i) {
        if signs[i] < 0 { upper = min(upper, value) } else { lower = max(lower, value) }
      } else if isLower(i) {
        if signs[i] > 0 { upper = min(upper, value) } else { lower = max(lower, value) }
      } else {
        free += 1
        sum += value
      }
    }
    return free > 0 ? sum / Double(free) : (upper + lower) / 2
  }
}
