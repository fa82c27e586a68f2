extension LearningCurveDataset: LearningCurveBenchmark {
  /// The descriptor's name, e.g. `baker:lstm_ptb`.
  public var name: String { descriptor.name }
  /// The name and the file, e.g. `baker:lstm_ptb [../shared/data/baker/lstm_ptb.csv]`.
  public var label: String { "\(descriptor.name) [\(path)]" }
  /// Whether larger or smaller metric values are better (perplexity: smaller).
  public var direction: MetricDirection { descriptor.direction }
  /// The descriptor's metric, e.g. `validation accuracy (fraction)`.
  public var metricName: String { descriptor.metric }
  /// `epochs`, or e.g. `NumMACs × epochs`.
  public var costUnit: String { costRule.description }
  /// The metric at the final-value rule, e.g. `validation accuracy (fraction) at the last epoch`.
  public var finalValueName: String {
    switch descriptor.finalValue {
    case .lastEpoch: "\(metricName) at the last epoch"
    case .column(let name): "\(metricName) from column \(name)"
    }
  }
  /// The last epoch (where the final value belongs).
  public var finalEpochs: [Int] { [epochRange.upperBound] }

  /// The configuration at a row position.
  public func configuration(at position: Int) -> LearningCurveKey {
    precondition(position >= 0 && position < configurationCount, "configuration \(position) outside 0..<\(configurationCount)")
    return LearningCurveKey(index: position, id: ids[position])
  }

  /// The row position.
  public func position(of configuration: LearningCurveKey) -> Int { configuration.index }

  /// The final value (``finalValue(of:)``).
  public func finalValues(of configuration: LearningCurveKey) throws -> [Double] {
    [try finalValue(of: configuration)]
  }

  /// The metric's curve (``curve(of:named:)`` without a name).
  public func curve(of configuration: LearningCurveKey) throws -> [Double] {
    try curve(of: configuration, named: nil)
  }

  /// Each feature's extent over the rows' finite values (0...0 when there are none).
  public var featureRanges: [ClosedRange<Double>] {
    let rows = configurations.compactMap { try? features(of: $0) }
    return featureNames.indices.map { column in
      let values = rows.map { $0[column] }.filter(\.isFinite)
      return (values.min() ?? 0)...(values.max() ?? 0)
    }
  }
}
