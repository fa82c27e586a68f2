extension NASHPOTable {
  /// The class of a cell the files do not list.
  public static let absentClass = UInt16.max

  /// Checks that the files hold a query's seed and the run (`readsRun`) or the 200-epoch
  /// estimate (`readsSurrogate`) it reads, for a key of the search space.
  ///
  /// - Throws: ``NASHPOBench2Error/notInFiles(component:value:held:)``,
  ///   ``NASHPOBench2Error/runNotInFiles(_:seed:)`` or ``NASHPOBench2Error/surrogateNotInFiles(_:)``.
  @inline(__always)
  func checkHeld(_ key: NASHPOKey, seedIndex: Int, readsRun: Bool, readsSurrogate: Bool) throws {
    guard !coverage.isComplete else { return }
    try checkPartiallyHeld(key, seedIndex: seedIndex, readsRun: readsRun, readsSurrogate: readsSurrogate)
  }

  private func checkPartiallyHeld(_ key: NASHPOKey, seedIndex: Int, readsRun: Bool, readsSurrogate: Bool) throws {
    let space = coverage
    guard space.seedIndices.contains(seedIndex) else {
      throw NASHPOBench2Error.notInFiles(
        component: "seed", value: "\(NASHPOSearchSpace.seeds[seedIndex])", held: space.seeds.map(String.init))
    }
    if readsRun, let runs = space.runs, !runs.contains(record(of: key, seedIndex: seedIndex)) {
      throw NASHPOBench2Error.runNotInFiles("\(key)", seed: NASHPOSearchSpace.seeds[seedIndex])
    }
    if readsSurrogate, let surrogates = space.surrogates, !surrogates.contains(surrogateIndex(of: key)) {
      throw NASHPOBench2Error.surrogateNotInFiles("\(key)")
    }
  }
}
