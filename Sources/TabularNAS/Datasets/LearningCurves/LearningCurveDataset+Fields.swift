extension LearningCurveDataset {
  /// A configuration's value of a field.
  ///
  /// - Throws: ``LearningCurveError/unknownField(_:available:)`` or
  ///   ``LearningCurveError/configurationOutOfRange(_:count:)``.
  public func value(of field: String, for key: LearningCurveKey) throws -> FieldValue {
    guard let position = fields.firstIndex(where: { $0.name == field }) else {
      throw LearningCurveError.unknownField(field, available: fields.map(\.name))
    }
    return fieldValue(position, row: try checked(key))
  }

  /// Every field of a configuration, in header order.
  ///
  /// - Throws: ``LearningCurveError/configurationOutOfRange(_:count:)``.
  public func fieldValues(for key: LearningCurveKey) throws -> [(field: ConfigurationField, value: FieldValue)] {
    let row = try checked(key)
    return fields.indices.map { (fields[$0], fieldValue($0, row: row)) }
  }

  private func fieldValue(_ position: Int, row: Int) -> FieldValue {
    switch fieldStorage[position] {
    case .scalar(let column): .number(store.scalar(record: row, column: column))
    case .text(let values, let codes): .text(values[Int(codes[row])])
    }
  }

  /// The names of ``features(of:)``: numeric parameter fields, then architecture features
  /// prefixed by their source (`net.depth`, `scheme.depth`), so none repeats a column's name.
  public var featureNames: [String] {
    let parameters = fields.filter { $0.role == .parameter && $0.kind == .number }.map(\.name)
    guard architectures != nil else { return parameters }
    let source = descriptor.architectureColumn ?? "scheme"
    return parameters + NetworkArchitecture.featureNames.map { source + "." + $0 }
  }

  /// A configuration's numeric features: its numeric parameter fields (hyperparameters and
  /// architecture counts such as `num_params`) and, where the file describes architectures,
  /// the derived ``NetworkArchitecture/features``. Ids, splits and final values are excluded.
  ///
  /// - Throws: ``LearningCurveError/configurationOutOfRange(_:count:)``.
  public func features(of key: LearningCurveKey) throws -> [Double] {
    let row = try checked(key)
    var values: [Double] = []
    for (field, storage) in zip(fields, fieldStorage) where field.role == .parameter {
      if case .scalar(let column) = storage { values.append(store.scalar(record: row, column: column)) }
    }
    return values + (architectures?[row].features ?? [])
  }

  /// Whether a configuration belongs to the held-out test split, or `nil` without a split column.
  ///
  /// - Throws: ``LearningCurveError/configurationOutOfRange(_:count:)``.
  public func isTest(_ key: LearningCurveKey) throws -> Bool? {
    let row = try checked(key)
    guard let position = fields.firstIndex(where: { $0.role == .split }), case .scalar(let column) = fieldStorage[position]
    else { return nil }
    return store.scalar(record: row, column: column) == 1
  }
}
