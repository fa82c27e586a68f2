/// What every dataset offers a search: a finite set of configurations, fidelities in training
/// epochs, a metric with a direction, and a simulated cost per query.
///
/// NAS-HPO-Bench-II, NAAP-440 and each Baker et al. file conform, so a search written against
/// this protocol (with a ``BenchmarkRun`` for its log) runs on all of them unchanged.
public protocol TabularBenchmark: Sendable {
  /// A configuration, as logged and exported.
  associatedtype Configuration: TrajectoryKey

  /// The dataset's name and source, for outputs.
  var label: String { get }
  /// What the search metric measures, e.g. `validation accuracy (%)`.
  var metricName: String { get }
  /// Whether larger or smaller metric values are better.
  var direction: MetricDirection { get }
  /// The unit of cost, e.g. `seconds` or `epochs`.
  var costUnit: String { get }
  /// The number of configurations.
  var configurationCount: Int { get }
  /// The epochs a configuration can be evaluated after; the upper bound is full training.
  var epochRange: ClosedRange<Int> { get }
  /// The epochs at which ``finalValues(of:)`` are read (NAS-HPO-Bench-II: 12 and 200).
  var finalEpochs: [Int] { get }

  /// The configuration at a position in `0..<configurationCount`.
  ///
  /// - Precondition: the position is in range.
  func configuration(at position: Int) -> Configuration
  /// The position of a configuration of this dataset.
  func position(of configuration: Configuration) -> Int
  /// The search metric after `epochs` epochs of training and the cost of that training.
  ///
  /// - Throws: The dataset's error for an epoch outside ``epochRange``.
  func evaluate(_ configuration: Configuration, epochs: Int) throws -> QueryResult
  /// The values a finished search reports for its best configuration (test accuracy where the
  /// dataset has one), one per entry of ``finalEpochs``.
  func finalValues(of configuration: Configuration) throws -> [Double]
}

extension TabularBenchmark {
  /// A configuration drawn uniformly from a caller's generator.
  public func randomConfiguration<G: RandomNumberGenerator>(using generator: inout G) -> Configuration {
    configuration(at: Int.random(in: 0..<configurationCount, using: &generator))
  }

  /// Every configuration, in position order.
  public var configurations: LazyMapSequence<Range<Int>, Configuration> {
    (0..<configurationCount).lazy.map(configuration(at:))
  }
}
