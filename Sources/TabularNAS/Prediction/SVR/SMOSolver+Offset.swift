extension SMOSolver {
  /// The offset ρ of the decision function `f(x) = Σ (αᵢ − αᵢ*) K(xᵢ, x) − ρ`, and for ν-SVR the
  /// tube half-width ε the solution implies (libsvm's `calculate_rho`, in position order).
  func offset() -> (rho: Double, epsilon: Double?) {
    guard isNu else { return (freeAverage(Array(alpha.indices)), nil) }
    // Per sign, on sᵢGᵢ; the negative class's average is of −Gᵢ, hence the sign flip.
    let r1 = freeAverage(alpha.indices.filter { signs[$0] > 0 })
    let r2 = -freeAverage(alpha.indices.filter { signs[$0] < 0 })
    return ((r1 - r2) / 2, -(r1 + r2) / 2)
  }

  /// The mean of sᵢGᵢ over free variables, or the middle of the interval the bounded ones allow.
  private func freeAverage(_ positions: [Int]) -> Double {
    var upper = Double.infinity, lower = -Double.infinity, sum = 0.0, free = 0
    for i in positions {
      let value = signs[i] * gradient[i]
      switch status[i] {
      case .upper: if signs[i] < 0 { upper = min(upper, value) } else { lower = max(lower, value) }
      case .lower: if signs[i] > 0 { upper = min(upper, value) } else { lower = max(lower, value) }
      case .free:
        free += 1
        sum += value
      }
    }
    return free > 0 ? sum / Double(free) : (upper + lower) / 2
  }
}
