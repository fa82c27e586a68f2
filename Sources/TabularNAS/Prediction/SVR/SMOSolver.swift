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
      guard let (i, j) = select(tolerance: tolerance) else { return }
      iterations += 1
      update(i, j)
    }
  }

  /// libsvm's `select_working_set` (`Solver` and, with `isNu`, `Solver_NU`): i maximises the
  /// violation (within each sign for ν-SVR), j the second-order gain.
  ///
  /// For SVR, `Kᵢᵢ + Kⱼⱼ − 2sᵢQᵢⱼ` (libsvm's `quad_coef` for either sign of j) and ν's
  /// `Kᵢᵢ + Kⱼⱼ − 2Qᵢⱼ` (same sign) both equal `K(i,i) + K(j,j) − 2K(i,j)` on the examples.
  private func select(tolerance: Double) -> (Int, Int)? {
    let n = exampleCount, count = alpha.count
    var gMaxP = -Double.infinity, iP = -1, gMaxN = -Double.infinity, iN = -1
    for t in 0..<count {
      if t < n {
        if !isUpper(t) && -gradient[t] >= gMaxP { gMaxP = -gradient[t]; iP = t }
      } else if !isLower(t) && gradient[t] >= gMaxN {
        gMaxN = gradient[t]
        iN = t
      }
    }
    // The plain solver picks one i over both signs (ties prefer the later, as libsvm's scan).
    if !isNu {
      if gMaxN >= gMaxP && iN >= 0 { (gMaxP, iP) = (gMaxN, iN) } else { (gMaxN, iN) = (gMaxP, iP) }
    }
    var gMaxP2 = -Double.infinity, gMaxN2 = -Double.infinity
    var jBest = -1, objectiveMin = Double.infinity
    kernel.withUnsafeBufferPointer { kernel in
      let rowP = iP >= 0 ? (iP % n) * n : 0, rowN = iN >= 0 ? (iN % n) * n : 0
      let diagonalP = iP >= 0 ? kernel[rowP + iP % n] : 0, diagonalN = iN >= 0 ? kernel[rowN + iN % n] : 0
      for j in 0..<count {
        let example = j < n ? j : j - n
        let diagonal = kernel[example * n + example]
        if j < n {
          guard !isLower(j) else { continue }
          let gradientDifference = gMaxP + gradient[j]
          gMaxP2 = max(gMaxP2, gradient[j])
          guard gradientDifference > 0, iP >= 0 else { continue }
          let quadratic = diagonalP + diagonal - 2 * kernel[rowP + example]
          let objective = -gradientDifference * gradientDifference / (quadratic > 0 ? quadratic : Self.tau)
          if objective <= objectiveMin { jBest = j; objectiveMin = objective }
        } else {
          guard !isUpper(j) else { continue }
          let gradientDifference = gMaxN - gradient[j]
          gMaxN2 = max(gMaxN2, -gradient[j])
          guard gradientDifference > 0, iN >= 0 else { continue }
          let quadratic = diagonalN + diagonal - 2 * kernel[rowN + example]
          let objective = -gradientDifference * gradientDifference / (quadratic > 0 ? quadratic : Self.tau)
          if objective <= objectiveMin { jBest = j; objectiveMin = objective }
        }
      }
    }
    let gap = isNu ? max(gMaxP + gMaxP2, gMaxN + gMaxN2) : gMaxP + max(gMaxP2, gMaxN2)
    guard gap >= tolerance, jBest >= 0 else { return nil }
    let i = isNu ? (jBest < n ? iP : iN) : iP
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
    // Qᵢₖ = sᵢsₖK(i mod n, k mod n): one pass over the two kernel rows updates both halves.
    let n = exampleCount
    let scaledI = signs[i] * (alpha[i] - oldI), scaledJ = signs[j] * (alpha[j] - oldJ)
    let rowI = (i % n) * n, rowJ = (j % n) * n
    kernel.withUnsafeBufferPointer { kernel in
      gradient.withUnsafeMutableBufferPointer { gradient in
        for k in 0..<n {
          let change = scaledI * kernel[rowI + k] + scaledJ * kernel[rowJ + k]
          gradient[k] += change
          gradient[k + n] -= change
        }
      }
    }
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
