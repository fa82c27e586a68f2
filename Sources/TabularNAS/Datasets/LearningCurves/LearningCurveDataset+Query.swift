extension LearningCurveDataset {
  /// The configuration with an id (NAAP-440's `ModelId`; elsewhere the row position).
  ///
  /// - Throws: ``LearningCurveError/unknownConfigurationID(_:example:)``.
  public func configuration(id: Int) throws -> LearningCurveKey {
    guard let index = positionByID[id] else {
      throw LearningCurveError.unknownConfigurationID(id, example: (ids.min() ?? 0)...(ids.max() ?? 0))
    }
    return LearningCurveKey(index: index, id: id)
  }

  /// The metric after some epochs of training, and what training that long costs.
  ///
  /// - Parameter epochs: Epochs trained, in ``epochRange``.
  /// - Throws: ``LearningCurveError/epochOutOfRange(_:allowed:)``, or
  ///   ``LearningCurveError/configurationOutOfRange(_:count:)`` for a key of another dataset.
  /// - Complexity: O(1).
  public func query(_ key: LearningCurveKey, epochs: Int) throws -> QueryResult {
    let index = try checked(key)
    guard epochRange.contains(epochs) else { throw LearningCurveError.epochOutOfRange(epochs, allowed: epochRange) }
    return QueryResult(
      value: store.value(record: index, curve: metricCurve, epoch: epochs - epochRange.lowerBound),
      cost: cost(ofRow: index, epochs: epochs))
  }

  /// What training a configuration for some epochs costs under ``costRule``.
  @inline(__always)
  func cost(ofRow index: Int, epochs trained: Int) -> Double {
    guard let costScalar else { return Double(trained) }
    return store.scalar(record: index, column: costScalar) * Double(trained)
  }

  /// The configuration's final value (``LearningCurveDescriptor/finalValue``).
  ///
  /// - Throws: ``LearningCurveError/configurationOutOfRange(_:count:)``.
  public func finalValue(of key: LearningCurveKey) throws -> Double {
    let index = try checked(key)
    guard let finalScalar else { return store.value(record: index, curve: metricCurve, epoch: store.epochCount - 1) }
    return store.scalar(record: index, column: finalScalar)
  }

  /// A whole curve of a configuration: the metric by default, or another curve by name.
  ///
  /// - Throws: ``LearningCurveError/unknownCurve(_:available:)`` or
  ///   ``LearningCurveError/configurationOutOfRange(_:count:)``.
  public func curve(of key: LearningCurveKey, named name: String? = nil) throws -> [Double] {
    let index = try checked(key)
    guard let curve = name.map(store.curveIndex(named:)) ?? metricCurve else {
      throw LearningCurveError.unknownCurve(name ?? "", available: curveNames)
    }
    return store.curve(record: index, curve: curve)
  }

  /// The same data with another cost rule.
  ///
  /// - Throws: ``LearningCurveError/unknownCostColumn(_:allowed:)`` when the column is not a
  ///   numeric parameter field (ids, splits and final values are not costs).
  public func withCost(_ rule: CurveCostRule) throws -> LearningCurveDataset {
    var copy = self
    copy.costRule = rule
    switch rule {
    case .epochs:
      copy.costScalar = nil
    case .epochsTimes(let column):
      // Only a configuration's own numeric parameters make sense per epoch, not its id or result.
      let allowed = fields.filter { $0.role == .parameter && $0.kind == .number }.map(\.name)
      guard allowed.contains(column), let scalar = store.scalarIndex(named: column) else {
        throw LearningCurveError.unknownCostColumn(column, allowed: allowed)
      }
      copy.costScalar = scalar
    }
    return copy
  }

  func checked(_ key: LearningCurveKey) throws -> Int {
    guard key.index >= 0 && key.index < configurationCount && ids[key.index] == key.id else {
      throw LearningCurveError.configurationOutOfRange(key.index, count: configurationCount)
    }
    return key.index
  }
}
