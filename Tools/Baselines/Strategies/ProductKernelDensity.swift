import Foundation

/// A product-kernel density estimate over configuration vectors, as statsmodels'
/// `KDEMultivariate` with `bw='normal_reference'` that BOHB's reference implementation
/// (hpbandster) fits: Gaussian kernels on continuous coordinates, Aitchison–Aitken kernels on
/// categorical ones, bandwidths 1.06 σ n^(−1/(4+d)) (Scott's rule) raised to a minimum.
///
/// As statsmodels, a categorical kernel counts the levels present in the data: 1 − λ on a
/// match, λ/(c − 1) otherwise, with c the distinct values seen — infinite when the data hold
/// one value, which BOHB's acquisition then handles as the reference does.
struct ProductKernelDensity: Sendable {
  /// The observations, one vector each.
  let data: [[Double]]
  /// Whether each coordinate is continuous.
  let isContinuous: [Bool]
  /// Each coordinate's bandwidth (λ for categorical ones).
  let bandwidths: [Double]
  /// Each categorical coordinate's distinct values in the data (0 for continuous ones).
  private let levels: [Int]

  init(data: [[Double]], isContinuous: [Bool], minimumBandwidth: Double) {
    precondition(!data.isEmpty, "a density needs observations")
    self.data = data
    self.isContinuous = isContinuous
    let count = Double(data.count), dimensions = isContinuous.count
    bandwidths = (0..<dimensions).map { coordinate in
      let values = data.map { $0[coordinate] }
      let mean = values.reduce(0, +) / count
      let deviation = (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / count).squareRoot()
      return max(1.06 * deviation * pow(count, -1 / Double(4 + dimensions)), minimumBandwidth)
    }
    levels = (0..<dimensions).map { coordinate in isContinuous[coordinate] ? 0 : Set(data.map { $0[coordinate] }).count }
  }

  /// The density at a vector.
  func density(at vector: [Double]) -> Double {
    var total = 0.0
    for observation in data {
      var product = 1.0
      for coordinate in vector.indices {
        let bandwidth = bandwidths[coordinate]
        if isContinuous[coordinate] {
          let z = (observation[coordinate] - vector[coordinate]) / bandwidth
          product *= exp(-z * z / 2) / (2 * Double.pi).squareRoot()
        } else {
          product *= observation[coordinate] == vector[coordinate] ? 1 - bandwidth : bandwidth / Double(levels[coordinate] - 1)
        }
      }
      total += product
    }
    let continuousScale = zip(bandwidths, isContinuous).reduce(1.0) { $1.1 ? $0 * $1.0 : $0 }
    return total / continuousScale / Double(data.count)
  }
}
