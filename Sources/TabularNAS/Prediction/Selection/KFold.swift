/// k-fold cross-validation splits: the rows shuffled by a seeded generator, cut into k folds
/// whose sizes differ by at most one.
public struct KFold: Sendable {
  /// The folds, each a list of row positions held out together.
  public let folds: [[Int]]

  /// Splits `rowCount` rows into `folds` folds.
  ///
  /// - Throws: ``PredictionError/tooFewRows(_:needed:reason:)`` with fewer rows than folds, or
  ///   ``PredictionError/invalidHyperparameter(name:value:allowed:)`` for fewer than 2 folds.
  public init(rowCount: Int, folds: Int, seed: UInt64) throws {
    guard folds >= 2 else {
      throw PredictionError.invalidHyperparameter(name: "folds", value: Double(folds), allowed: "at least 2 folds")
    }
    guard rowCount >= folds else {
      throw PredictionError.tooFewRows(rowCount, needed: folds, reason: "\(folds)-fold cross-validation")
    }
    var generator = SplitMix64(seed: seed)
    var rows = Array(0..<rowCount)
    rows.shuffle(using: &generator)
    self.folds = (0..<folds).map { fold in stride(from: fold, to: rowCount, by: folds).map { rows[$0] } }
  }

  /// The training rows of a fold: every row not held out by it.
  public func trainingRows(of fold: Int) -> [Int] {
    folds.indices.filter { $0 != fold }.flatMap { folds[$0] }.sorted()
  }
}
