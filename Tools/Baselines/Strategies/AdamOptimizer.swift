import Foundation

/// Adam (Kingma & Ba 2015) over a flat parameter vector, with PyTorch's defaults: β₁ 0.9,
/// β₂ 0.999, ε 10⁻⁸, bias-corrected moments.
struct AdamOptimizer: Sendable {
  let learningRate: Double
  let beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8
  private var first: [Double], second: [Double]
  private var steps = 0

  init(parameterCount: Int, learningRate: Double) {
    self.learningRate = learningRate
    first = [Double](repeating: 0, count: parameterCount)
    second = first
  }

  /// Moves `parameters` one step against `gradient`.
  mutating func step(_ parameters: inout [Double], gradient: [Double]) {
    steps += 1
    let correction1 = 1 - pow(beta1, Double(steps)), correction2 = 1 - pow(beta2, Double(steps))
    for index in parameters.indices {
      first[index] = beta1 * first[index] + (1 - beta1) * gradient[index]
      second[index] = beta2 * second[index] + (1 - beta2) * gradient[index] * gradient[index]
      let denominator = (second[index] / correction2).squareRoot() + epsilon
      parameters[index] -= learningRate * (first[index] / correction1) / denominator
    }
  }
}
