extension LearningCurveError: CustomStringConvertible {
  /// A one-line explanation.
  public var description: String {
    switch self {
    case .csv(let path, let error): "\(path): \(error)"
    case .emptyColumnName(let path, let column): "\(path): header column \(column) has no name"
    case .duplicateColumn(let path, let name): "\(path): the header names column '\(name)' twice"
    case .noCurveColumns(let path, let header):
      "\(path) has no curve columns (acc_N, ep_N or eN<Metric>); header starts \(header.joined(separator: ","))"
    case .curveGap(let path, let curve, let missing): "\(path): curve '\(curve)' has no column for number \(missing)"
    case .unequalCurves(let path, let curve, let numbers, let expected):
      "\(path): curve '\(curve)' covers \(numbers.lowerBound)…\(numbers.upperBound), the first curve \(expected.lowerBound)…\(expected.upperBound)"
    case .missingColumn(let path, let column, let available):
      "\(path) has no column '\(column)'; fields: \(available.joined(separator: ", "))"
    case .textInNumericColumn(let path, let line, let column, let text):
      "\(path): line \(line), column \(column) must be a number, found '\(text)'"
    case .epochLayout(let path, let header, let reason):
      "\(path): curve columns numbered \(header.lowerBound)…\(header.upperBound) \(reason)"
    case .duplicateID(let path, let line, let id): "\(path): line \(line) repeats configuration id \(id)"
    case .invalidID(let path, let line, let text): "\(path): line \(line): id '\(text)' is not an integer"
    case .invalidSplit(let path, let line, let text): "\(path): line \(line): split '\(text)' must be 0 or 1"
    case .architecture(let path, let line, let error): "\(path): line \(line): \(error)"
    case .schemeMismatch(let path, let id, let field, let table, let scheme):
      "\(path): configuration \(id) has \(field) \(table) in the table but \(scheme) in its scheme"
    case .ambiguousCurve(let path, let curves):
      "\(path): cannot tell which curve is the metric (\(curves.joined(separator: ", "))); give a descriptor"
    case .unknownDirection(let path, let curve):
      "\(path): cannot tell whether larger or smaller '\(curve)' is better; give a descriptor"
    case .noRows(let path): "\(path) has a header but no rows"
    case .unknownDataset(let name, let known):
      "unknown dataset '\(name)'; known: nashpobench2, \(known.joined(separator: ", ")), csv:PATH"
    case .dataNotFound(let dataset, let searched):
      "no data for \(dataset); looked in \(searched.joined(separator: ", ")) (pass --data DIR, set TABNAS_DATA, or put the files in ./Data)"
    case .unknownCostRule(let text): "unknown cost rule '\(text)'; allowed: epochs, COLUMN*epochs"
    case .unknownCostColumn(let column, let allowed):
      "cannot charge per epoch by '\(column)'; numeric columns: \(allowed.isEmpty ? "none" : allowed.joined(separator: ", "))"
    case .configurationOutOfRange(let index, let count):
      "configuration index \(index) is out of range; allowed: 0…\(count - 1)"
    case .unknownConfigurationID(let id, let example):
      "no configuration has id \(id); ids run \(example.lowerBound)…\(example.upperBound)"
    case .epochOutOfRange(let epoch, let allowed):
      "epoch \(epoch) is out of range; allowed: \(allowed.lowerBound)…\(allowed.upperBound)"
    case .unknownCurve(let name, let available): "no curve '\(name)'; curves: \(available.joined(separator: ", "))"
    case .unknownField(let name, let available): "no field '\(name)'; fields: \(available.joined(separator: ", "))"
    }
  }
}
