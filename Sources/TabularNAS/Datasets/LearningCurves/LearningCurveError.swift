/// A learning-curve file that cannot be loaded, or a query it cannot answer; each case names
/// what was wrong and what is allowed.
public enum LearningCurveError: Error, Equatable, Sendable {
  // MARK: - Files

  /// The CSV text is malformed (with line and column).
  case csv(path: String, CSVError)
  /// A header cell is empty.
  case emptyColumnName(path: String, column: Int)
  /// Two header cells have the same name.
  case duplicateColumn(path: String, name: String)
  /// The header has no `acc_N`, `ep_N` or `eN<Metric>` column.
  case noCurveColumns(path: String, header: [String])
  /// A curve's columns skip a number.
  case curveGap(path: String, curve: String, missing: Int)
  /// Two curves cover different epochs.
  case unequalCurves(path: String, curve: String, numbers: ClosedRange<Int>, expected: ClosedRange<Int>)
  /// A column the descriptor names is absent.
  case missingColumn(path: String, column: String, available: [String])
  /// A column that must hold numbers holds text.
  case textInNumericColumn(path: String, line: Int, column: String, text: String)
  /// The header's epochs do not match what the descriptor documents.
  case epochLayout(path: String, header: ClosedRange<Int>, reason: String)
  /// Two rows share a configuration id.
  case duplicateID(path: String, line: Int, id: Int)
  /// An id is not an integer.
  case invalidID(path: String, line: Int, text: String)
  /// A split cell is not 0 or 1.
  case invalidSplit(path: String, line: Int, text: String)
  /// An architecture string does not parse.
  case architecture(path: String, line: Int, ArchitectureError)
  /// A companion file of layer lists disagrees with the table.
  case schemeMismatch(path: String, id: Int, field: String, table: Int, scheme: Int)
  /// Several curves could be the metric and the file is not a known one.
  case ambiguousCurve(path: String, curves: [String])
  /// The metric's direction cannot be told from its name and the file is not a known one.
  case unknownDirection(path: String, curve: String)
  /// The file has a header but no rows.
  case noRows(path: String)

  // MARK: - Lookup and queries

  /// No known dataset has this name.
  case unknownDataset(String, known: [String])
  /// The dataset's file is not in any data folder searched.
  case dataNotFound(dataset: String, searched: [String])
  /// A cost rule that is not `epochs` or `COLUMN*epochs`.
  case unknownCostRule(String)
  /// A cost column that is absent or not numeric.
  case unknownCostColumn(String, allowed: [String])
  /// A configuration index outside the table.
  case configurationOutOfRange(Int, count: Int)
  /// A configuration id that no row has.
  case unknownConfigurationID(Int, example: ClosedRange<Int>)
  /// An epoch outside the curve.
  case epochOutOfRange(Int, allowed: ClosedRange<Int>)
  /// A curve name the dataset does not have.
  case unknownCurve(String, available: [String])
  /// A configuration field the dataset does not have.
  case unknownField(String, available: [String])
}
