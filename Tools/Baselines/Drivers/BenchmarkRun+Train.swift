import TabularNAS

extension BenchmarkRun {
  /// Trains and logs a configuration to `epochs`: from scratch when it has trained nothing,
  /// else resumed from `trained` epochs, paying only the new ones.
  ///
  /// - Throws: The benchmark's error for an epoch outside its range.
  @discardableResult
  mutating func train(_ configuration: Benchmark.Configuration, from trained: Int, to epochs: Int) throws -> QueryResult {
    trained == 0 ? try query(configuration, epochs: epochs) : try resume(configuration, from: trained, to: epochs)
  }
}
