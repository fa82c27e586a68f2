/// Which split of a configuration's results a query reads: training, validation or test.
///
/// The split also sets what a NAS-HPO-Bench-II query costs (training time, plus validation
/// time, plus test time). Only validation values compete for a run's best-so-far: a search
/// never selects on test data.
public enum DataSplit: String, CaseIterable, Sendable, Codable {
  /// Training accuracy.
  case train
  /// Validation accuracy: the value searches select on.
  case valid
  /// Test accuracy: what a finished search reports.
  case test

  /// Parses `train`, `valid` or `test`.
  ///
  /// - Throws: ``BenchmarkError/unknownMode(_:allowed:)`` for anything else.
  public init(parsing text: String) throws {
    guard let split = DataSplit(rawValue: text) else {
      throw BenchmarkError.unknownMode(text, allowed: DataSplit.allCases.map(\.rawValue))
    }
    self = split
  }
}
