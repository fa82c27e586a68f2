/// An exponential moving average with bias correction (the reference REINFORCE's baseline):
/// numerator and denominator both decay by the momentum, so the first value is the first
/// observation rather than a fraction of it.
struct MovingAverage: Sendable {
  let momentum: Double
  private var numerator = 0.0, denominator = 0.0

  init(momentum: Double) { self.momentum = momentum }

  mutating func update(_ value: Double) {
    numerator = momentum * numerator + (1 - momentum) * value
    denominator = momentum * denominator + (1 - momentum)
  }

  /// The average so far (0 before any update).
  var value: Double { denominator > 0 ? numerator / denominator : 0 }
}
