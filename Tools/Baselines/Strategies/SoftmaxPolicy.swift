import Foundation
import TabularNAS

/// A factorised categorical policy: one softmax over the choices of each coordinate, with its
/// own logits (REINFORCE's policy over edges, learning rate and batch size).
struct SoftmaxPolicy: Sendable {
  /// Choices per coordinate.
  let choices: [Int]
  /// Every coordinate's logits, concatenated.
  private(set) var logits: [Double]
  private let offsets: [Int]

  /// Logits drawn from N(0, scale²), as the reference's `1e-3 * randn`.
  init(choices: [Int], initialScale: Double = 1e-3, using generator: inout SplitMix64) {
    self.choices = choices
    offsets = choices.reduce(into: [0]) { $0.append($0.last! + $1) }
    logits = (0..<choices.reduce(0, +)).map { _ in generator.nextGaussian(standardDeviation: initialScale) }
  }

  /// The probabilities of one coordinate's choices.
  func probabilities(of coordinate: Int) -> [Double] {
    let values = logits[offsets[coordinate]..<offsets[coordinate + 1]]
    let largest = values.max() ?? 0
    let exponentials = values.map { exp($0 - largest) }
    let total = exponentials.reduce(0, +)
    return exponentials.map { $0 / total }
  }

  /// One choice per coordinate, drawn from the policy.
  func sample(using generator: inout SplitMix64) -> [Int] {
    choices.indices.map { coordinate in
      let probabilities = probabilities(of: coordinate)
      var draw = generator.nextUnitInterval()
      for (choice, probability) in probabilities.enumerated() {
        draw -= probability
        if draw < 0 { return choice }
      }
      return probabilities.count - 1
    }
  }

  /// The gradient of −Σ log π(action) × advantage with respect to the logits:
  /// (π − onehot(action)) × advantage per coordinate.
  func lossGradient(action: [Int], advantage: Double) -> [Double] {
    var gradient = [Double](repeating: 0, count: logits.count)
    for coordinate in choices.indices {
      for (choice, probability) in probabilities(of: coordinate).enumerated() {
        gradient[offsets[coordinate] + choice] = (probability - (choice == action[coordinate] ? 1 : 0)) * advantage
      }
    }
    return gradient
  }

  /// Applies an optimiser step to the logits.
  mutating func update(with optimizer: inout AdamOptimizer, gradient: [Double]) {
    optimizer.step(&logits, gradient: gradient)
  }
}
