/// A dense matrix of features, one row per example, stored row by row.
public struct FeatureMatrix: Equatable, Sendable {
  /// The number of rows (examples).
  public let rowCount: Int
  /// The number of columns (features).
  public let columnCount: Int
  /// The values, row by row.
  public private(set) var values: [Double]

  /// A matrix from its rows.
  ///
  /// - Precondition: every row has the same length.
  public init(rows: [[Double]]) {
    let columns = rows.first?.count ?? 0
    precondition(rows.allSatisfy { $0.count == columns }, "every row needs \(columns) values")
    rowCount = rows.count
    columnCount = columns
    values = rows.flatMap { $0 }
  }

  /// A matrix of `rowCount` × `columnCount` values, row by row.
  public init(rowCount: Int, columnCount: Int, values: [Double]) {
    precondition(values.count == rowCount * columnCount, "\(rowCount) × \(columnCount) values expected")
    self.rowCount = rowCount
    self.columnCount = columnCount
    self.values = values
  }

  /// One row.
  public subscript(row: Int) -> ArraySlice<Double> {
    values[(row * columnCount)..<((row + 1) * columnCount)]
  }

  /// One value.
  public subscript(row: Int, column: Int) -> Double {
    get { values[row * columnCount + column] }
    set { values[row * columnCount + column] = newValue }
  }

  /// The rows at some positions, in that order.
  public func rows(_ positions: [Int]) -> FeatureMatrix {
    var selected: [Double] = []
    selected.reserveCapacity(positions.count * columnCount)
    for row in positions { selected.append(contentsOf: self[row]) }
    return FeatureMatrix(rowCount: positions.count, columnCount: columnCount, values: selected)
  }

  /// The columns at some positions, in that order.
  public func columns(_ positions: [Int]) -> FeatureMatrix {
    var selected: [Double] = []
    selected.reserveCapacity(rowCount * positions.count)
    for row in 0..<rowCount { for column in positions { selected.append(self[row, column]) } }
    return FeatureMatrix(rowCount: rowCount, columnCount: positions.count, values: selected)
  }

  /// Every row as an array.
  public var rowArrays: [[Double]] { (0..<rowCount).map { Array(self[$0]) } }
}
