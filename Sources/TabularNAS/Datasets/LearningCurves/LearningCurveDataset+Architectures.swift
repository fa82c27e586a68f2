extension LearningCurveDataset {
  /// Table columns that a NAAP-440 scheme determines, checked against it on loading.
  private static let schemeChecks: [(column: String, derive: @Sendable (NetworkArchitecture) -> Int)] = [
    ("NumLayers", { $0.layers.count }),
    ("FirstLayerWidth", { $0.convolutionWidths.first ?? 0 }),
    ("LastLayerWidth", { $0.convolutionWidths.last ?? 0 }),
    ("NumStages", { $0.layers.count { if case .convolution(_, _, 2, _) = $0 { true } else { false } } }),
  ]

  /// Each row's architecture: parsed from the descriptor's MetaQNN column, or read from its
  /// schemes file beside the table (scheme i belongs to id i + 1) and checked against the
  /// table's layer count, widths and stages.
  static func architectures(
    rows: CurveTableRows, fields: [ConfigurationField], storage: [FieldStorage], store: CurveStore, ids: [Int],
    descriptor: LearningCurveDescriptor, path: String
  ) throws -> [NetworkArchitecture]? {
    if let column = descriptor.architectureColumn, let field = fields.firstIndex(where: { $0.name == column }) {
      return try rows.fieldTexts[field].enumerated().map { row, text in
        do {
          return try NetworkArchitecture(metaQNN: text)
        } catch let error as ArchitectureError {
          throw LearningCurveError.architecture(path: path, line: rows.lines[row], error)
        }
      }
    }
    guard let schemesFile = descriptor.schemesFile else { return nil }
    let folder = path.contains("/") ? String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)]) : "."
    let schemesPath = folder + "/" + schemesFile
    let schemes = try NAAPSchemes.load(contentsOf: schemesPath)
    let checks = schemeChecks.compactMap { check in store.scalarIndex(named: check.column).map { (check, $0) } }
    return try ids.enumerated().map { row, id in
      guard schemes.indices.contains(id - 1) else {
        throw DatasetFileError.schema(
          path: schemesPath, reason: "\(schemes.count) schemes, but the table has configuration id \(id)")
      }
      let scheme = schemes[id - 1]
      for (check, column) in checks {
        let table = Int(store.scalar(record: row, column: column)), derived = check.derive(scheme)
        guard table == derived else {
          throw LearningCurveError.schemeMismatch(path: path, id: id, field: check.column, table: table, scheme: derived)
        }
      }
      return scheme
    }
  }
}
