/// The rows of a learning-curve file as read: curve values already in store order, field
/// cells still as text (their kind is decided once every row is in).
struct CurveTableRows {
  /// The header's column roles.
  let layout: CurveHeaderLayout
  /// Curve values, `[row][curve][epoch]`.
  private(set) var curveValues: [Double] = []
  /// Per configuration field (in ``CurveHeaderLayout/fieldColumns`` order), each row's text.
  private(set) var fieldTexts: [[String]]
  /// The line each row starts on.
  private(set) var lines: [Int] = []

  /// For every curve cell, its header position and its offset inside a row's block.
  private let curveCells: [(position: Int, offset: Int)]
  /// One row's curve values, reused from row to row.
  private var rowValues: [Double]

  /// Reads a whole file (`reader` reads other bytes under the file's name, for tests).
  ///
  /// - Throws: ``LearningCurveError`` (malformed CSV or header, an empty or non-numeric curve
  ///   cell, an empty field cell) or ``DatasetFileError`` when the file cannot be read.
  static func read(path: String, reader: CSVReader? = nil) throws -> CurveTableRows {
    var rows: CurveTableRows?
    do {
      try (reader ?? CSVReader(path: path)).forEachRecord { record in
        if rows == nil {
          rows = CurveTableRows(layout: try CurveHeaderLayout(names: record.texts(), path: path))
        } else {
          try rows?.append(record)
        }
      }
    } catch let error as CSVError {
      throw LearningCurveError.csv(path: path, error)
    }
    guard let rows else { throw LearningCurveError.csv(path: path, .empty) }
    guard !rows.lines.isEmpty else { throw LearningCurveError.noRows(path: path) }
    return rows
  }

  private init(layout: CurveHeaderLayout) {
    self.layout = layout
    let epochCount = layout.numbers.count
    curveCells = layout.curves.enumerated().flatMap { curve, columns in
      columns.columns.enumerated().map { epoch, position in (position, curve * epochCount + epoch) }
    }
    rowValues = Array(repeating: .nan, count: layout.curves.count * epochCount)
    fieldTexts = Array(repeating: [], count: layout.fieldColumns.count)
  }

  private mutating func append(_ record: CSVRecord) throws {
    for cell in curveCells {
      let value = try record.requiredNumber(at: cell.position, name: layout.names[cell.position])
      guard value.isFinite else {
        throw CSVError.nonFiniteNumber(
          line: record.line, column: cell.position + 1, name: layout.names[cell.position],
          text: String(((try? record.text(at: cell.position)) ?? "").prefix(40)))
      }
      rowValues[cell.offset] = value
    }
    curveValues.append(contentsOf: rowValues)
    for (field, position) in layout.fieldColumns.enumerated() {
      if record.isEmpty(at: position) {
        throw CSVError.emptyRequiredCell(line: record.line, column: position + 1, name: layout.names[position])
      }
      fieldTexts[field].append(try record.text(at: position))
    }
    lines.append(record.line)
  }
}
