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

  /// The n × n kernel matrix of the training rows as libsvm's `Kernel` computes it for the
  /// solver (the RBF from `‖x‖² + ‖z‖² − 2x·z`, which rounds differently from predictions' `‖x − z‖²`).
  func trainingMatrix(_ features: FeatureMatrix) -> [Double] {
    let n = features.rowCount
    let squares = (0..<n).map { dot(features[$0], features[$0]) }
    var matrix = [Double](repeating: 0, count: n * n)
    for i in 0..<n {
      for j in i..<n {
        let value: Double
        if case .rbf(let gamma) = self {
          value = Foundation.exp(-gamma * (squares[i] + squares[j] - 2 * dot(features[i], features[j])))
        } else {
          value = self(features[i], features[j])
        }
        matrix[i * n + j] = value
        matrix[j * n + i] = value
      }
    }
    return matrix
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
