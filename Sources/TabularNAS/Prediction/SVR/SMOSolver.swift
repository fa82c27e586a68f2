/// Sequential minimal optimisation for the support-vector regression duals, ported from
/// libsvm's `Solver` and `Solver_NU` (Chang & Lin 2011) as scikit-learn runs them, so that a fit
/// takes the same path: second-order working-set selection (Fan, Chen & Lin 2005), the
/// two-variable update with clipping, shrinking with gradient reconstruction, kernel values held
/// in single precision (libsvm's `Qfloat`), and the stopping rule `m(α) − M(α) < tolerance`.
///
/// The dual has 2n variables: αᵢ (sign +1) and αᵢ* (sign −1) per example, with
/// `Qᵢⱼ = sᵢ sⱼ K(xᵢ, xⱼ)`. ε-SVR has one equality constraint (Σ sᵢαᵢ = 0); ν-SVR two, one
/// per sign, and its selection works within one sign at a time. Shrinking permutes the variables
/// (libsvm's `swap_index`); positions below are in that working order, `variable[p]` naming the
/// original variable at position p.
struct SMOSolver {
  /// Variable status, as libsvm's `alpha_status`.
  enum Status { case lower, upper, free }

  var alpha: [Double]
  var gradient: [Double]
  /// The gradient as if free variables were 0 (libsvm's `G_bar`), to rebuild shrunk entries.
  var boundGradient: [Double]
  var status: [Status]
  var signs: [Double]
  var linear: [Double]
  /// The original variable at each position.
  var variable: [Int]
  /// `Qᵢᵢ` at each position.
  var diagonal: [Double]
  /// Positions below this are active; the others are shrunk.
  var activeCount: Int
  var unshrunk = false
  /// The upper bound of every variable.
  let upperBound: Double
  let tolerance: Double
  let isNu: Bool
  /// The iterations taken.
  private(set) var iterations = 0

  /// The n × n kernel matrix in single precision, as libsvm caches it.
  let kernel: [Float]
  let exampleCount: Int
  static let tau = 1e-12

  /// Sets up the dual: `kernel` is the n × n kernel matrix, `linear` the 2n linear terms.
  init(kernel: [Double], exampleCount n: Int, linear: [Double], alpha: [Double], upperBound: Double, isNu: Bool, tolerance: Double) {
    self.kernel = kernel.map { Float($0) }
    exampleCount = n
    self.alpha = alpha
    self.linear = linear
    self.upperBound = upperBound
    self.isNu = isNu
    self.tolerance = tolerance
    signs = (0..<2 * n).map { $0 < n ? 1 : -1 }
    variable = Array(0..<2 * n)
    diagonal = (0..<2 * n).map { kernel[($0 % n) * n + $0 % n] }
    activeCount = 2 * n
    gradient = linear
    boundGradient = [Double](repeating: 0, count: 2 * n)
    status = alpha.map { $0 >= upperBound ? .upper : $0 <= 0 ? .lower : .free }
    for i in alpha.indices where status[i] != .lower {
      for j in alpha.indices { gradient[j] += alpha[i] * q(i, j) }
      if status[i] == .upper {
        for j in alpha.indices { boundGradient[j] += upperBound * q(i, j) }
      }
    }
  }

  /// `Qᵢⱼ` for positions i and j, rounded to single precision as libsvm's `get_Q` returns it.
  @inline(__always)
  func q(_ i: Int, _ j: Int) -> Double {
    let n = exampleCount
    return signs[i] * signs[j] * Double(kernel[(variable[i] % n) * n + variable[j] % n])
  }

  /// libsvm's `update_alpha_status` for one position.
  func statusOf(_ i: Int) -> Status { alpha[i] >= upperBound ? .upper : alpha[i] <= 0 ? .lower : .free }

  /// The dual variables `[α₁…αₙ, α₁*…αₙ*]` in their original order.
  var solution: [Double] {
    var result = alpha
    for position in alpha.indices { result[variable[position]] = alpha[position] }
    return result
  }

  /// Iterates until the stopping rule holds (or libsvm's iteration cap), shrinking as libsvm does.
  mutating func solve() {
    let count = alpha.count
    let cap = max(10_000_000, 100 * count)
    var counter = min(count, 1000) + 1
    while iterations < cap {
      counter -= 1
      if counter == 0 {
        counter = min(count, 1000)
        shrink()
      }
      var pair = selectWorkingSet()
      if pair == nil {
        reconstructGradient()
        activeCount = count
        pair = selectWorkingSet()
        guard pair != nil else { break }
        counter = 1
      }
      iterations += 1
      update(pair!.0, pair!.1)
    }
    if activeCount < count {
      reconstructGradient()
      activeCount = count
    }
  }

  /// Solves the two-variable subproblem exactly and clips it to the box, then updates G and Ḡ.
  private mutating func update(_ i: Int, _ j: Int) {
    let bound = upperBound
    let (oldI, oldJ) = (alpha[i], alpha[j])
    let qij = q(i, j)
    if signs[i] != signs[j] {
      var quadratic = diagonal[i] + diagonal[j] + 2 * qij
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
      var quadratic = diagonal[i] + diagonal[j] - 2 * qij
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
    let deltaI = alpha[i] - oldI, deltaJ = alpha[j] - oldJ
    for k in 0..<activeCount { gradient[k] += q(i, k) * deltaI + q(j, k) * deltaJ }
    for position in [i, j] {
      let wasUpper = status[position] == .upper
      status[position] = statusOf(position)
      guard wasUpper != (status[position] == .upper) else { continue }
      let change = wasUpper ? -bound : bound
      for k in alpha.indices { boundGradient[k] += change * q(position, k) }
    }
  }
}
