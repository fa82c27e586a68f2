import TabularNAS

/// One search in progress, as a state machine a driver steps: asked for the next trial
/// whenever a worker is free, told each result in order of completion.
///
/// Write your own algorithm by conforming a type to this protocol (and a ``SearchStrategy``
/// that starts it): the sequential driver, the simulated workers and the command line then run
/// it like the built-in searches.
///
/// ```swift
/// struct MySearch: AskTellSearch {
///   typealias Benchmark = NASHPOBench2
///   let benchmark: NASHPOBench2
///   var generator: SplitMix64
///   var nextID = 0
///   mutating func ask() -> TrialRequest<NASHPOKey> {
///     defer { nextID += 1 }
///     return .train(Trial(id: nextID, configuration: benchmark.randomConfiguration(using: &generator), epochs: 12))
///   }
///   mutating func tell(_ result: TrialResult<NASHPOKey>) {}
/// }
/// ```
public protocol AskTellSearch<Benchmark> {
  /// The dataset type searched.
  associatedtype Benchmark: TabularBenchmark

  /// The next trial for a free worker, ``TrialRequest/wait`` while the search waits for a
  /// running trial, or ``TrialRequest/finished``.
  ///
  /// - Throws: The search's errors (models that cannot be fitted, query errors); the run stops.
  mutating func ask() throws -> TrialRequest<Benchmark.Configuration>

  /// Takes a finished trial's result.
  ///
  /// - Throws: The search's errors; the run stops.
  mutating func tell(_ result: TrialResult<Benchmark.Configuration>) throws

  /// Whether the next trial must run even when the cost budget is spent (regularized
  /// evolution fills its initial population whatever the budget, as the reference does).
  var needsTrialPastBudget: Bool { get }
}

extension AskTellSearch {
  /// `false`: the budget stops the search.
  public var needsTrialPastBudget: Bool { false }
}
