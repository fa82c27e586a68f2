/// The roles of a learning-curve file's columns, read from its header alone.
///
/// Curve columns (see ``CurveColumnName``) are grouped by curve and must number consecutively,
/// every curve over the same range; everything else is a configuration field. No list of
/// columns per file is needed, so new files with the same conventions load as they are.
struct CurveHeaderLayout {
  /// One curve's columns.
  struct Curve {
    /// The curve's name (`acc`, `Accuracy`, `LossMean`, …).
    let name: String
    /// The header positions of its columns, in epoch order.
    let columns: [Int]
  }

  /// The header names.
  let names: [String]
  /// The curves, in order of first appearance.
  let curves: [Curve]
  /// The header numbers shared by every curve, e.g. `0...49`.
  let numbers: ClosedRange<Int>
  /// The positions of the configuration fields, in header order.
  let fieldColumns: [Int]

  /// Classifies a header.
  ///
  /// - Throws: ``LearningCurveError`` for an empty or repeated name, no curve columns, a gap
  ///   in a curve's numbers, or curves over different ranges.
  init(names: [String], path: String) throws {
    self.names = names
    var seen = Set<String>()
    var curveNumbers: [(name: String, numbered: [Int: Int])] = []
    var fieldColumns: [Int] = []
    for (position, name) in names.enumerated() {
      guard !name.isEmpty else { throw LearningCurveError.emptyColumnName(path: path, column: position + 1) }
      guard seen.insert(name).inserted else { throw LearningCurveError.duplicateColumn(path: path, name: name) }
      guard let column = CurveColumnName(name) else {
        fieldColumns.append(position)
        continue
      }
      if let slot = curveNumbers.firstIndex(where: { $0.name == column.curve }) {
        curveNumbers[slot].numbered[column.number] = position
      } else {
        curveNumbers.append((column.curve, [column.number: position]))
      }
    }
    guard let first = curveNumbers.first else {
      throw LearningCurveError.noCurveColumns(path: path, header: Array(names.prefix(8)))
    }
    let numbers = try Self.range(of: first.name, numbered: first.numbered, path: path)
    for curve in curveNumbers.dropFirst() {
      let range = try Self.range(of: curve.name, numbered: curve.numbered, path: path)
      guard range == numbers else {
        throw LearningCurveError.unequalCurves(path: path, curve: curve.name, numbers: range, expected: numbers)
      }
    }
    self.numbers = numbers
    self.fieldColumns = fieldColumns
    curves = curveNumbers.map { curve in Curve(name: curve.name, columns: numbers.map { curve.numbered[$0] ?? -1 }) }
  }

  private static func range(of curve: String, numbered: [Int: Int], path: String) throws -> ClosedRange<Int> {
    let lowest = numbered.keys.min() ?? 0, highest = numbered.keys.max() ?? 0
    if let gap = (lowest...highest).first(where: { numbered[$0] == nil }) {
      throw LearningCurveError.curveGap(path: path, curve: curve, missing: gap)
    }
    return lowest...highest
  }

  /// The curve with a name, or `nil`.
  func curve(named name: String) -> Curve? { curves.first { $0.name == name } }

  /// The position of a configuration field, or `nil`.
  func fieldColumn(named name: String) -> Int? { fieldColumns.first { names[$0] == name } }
}
