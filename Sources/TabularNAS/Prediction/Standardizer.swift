/// Centres and scales each feature to unit variance, with statistics from the training rows.
///
/// A constant column (zero variance, as in several Baker et al. files) is centred and left
/// unscaled, so it becomes 0 everywhere instead of NaN.
public struct Standardizer: Equatable, Sendable {
  /// The training mean of each column.
  public let means: [Double]
  /// The divisor of each column: the training standard deviation, or 1 for a constant column.
  public let scales: [Double]

  /// Learns the statistics of a matrix's columns.
  public init(fitting matrix: FeatureMatrix) {
    var means = [Double](repeating: 0, count: matrix.columnCount)
    var scales = [Double](repeating: 1, count: matrix.columnCount)
    let count = Double(max(matrix.rowCount, 1))
    for column in 0..<matrix.columnCount {
      var sum = 0.0
      for row in 0..<matrix.rowCount { sum += matrix[row, column] }
      let mean = sum / count
      var squares = 0.0
      for row in 0..<matrix.rowCount { squares += (matrix[row, column] - mean) * (matrix[row, column] - mean) }
      let deviation = (squares / count).squareRoot()
      means[column] = mean
      // Relative tolerance: values equal up to rounding count as constant.
      scales[column] = deviation > 1e-12 * max(abs(mean), 1) ? deviation : 1
    }
    self.means = means
    self.scales = scales
  }

  /// The standardised matrix.
  public func transform(_ matrix: FeatureMatrix) -> FeatureMatrix {
    precondition(matrix.columnCount == means.count, "the standardiser was fitted on \(means.count) columns")
    var values = matrix.values
    for row in 0..<matrix.rowCount {
      for column in 0..<matrix.columnCount {
        values[row * matrix.columnCount + column] = (values[row * matrix.columnCount + column] - means[column]) / scales[column]
      }
    }
    return FeatureMatrix(rowCount: matrix.rowCount, columnCount: matrix.columnCount, values: values)
  }

  /// One standardised row.
  public func transform(_ row: [Double]) -> [Double] {
    precondition(row.count == means.count, "the standardiser was fitted on \(means.count) columns")
    return row.indices.map { (row[$0] - means[$0]) / scales[$0] }
  }
}
