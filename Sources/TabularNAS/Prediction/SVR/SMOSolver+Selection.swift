extension SMOSolver {
  /// libsvm's `select_working_set` (`Solver`, or `Solver_NU` with `isNu`): i maximises the
  /// violation (within each sign for ν-SVR), j the second-order gain; `nil` once optimal on
  /// the active variables.
  func selectWorkingSet() -> (Int, Int)? {
    var gMaxP = -Double.infinity, iP = -1, gMaxN = -Double.infinity, iN = -1
    // i maximises the violation −sᵢGᵢ over I_up, the last of equal ones: over both signs for
    // ε-SVR (kept in the P slot), per sign for ν-SVR.
    for t in 0..<activeCount where status[t] != (signs[t] > 0 ? .upper : .lower) {
      let violation = -signs[t] * gradient[t]
      if signs[t] > 0 || !isNu {
        if violation >= gMaxP { (gMaxP, iP) = (violation, t) }
      } else if violation >= gMaxN {
        (gMaxN, iN) = (violation, t)
      }
    }
    if !isNu { (gMaxN, iN) = (gMaxP, iP) }
    var gMaxP2 = -Double.infinity, gMaxN2 = -Double.infinity
    var jBest = -1, objectiveMin = Double.infinity
    for j in 0..<activeCount {
      if signs[j] > 0 {
        guard status[j] != .lower else { continue }
        let gradientDifference = gMaxP + gradient[j]
        if gradient[j] >= gMaxP2 { gMaxP2 = gradient[j] }
        guard gradientDifference > 0 else { continue }
        let quadratic = diagonal[iP] + diagonal[j] - 2 * signs[iP] * q(iP, j)
        let objective = -(gradientDifference * gradientDifference) / (quadratic > 0 ? quadratic : Self.tau)
        if objective <= objectiveMin { jBest = j; objectiveMin = objective }
      } else {
        guard status[j] != .upper else { continue }
        let gradientDifference = gMaxN - gradient[j]
        if -gradient[j] >= gMaxN2 { gMaxN2 = -gradient[j] }
        guard gradientDifference > 0 else { continue }
        let quadratic = isNu
          ? diagonal[iN] + diagonal[j] - 2 * q(iN, j) : diagonal[iN] + diagonal[j] + 2 * signs[iN] * q(iN, j)
        let objective = -(gradientDifference * gradientDifference) / (quadratic > 0 ? quadratic : Self.tau)
        if objective <= objectiveMin { jBest = j; objectiveMin = objective }
      }
    }
    let gap = isNu ? max(gMaxP + gMaxP2, gMaxN + gMaxN2) : gMaxP + max(gMaxP2, gMaxN2)
    guard gap >= tolerance, jBest >= 0 else { return nil }
    let i = isNu ? (signs[jBest] > 0 ? iP : iN) : iP
    return (i, jBest)
  }
}
