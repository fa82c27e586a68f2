/// What every dataset offers a search: a finite set of configurations, fidelities in training
/// epochs, a metric with a direction, and a simulated cost per query.
///
/// NAS-HPO-Bench-II, NAAP-440 and each Baker et al. file conform, so a search written against
/// this protocol (with a ``BenchmarkRun`` for its log) runs on all of them unchanged.
public protocol TabularBenchmark: Sendable {
  /// A configuration, as logged and exported.
  associatedtype Configuration: TrajectoryKey

  /// A short name for reports, e.g. `baker:lstm_ptb`; where the source changes every figure
  /// (synthetic or measured NAS-HPO-Bench-II) it names the source too.
  var name: String { get }
  /// The name and where the data came from, for outputs that must never pass synthetic or
  /// partial data off as the real thing.
  var label: String { get }
  /// What the search metric measures, e.g. `validation accuracy (%)`.
  var metricName: String { get }
  /// Whether larger or smaller metric values are better.
  var direction: MetricDirection { get }
  /// The unit of cost, e.g. `seconds` or `epochs`.
  var costUnit: String { get }
  /// The number of configurations.
  var configurationCount: Int { get }
  /// The epochs a configuration can be queried after; the upper bound is full training.
  var epochRange: ClosedRange<Int> { get }
  /// The epochs at which ``finalValues(of:)`` are read (NAS-HPO-Bench-II: 12 and 200).
  var finalEpochs: [Int] { get }
  /// What the first of ``finalValues(of:)`` measures, for reports, e.g. `12-epoch test accuracy (%)`.
  var finalValueName: String { get }
  /// The training seed ``query(_:epochs:)`` reads where the dataset has several
  /// (NAS-HPO-Bench-II: 222), else `nil`.
  var evaluationSeed: Int? { get }

  /// The configuration at a position in `0..<configurationCount`.
  ///
  /// - Precondition: the position is in range; ``configuration(checkedAt:)`` validates.
  func configuration(at position: Int) -> Configuration
  /// The position of a configuration of this dataset.
  func position(of configuration: Configuration) -> Int
  /// The validation metric after `epochs` epochs of training and the cost of that training.
  ///
  /// - Throws: The dataset's error for an epoch outside ``epochRange``.
  func query(_ configuration: Configuration, epochs: Int) throws -> QueryResult
  /// The values a finished search reports for its best configuration (test accuracy where the
  /// dataset has one), one per entry of ``finalEpochs``.
  func finalValues(of configuration: Configuration) throws -> [Double]
}

extension TabularBenchmark {
  /// One run per configuration: no seed.
  public var evaluationSeed: Int? { nil }

  /// A configuration drawn uniformly from a caller's generator.
  public func randomConfiguration<G: RandomNumberGenerator>(using generator: inout G) -> Configuration {
    configuration(at: Int.random(in: 0..<configurationCount, using: &generator))
  }

  /// Every configuration, in position order.
  public var configurations: LazyMapSequence<Range<Int>, Configuration> {
    (0..<configurationCount).lazy.map(configuration(at:))
  }

  /// The configuration at a position a user gave.
  ///
  /// - Throws: ``BenchmarkError/positionOutOfRange(_:count:)``.
  public func configuration(checkedAt position: Int) throws -> Configuration {
    guard position >= 0 && position < configurationCount else {
      throw BenchmarkError.positionOutOfRange(position, count: configurationCount)
    }
    return configuration(at: position)
  }

  /// The configuration whose score is best by the metric's direction (the first of equals)
  /// and that score; `nil` for an empty dataset.
  ///
  /// - Complexity: O(configurationCount) calls of `score`.
  @inlinable
  public func bestConfiguration(by score: (Configuration) throws -> Double) rethrows
    -> (configuration: Configuration, value: Double)?
  {
    // Positions, not configurations, in the loop: generic callers pay no copies per step.
    var bestPosition = -1, bestValue = 0.0
    for position in 0..<configurationCount {
      let value = try score(configuration(at: position))
      if bestPosition < 0 || direction.isImprovement(value, over: bestValue) { (bestPosition, bestValue) = (position, value) }
    }
    return bestPosition < 0 ? nil : (configuration(at: bestPosition), bestValue)
  }
}
