extension NASHPOBench2: LearningCurveBenchmark {
  /// One indicator per edge and operation (`A.conv3x3` … `F.zero`), then `lr` and `batch_size`.
  public var featureNames: [String] {
    CellEdge.allCases.flatMap { edge in CellOperation.allCases.map { "\(edge).\($0)" } } + ["lr", "batch_size"]
  }

  /// Indicators span 0…1; the learning rate and batch size their (ascending) grids.
  public var featureRanges: [ClosedRange<Double>] {
    let indicators = [ClosedRange<Double>](repeating: 0...1, count: CellEdge.allCases.count * CellOperation.allCases.count)
    let rates = NASHPOSearchSpace.learningRates, sizes = NASHPOSearchSpace.batchSizes.map(Double.init)
    return indicators + [rates[0]...rates[rates.count - 1], sizes[0]...sizes[sizes.count - 1]]
  }

  /// The cell as operation indicators per edge, the learning rate and the batch size.
  public func features(of configuration: NASHPOKey) throws -> [Double] {
    let cell = configuration.cell
    var row = [Double](repeating: 0, count: CellEdge.allCases.count * CellOperation.allCases.count)
    for edge in CellEdge.allCases {
      let operation = CellOperation.allCases.firstIndex(of: cell.operation(on: edge)) ?? 0
      row[edge.rawValue * CellOperation.allCases.count + operation] = 1
    }
    return row + [configuration.learningRate, Double(configuration.batchSize)]
  }

  /// Validation accuracy after each of the 12 measured epochs (default seed), read as one curve
  /// of the store (the values ``query(_:epochs:)`` returns, without computing their costs).
  public func curve(of configuration: NASHPOKey) throws -> [Double] {
    let seedIndex = try NASHPOSearchSpace.seedIndex(of: defaultSeed)
    try checkHeld(configuration, seedIndex: seedIndex, fidelity: .trained(epochs: NASHPOSearchSpace.trainedEpochs), surrogateCost: .unavailable)
    let record = table.record(of: configuration, seedIndex: seedIndex)
    return table.runs.curve(record: record, curve: NASHPOTable.Curve.accuracy(for: .valid).rawValue)
  }

  /// Validation accuracy after 12 epochs (default seed), what the searches maximise.
  public func finalValue(of configuration: NASHPOKey) throws -> Double {
    try query(configuration, epochs: epochRange.upperBound).value
  }
}
