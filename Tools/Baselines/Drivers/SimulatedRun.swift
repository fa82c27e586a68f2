import TabularNAS

/// A run on simulated workers: its log, in completion order, and the timeline of its trials.
public struct SimulatedRun<Benchmark: TabularBenchmark>: Sendable {
  /// The run and its log.
  public let run: BenchmarkRun<Benchmark>
  /// Where and when each logged trial ran.
  public let timeline: TrialTimeline

  /// The best validation value after each completion, against its simulated end time.
  public var bestByTime: [(time: Double, best: Double?)] {
    Array(zip(timeline.records.map(\.end), run.log.bestValues))
  }

  /// The run's results, with the timeline.
  ///
  /// - Throws: ``BenchmarkError/noValidationQuery(loggedQueries:)`` when nothing finished.
  public func results() throws -> SearchRunResults<Benchmark.Configuration> {
    SearchRunResults(results: try run.results(), timeline: timeline)
  }
}
