/// A feature matrix stored column by column, as tree growing reads it, with each column's rows
/// sorted once for every tree grown on it.
struct FeatureColumns: Sendable {
  /// One array per feature.
  let values: [[Double]]
  /// Per feature, every row sorted by its value (ties by row).
  let sortedRows: [[Int]]

  init(_ matrix: FeatureMatrix) {
    values = (0..<matrix.columnCount).map { column in (0..<matrix.rowCount).map { matrix[$0, column] } }
    sortedRows = values.map { column in (0..<column.count).sorted { (column[$0], $0) < (column[$1], $1) } }
  }
}

/// A sample of rows (with repeats) and where each row occurs in it, to sort the sample by every
/// feature from the presorted rows in linear time.
struct SampleOrder {
  /// The sample, in its order.
  let rows: [Int]
  /// `positions[start[r]..<start[r + 1]]`: where row r occurs in the sample, ascending.
  private let start: [Int]
  private let positions: [Int]

  init(_ rows: [Int], rowCount: Int) {
    var start = [Int](repeating: 0, count: rowCount + 1)
    for row in rows { start[row + 1] += 1 }
    for row in 0..<rowCount { start[row + 1] += start[row] }
    var next = start, positions = [Int](repeating: 0, count: rows.count)
    for (position, row) in rows.enumerated() {
      positions[next[row]] = position
      next[row] += 1
    }
    (self.rows, self.start, self.positions) = (rows, start, positions)
  }

  /// Feature-major: the sample sorted by each feature, equal values in sample order — exactly
  /// what a stable sort of the sample gives.
  func sorted(_ columns: FeatureColumns) -> [Int] {
    var sorted: [Int] = []
    sorted.reserveCapacity(columns.values.count * rows.count)
    for (column, order) in zip(columns.values, columns.sortedRows) {
      var first = 0
      while first < order.count {
        var end = first + 1
        while end < order.count && column[order[end]] == column[order[first]] { end += 1 }
        if end - first == 1 {
          let row = order[first]
          for _ in start[row]..<start[row + 1] { sorted.append(row) }
        } else {
          let tied = order[first..<end].flatMap { positions[start[$0]..<start[$0 + 1]] }.sorted()
          sorted += tied.map { rows[$0] }
        }
        first = end
      }
    }
    return sorted
  }
}
