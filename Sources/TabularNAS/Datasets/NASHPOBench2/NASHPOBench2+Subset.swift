extension NASHPOBench2 {
  /// The same data cut to a subset, as if the files held only it: a search on the result draws
  /// only these cells, learning rates and batch sizes, and queries outside them are errors.
  ///
  /// The values stay shared with this benchmark (nothing is copied but the cell classes).
  /// - Parameters:
  ///   - cells: The cells to keep (`nil`: all held).
  ///   - learningRates: The learning rates to keep (`nil`: all held).
  ///   - batchSizes: The batch sizes to keep (`nil`: all held).
  ///   - seeds: The seeds to keep (`nil`: all held).
  /// - Throws: ``NASHPOBench2Error/notInFiles(component:value:held:)`` for a value this
  ///   benchmark does not hold, ``NASHPOBench2Error/emptySubset(_:)`` for an empty list.
  public func restricted(
    toCells cells: [CellCode]? = nil, learningRates: [Double]? = nil, batchSizes: [Int]? = nil, seeds: [Int]? = nil
  ) throws -> NASHPOBench2 {
    let coverage = table.coverage
    func positions<Value: Equatable>(
      _ values: [Value]?, among all: [Value], held: [Int], component: String
    ) throws -> [Int] {
      guard let values else { return held }
      guard !values.isEmpty else { throw NASHPOBench2Error.emptySubset(component) }
      return try values.map { value in
        guard let index = all.firstIndex(of: value), held.contains(index) else {
          throw NASHPOBench2Error.notInFiles(component: component, value: "\(value)", held: held.map { "\(all[$0])" })
        }
        return index
      }.uniqueSorted
    }
    let cellIndices = try positions(
      cells, among: CellCode.all, held: coverage.cells.map(\.index), component: "cell code")
    let lrs = try positions(learningRates, among: NASHPOSearchSpace.learningRates, held: coverage.learningRateIndices, component: "learning rate")
    let sizes = try positions(batchSizes, among: NASHPOSearchSpace.batchSizes, held: coverage.batchSizeIndices, component: "batch size")
    let seedIndices = try positions(seeds, among: NASHPOSearchSpace.seeds, held: coverage.seedIndices, component: "seed")
    let kept = Set(cellIndices)
    let cellClasses = table.cellClasses.indices.map { kept.contains($0) ? table.cellClasses[$0] : NASHPOTable.absentClass }
    let settings = NASHPOTable.settingsPerClass, seedCount = NASHPOSearchSpace.seeds.count
    let batchSizeCount = NASHPOSearchSpace.batchSizes.count
    let classes = Set(cellIndices.map { cellClasses[$0] })
    func keepsSetting(_ index: Int) -> Bool {
      classes.contains(UInt16(index / settings)) && lrs.contains(index % settings / batchSizeCount)
        && sizes.contains(index % batchSizeCount)
    }
    let runs = PresenceBits(count: table.runs.recordCount) { record in
      keepsSetting(record / seedCount) && seedIndices.contains(record % seedCount) && coverage.runs?.contains(record) != false
    }
    let surrogates = PresenceBits(count: table.surrogateAccuracies.count) { index in
      keepsSetting(index) && coverage.surrogates?.contains(index) != false
    }
    let subset = NASHPOCoverage(
      cells: cellIndices.map(CellCode.init(index:)), learningRateIndices: lrs, batchSizeIndices: sizes, seedIndices: seedIndices,
      runs: runs, surrogates: surrogates)
    let cut = NASHPOTable(
      classHashes: table.classHashes, cellClasses: cellClasses, runs: table.runs, surrogateAccuracies: table.surrogateAccuracies,
      coverage: subset)
    return NASHPOBench2(table: cut, source: source).withSurrogateCost(surrogateCost)
  }
}

extension [Int] {
  /// The distinct values, ascending.
  fileprivate var uniqueSorted: [Int] { Array(Set(self)).sorted() }
}
