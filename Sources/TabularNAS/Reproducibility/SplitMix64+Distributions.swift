import Foundation

extension SplitMix64 {
  /// Draws a uniform value in the half-open interval [0, 1) with 53 random bits.
  public mutating func nextUnitInterval() -> Double {
    Double(next() >> 11) * 0x1p-53
  }

  /// Draws a normally distributed value (Box–Muller transform).
  ///
  /// - Parameters:
  ///   - mean: The mean of the distribution.
  ///   - standardDeviation: Its standard deviation; zero returns `mean` without drawing.
  public mutating func nextGaussian(mean: Double = 0, standardDeviation: Double = 1) -> Double {
    guard standardDeviation != 0 else { return mean }
    // 1 - u lies in (0, 1], so the logarithm is finite.
    let u = 1 - nextUnitInterval()
    let v = nextUnitInterval()
    let radius = (-2 * log(u)).squareRoot()
    return mean + standardDeviation * radius * cos(2 * Double.pi * v)
  }
}
