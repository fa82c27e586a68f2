/// Which part of the full NAS-HPO-Bench-II grid a table holds.
///
/// The reference API derives its search space from its files — cell codes from
/// `cellinfo['hash']`, learning rates, batch sizes and seeds from the keys of `bench12` — so files
/// cut to a subset are a smaller benchmark: ``NASHPOSearchSpace`` spans the cells × learning rates
/// × batch sizes held, and a query outside them, or of a run the files lack, is a typed error.
public struct NASHPOCoverage: Sendable, Equatable {
  /// The cells the files list, ascending.
  public let cells: [CellCode]
  /// The positions in ``NASHPOSearchSpace/learningRates`` the files hold, ascending.
  public let learningRateIndices: [Int]
  /// The positions in ``NASHPOSearchSpace/batchSizes`` the files hold, ascending.
  public let batchSizeIndices: [Int]
  /// The positions in ``NASHPOSearchSpace/seeds`` the files hold, ascending.
  public let seedIndices: [Int]
  /// The run records (class × lr × batch size × seed) holding values; `nil` when all do.
  public let runs: PresenceBits?
  /// The surrogate positions (class × lr × batch size) holding `avg_acc`; `nil` when all do.
  public let surrogates: PresenceBits?
  /// Whether the table holds the whole benchmark.
  public let isComplete: Bool
  /// The seed a query names when it names none: the smallest held, as the reference's
  /// `seeds[0]` (222 when the files hold it). Stored: every search query reads it.
  public let defaultSeed: Int

  /// A coverage; full bit sets are stored as `nil`.
  init(
    cells: [CellCode], learningRateIndices: [Int], batchSizeIndices: [Int], seedIndices: [Int],
    runs: PresenceBits?, surrogates: PresenceBits?
  ) {
    self.cells = cells
    self.learningRateIndices = learningRateIndices
    self.batchSizeIndices = batchSizeIndices
    self.seedIndices = seedIndices
    self.runs = runs?.isFull == true ? nil : runs
    self.surrogates = surrogates?.isFull == true ? nil : surrogates
    isComplete =
      cells.count == CellCode.count && learningRateIndices.count == NASHPOSearchSpace.learningRates.count
      && batchSizeIndices.count == NASHPOSearchSpace.batchSizes.count && seedIndices.count == NASHPOSearchSpace.seeds.count
      && self.runs == nil && self.surrogates == nil
    defaultSeed = seedIndices.first.map { NASHPOSearchSpace.seeds[$0] } ?? NASHPOSearchSpace.defaultSeed
  }

  /// Every cell, learning rate, batch size, seed, run and estimate.
  public static let complete = NASHPOCoverage(
    cells: CellCode.all, learningRateIndices: Array(NASHPOSearchSpace.learningRates.indices),
    batchSizeIndices: Array(NASHPOSearchSpace.batchSizes.indices), seedIndices: Array(NASHPOSearchSpace.seeds.indices),
    runs: nil, surrogates: nil)


  /// The learning rates held, ascending.
  public var learningRates: [Double] { learningRateIndices.map { NASHPOSearchSpace.learningRates[$0] } }
  /// The batch sizes held, ascending.
  public var batchSizes: [Int] { batchSizeIndices.map { NASHPOSearchSpace.batchSizes[$0] } }
  /// The seeds held, ascending.
  public var seeds: [Int] { seedIndices.map { NASHPOSearchSpace.seeds[$0] } }

}
