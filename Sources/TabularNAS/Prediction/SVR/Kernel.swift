import Foundation

/// A support-vector kernel, with libsvm's parameterisation.
public enum Kernel: Equatable, Sendable, CustomStringConvertible {
  /// `x·z`.
  case linear
  /// `exp(−γ‖x − z‖²)`.
  case rbf(gamma: Double)
  /// `(γ x·z + c₀)^d`.
  case polynomial(gamma: Double, coef0: Double, degree: Int)

  /// The kernel's value for two rows.
  @inline(__always)
  public func callAsFunction(_ x: ArraySlice<Double>, _ z: ArraySlice<Double>) -> Double {
    switch self {
    case .linear:
      return dot(x, z)
    case .rbf(let gamma):
      var sum = 0.0
      var (i, j) = (x.startIndex, z.startIndex)
      while i < x.endIndex {
        let difference = x[i] - z[j]
        sum += difference * difference
        i += 1
        j += 1
      }
      return Foundation.exp(-gamma * sum)
    case .polynomial(let gamma, let coef0, let degree):
      return power(gamma * dot(x, z) + coef0, degree)
    }
  }

  @inline(__always)
  private func dot(_ x: ArraySlice<Double>, _ z: ArraySlice<Double>) -> Double {
    var sum = 0.0
    var (i, j) = (x.startIndex, z.startIndex)
    while i < x.endIndex {
      sum += x[i] * z[j]
      i += 1
      j += 1
    }
    return sum
  }

  /// `base^exponent` by squaring, as libsvm computes it.
  private func power(_ base: Double, _ exponent: Int) -> Double {
    var result = 1.0, factor = base, remaining = exponent
    while remaining > 0 {
      if remaining % 2 == 1 { result *= factor }
      factor *= factor
      remaining /= 2
    }
    return result
  }

  /// `linear`, `rbf(γ=0.1)`, `poly(γ=0.1, c0=0, d=3)`.
  public var description: String {
    switch self {
    case .linear: "linear"
    case .rbf(let gamma): "rbf(γ=\(gamma))"
    case .polynomial(let gamma, let coef0, let degree): "poly(γ=\(gamma), c0=\(coef0), d=\(degree))"
    }
  }
}
