extension LearningCurveDataset {
  /// Loads a learning-curve CSV file.
  ///
  /// - Parameters:
  ///   - path: The CSV file.
  ///   - descriptor: What the file means; by default the known descriptor whose file has this
  ///     name (`metaqnn_cifar10.csv`, `naap440.csv`, …), else a generic one read from the header.
  /// - Throws: ``LearningCurveError`` for malformed text, header or values (with line and
  ///   column), ``DatasetFileError`` when a file cannot be read.
  public init(contentsOf path: String, descriptor: LearningCurveDescriptor? = nil) throws {
    let rows = try CurveTableRows.read(path: path)
    let fileName = Self.lastComponent(of: path)
    let known = LearningCurveDescriptor.known.first { Self.lastComponent(of: $0.relativePath) == fileName }
    try self.init(
      rows: rows, path: path, descriptor: descriptor ?? known ?? .generic(path: path, layout: rows.layout))
  }

  /// Loads CSV bytes as if they were the file at `path` (for fuzzing and tests).
  init(bytes: [UInt8], path: String, descriptor: LearningCurveDescriptor? = nil) throws {
    let rows = try CurveTableRows.read(path: path, reader: CSVReader(bytes: bytes))
    try self.init(rows: rows, path: path, descriptor: descriptor ?? .generic(path: path, layout: rows.layout))
  }

  /// Loads a known dataset (`naap440`, `baker:metaqnn_cifar10`, …) from a data folder.
  ///
  /// - Parameter dataFolder: A folder laid out like `../shared/data` (or holding the file
  ///   itself); `nil` reads `TABNAS_DATA`.
  /// - Throws: ``LearningCurveError/unknownDataset(_:known:)``,
  ///   ``LearningCurveError/dataNotFound(dataset:searched:)``, and the errors of
  ///   ``init(contentsOf:descriptor:)``.
  public init(named name: String, dataFolder: String? = nil) throws {
    let descriptor = try LearningCurveDescriptor.named(name)
    try self.init(contentsOf: DataFolder.locate(descriptor, in: dataFolder), descriptor: descriptor)
  }

  static func lastComponent(of path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
  }

  private init(rows: CurveTableRows, path: String, descriptor: LearningCurveDescriptor) throws {
    let layout = rows.layout
    guard let metricCurve = layout.curves.firstIndex(where: { $0.name == descriptor.curve }) else {
      throw LearningCurveError.missingColumn(
        path: path, column: "\(descriptor.curve) curve", available: layout.curves.map { "\($0.name) curve" })
    }
    let epochs = try Self.epochs(of: layout.numbers, descriptor: descriptor, path: path)
    let fieldNames = layout.fieldColumns.map { layout.names[$0] }
    let named = [descriptor.idColumn, descriptor.splitColumn, descriptor.architectureColumn]
    let finalColumn: String? = if case .column(let name) = descriptor.finalValue { name } else { nil }
    for case let column? in named + [finalColumn] where !fieldNames.contains(column) {
      throw LearningCurveError.missingColumn(path: path, column: column, available: fieldNames)
    }

    var fields: [ConfigurationField] = [], storage: [FieldStorage] = [], numericColumns: [[Double]] = []
    for (field, name) in fieldNames.enumerated() {
      let texts = rows.fieldTexts[field]
      let numbers = texts.map(DecimalParser.parse)
      if let row = numbers.firstIndex(where: { $0.map { !$0.isFinite } ?? false }) {
        throw LearningCurveError.csv(
          path: path,
          .nonFiniteNumber(line: rows.lines[row], column: layout.fieldColumns[field] + 1, name: name, text: String(texts[row].prefix(40))))
      }
      let role: ConfigurationField.Role =
        switch name {
        case descriptor.idColumn: .id
        case descriptor.splitColumn: .split
        case finalColumn: .finalValue
        default: .parameter
        }
      if let firstText = numbers.firstIndex(of: nil) {
        guard role == .parameter else {
          throw LearningCurveError.textInNumericColumn(
            path: path, line: rows.lines[firstText], column: name, text: texts[firstText])
        }
        let values = Array(Set(texts)).sorted()
        let codeOf = Dictionary(uniqueKeysWithValues: values.enumerated().map { ($1, Int32($0)) })
        fields.append(ConfigurationField(name: name, kind: .text, role: role))
        storage.append(.text(values: values, codes: texts.map { codeOf[$0] ?? -1 }))
      } else {
        fields.append(ConfigurationField(name: name, kind: .number, role: role))
        storage.append(.scalar(numericColumns.count))
        numericColumns.append(numbers.map { $0 ?? .nan })
      }
    }
    let ids = try Self.ids(rows: rows, fields: fields, storage: storage, numericColumns: numericColumns, path: path)
    try Self.checkSplit(rows: rows, fields: fields, storage: storage, numericColumns: numericColumns, path: path)

    let rowCount = rows.lines.count
    var scalars = [Double](repeating: 0, count: rowCount * numericColumns.count)
    for (column, values) in numericColumns.enumerated() {
      for (row, value) in values.enumerated() { scalars[row * numericColumns.count + column] = value }
    }
    let store = CurveStore(
      recordCount: rowCount, curveNames: layout.curves.map(\.name), epochCount: layout.numbers.count,
      scalarNames: fields.filter { $0.kind == .number }.map(\.name), curveValues: DoubleBuffer(rows.curveValues),
      scalarValues: DoubleBuffer(scalars))
    let architectures = try Self.architectures(
      rows: rows, fields: fields, storage: storage, store: store, ids: ids, descriptor: descriptor, path: path)
    self.init(
      descriptor: descriptor, path: path, epochRange: epochs, fields: fields, architectures: architectures, store: store,
      metricCurve: metricCurve, ids: ids, fieldStorage: storage)
  }

  /// The training epochs of the curve columns: the last column is after `trainedEpochs` where
  /// the descriptor documents it, else header numbers are epochs.
  private static func epochs(of numbers: ClosedRange<Int>, descriptor: LearningCurveDescriptor, path: String) throws
    -> ClosedRange<Int>
  {
    var first = numbers.lowerBound
    if let trained = descriptor.trainedEpochs {
      first = trained - (numbers.count - 1)
      // Header numbers either are epochs or count from 0 for the first trained epoch; any
      // other offset means columns are missing or extra.
      guard first == numbers.lowerBound || first == numbers.lowerBound + 1 else {
        throw LearningCurveError.epochLayout(
          path: path, header: numbers,
          reason: "cannot be the \(trained) epochs of training \(descriptor.name) documents (\(numbers.count) columns)")
      }
    }
    if let untrained = descriptor.startsUntrained, untrained != (first == 0) {
      throw LearningCurveError.epochLayout(
        path: path, header: numbers,
        reason: untrained
          ? "should start with the untrained network (epoch 0), but the first is epoch \(first)"
          : "should start after the first epoch, but the first is the untrained network")
    }
    return first...(first + numbers.count - 1)
  }

  private static func ids(
    rows: CurveTableRows, fields: [ConfigurationField], storage: [FieldStorage], numericColumns: [[Double]],
    path: String
  ) throws -> [Int] {
    guard let field = fields.firstIndex(where: { $0.role == .id }), case .scalar(let column) = storage[field] else {
      return Array(rows.lines.indices)
    }
    var seen = Set<Int>()
    return try numericColumns[column].enumerated().map { row, value in
      guard let id = Int(exactly: value), Int32(exactly: id) != nil else {
        throw LearningCurveError.invalidID(path: path, line: rows.lines[row], text: rows.fieldTexts[field][row])
      }
      guard seen.insert(id).inserted else {
        throw LearningCurveError.duplicateID(path: path, line: rows.lines[row], id: id)
      }
      return id
    }
  }

  private static func checkSplit(
    rows: CurveTableRows, fields: [ConfigurationField], storage: [FieldStorage], numericColumns: [[Double]],
    path: String
  ) throws {
    guard let field = fields.firstIndex(where: { $0.role == .split }), case .scalar(let column) = storage[field] else {
      return
    }
    if let row = numericColumns[column].firstIndex(where: { $0 != 0 && $0 != 1 }) {
      throw LearningCurveError.invalidSplit(path: path, line: rows.lines[row], text: rows.fieldTexts[field][row])
    }
  }
}
