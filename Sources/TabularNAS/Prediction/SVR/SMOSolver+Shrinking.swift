extension SMOSolver {
  /// libsvm's `do_shrinking`: variables at a bound that cannot move under the current maximal
  /// violations leave the active set; once near optimal, the gradient is rebuilt and every
  /// variable is active again (once).
  mutating func shrink() {
    // up[s], low[s]: the maximal −sG over I_up and sG over I_low of each sign s (0: +1, 1: −1),
    // libsvm's Gmax1…Gmax4 for ν; the plain solver merges the signs into two.
    var up = [-Double.infinity, -Double.infinity], low = [-Double.infinity, -Double.infinity]
    for i in 0..<activeCount {
      let side = signs[i] > 0 ? 0 : 1
      let signedGradient = signs[i] * gradient[i]
      if status[i] != (signs[i] > 0 ? .upper : .lower) { up[side] = max(up[side], -signedGradient) }
      if status[i] != (signs[i] > 0 ? .lower : .upper) { low[side] = max(low[side], signedGradient) }
    }
    if !isNu {
      up = Array(repeating: max(up[0], up[1]), count: 2)
      low = Array(repeating: max(low[0], low[1]), count: 2)
    }
    let gap = isNu ? max(up[0] + low[0], up[1] + low[1]) : up[0] + low[0]
    if !unshrunk && gap <= tolerance * 10 {
      unshrunk = true
      reconstructGradient()
      activeCount = alpha.count
    }
    var i = 0
    while i < activeCount {
      if canShrink(i, up: up, low: low) {
        activeCount -= 1
        while activeCount > i {
          if !canShrink(activeCount, up: up, low: low) {
            swapPositions(i, activeCount)
            break
          }
          activeCount -= 1
        }
      }
      i += 1
    }
  }

  /// libsvm's `be_shrunk`.
  private func canShrink(_ i: Int, up: [Double], low: [Double]) -> Bool {
    let side = signs[i] > 0 ? 0 : 1
    switch status[i] {
    case .free: return false
    case .upper: return -gradient[i] > (signs[i] > 0 ? up[side] : low[side])
    case .lower: return gradient[i] > (signs[i] > 0 ? low[side] : up[side])
    }
  }

  /// libsvm's `swap_index`: exchanges two positions of every per-variable array.
  private mutating func swapPositions(_ i: Int, _ j: Int) {
    signs.swapAt(i, j)
    variable.swapAt(i, j)
    diagonal.swapAt(i, j)
    gradient.swapAt(i, j)
    status.swapAt(i, j)
    alpha.swapAt(i, j)
    linear.swapAt(i, j)
    boundGradient.swapAt(i, j)
  }

  /// libsvm's `reconstruct_gradient`: the shrunk entries of G from Ḡ and the free variables.
  mutating func reconstructGradient() {
    let count = alpha.count, active = activeCount
    guard active < count else { return }
    for j in active..<count { gradient[j] = boundGradient[j] + linear[j] }
    let free = (0..<active).filter { status[$0] == .free }
    if free.count * count > 2 * active * (count - active) {
      for i in active..<count {
        for j in free { gradient[i] += alpha[j] * q(i, j) }
      }
    } else {
      for i in free {
        for j in active..<count { gradient[j] += alpha[i] * q(i, j) }
      }
    }
  }
}
