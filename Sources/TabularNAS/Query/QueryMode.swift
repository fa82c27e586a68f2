/// Which split a NAS-HPO-Bench-II query reads, as the reference API's `mode`.
///
/// The mode also sets the cost: training time, plus validation time, plus test time.
public enum QueryMode: String, CaseIterable, Sendable, Codable {
  /// Training accuracy; the cost is training time only.
  case train
  /// Validation accuracy; the cost is training plus validation time. Only these compete for best.
  case valid
  /// Test accuracy; the cost is training, validation and test time.
  case test

  /// Parses `train`, `valid` or `test`.
  ///
  /// - Throws: ``NASHPOBench2Error/unknownMode(_:allowed:)`` for anything else.
  public init(parsing text: String) throws {
    guard let mode = QueryMode(rawValue: text) else {
      throw NASHPOBench2Error.unknownMode(text, allowed: QueryMode.allCases.map(\.rawValue))
    }
    self = mode
  }
}
