extension NASHPOBench2: TabularBenchmark {
  /// `NAS-HPO-Bench-II [source]`, like the reference API's `str(api)`, with its source: every
  /// figure depends on whether the table is synthetic or measured.
  public var name: String { "NAS-HPO-Bench-II [\(source)]" }
  /// The name, which already names the source.
  public var label: String { name }
  /// Validation accuracy in percent, what the reference baselines search on.
  public var metricName: String { "validation accuracy (%)" }
  /// Higher accuracy is better.
  public var direction: MetricDirection { .higherIsBetter }
  /// Simulated training and validation time.
  public var costUnit: String { "seconds" }
  /// 196,608 keys, or the product of the cells, learning rates and batch sizes files holding a
  /// subset hold.
  public var configurationCount: Int { searchSpace.count }
  /// `iepoch` 1…12 of the measured 12-epoch runs.
  public var epochRange: ClosedRange<Int> { 1...NASHPOSearchSpace.trainedEpochs }
  /// 12 (measured) and 200 (surrogate), as the reference `final_accs`.
  public var finalEpochs: [Int] { NASHPOSearchSpace.epochs }
  /// The reported value: test accuracy after the 12 measured epochs (default seed).
  public var finalValueName: String { "12-epoch test accuracy (%)" }
  /// The reference API's default seed: 222, unless the files hold a subset without it.
  public var evaluationSeed: Int? { defaultSeed }

  /// The key at a position of the search space (its flat index on the whole benchmark).
  public func configuration(at position: Int) -> NASHPOKey { searchSpace[position] }

  /// The key's position in the search space.
  ///
  /// - Precondition: the key lies in the search space.
  public func position(of configuration: NASHPOKey) -> Int {
    guard let position = searchSpace.position(of: configuration) else {
      preconditionFailure("\(configuration) is outside the files' search space")
    }
    return position
  }

  /// Validation accuracy after `epochs` epochs (the reference's `iepoch`) with the default seed,
  /// and its training-plus-validation time.
  public func query(_ configuration: NASHPOKey, epochs: Int) throws -> QueryResult {
    try query(configuration, epoch: NASHPOSearchSpace.trainedEpochs, mode: .valid, iepoch: epochs)
  }

  /// Test accuracy at 12 epochs (default seed) and the 200-epoch surrogate, as `get_results`.
  public func finalValues(of configuration: NASHPOKey) throws -> [Double] {
    try finalEpochs.map { try query(configuration, epoch: $0, mode: .test).value }
  }
}
