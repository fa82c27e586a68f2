import Foundation
import Testing
@testable import TabularNAS

@Suite("NAS-HPO-Bench-II files holding a subset")
struct NASHPOSubsetTests {
  /// Every 64th cell from the fifth: 64 cells.
  static let keptCells = CellCode.all.filter { $0.index % 64 == 5 }

  @Test("files listing a subset of the cells are a smaller benchmark, in the reference's key order")
  func cellSubset() throws {
    let full = try SmallNASHPOFiles(classes: 3)
    defer { full.remove() }
    let codes = Set(Self.keptCells.map(\.description))
    let files = try SmallNASHPOFiles(classes: 3) { $0.keepCells(codes.contains) }
    defer { files.remove() }
    let whole = try NASHPOBench2(contentsOf: full.folder), bench = try NASHPOBench2(contentsOf: files.folder)
    #expect(whole.table.coverage.isComplete)
    #expect(!bench.table.coverage.isComplete)
    #expect(bench.searchSpace.cells == Self.keptCells)
    #expect(bench.count == 64 * 48 && bench.configurationCount == 64 * 48)
    #expect(bench.searchSpace[0] == NASHPOKey(cell: Self.keptCells[0], learningRateIndex: 0, batchSizeIndex: 0))
    #expect(bench.searchSpace[49] == NASHPOKey(cell: Self.keptCells[1], learningRateIndex: 0, batchSizeIndex: 1))
    for position in stride(from: 0, to: bench.count, by: 7) {
      let key = bench.searchSpace[position]
      #expect(bench.searchSpace.position(of: key) == position)
      #expect(try bench.index(of: key) == position)
      #expect(try bench.query(key, mode: .test, iepoch: 5, seed: 555) == whole.query(key, mode: .test, iepoch: 5, seed: 555))
      #expect(try bench.query(key, epoch: 200) == whole.query(key, epoch: 200))
    }
    let outside = NASHPOKey(index: 0)
    let refusal = NASHPOBench2Error.notInFiles(component: "cell code", value: "0|00|000", held: Self.keptCells.map(\.description))
    #expect(throws: refusal) { try bench.query(outside) }
    #expect(throws: refusal) { try bench.index(of: outside) }
    var run = BenchmarkRun(benchmark: bench)
    #expect(throws: refusal) { try run.query(outside) }
    #expect(run.log.count == 0)
    #expect("\(refusal)".contains("… (64 in all; 'tabnas info --json' lists them)"))
    #expect(throws: NASHPOBench2Error.componentIndexOutOfRange(component: "cell", index: 64, count: 64)) {
      try bench.queryByIndex(cellIndex: 64, lrIndex: 0, batchSizeIndex: 0)
    }
  }

  @Test("files holding some learning rates, batch sizes and seeds derive them as the reference does")
  func hyperparameterSubset() throws {
    let full = try SmallNASHPOFiles(classes: 2)
    defer { full.remove() }
    let files = try SmallNASHPOFiles(classes: 2) { files in
      files.keepRows { _, lr, batchSize, seed in [0.025, 0.1].contains(lr) && [64, 256].contains(batchSize) && seed != 222 }
    }
    defer { files.remove() }
    let whole = try NASHPOBench2(contentsOf: full.folder), bench = try NASHPOBench2(contentsOf: files.folder)
    #expect(bench.searchSpace.heldLearningRates == [0.025, 0.1])
    #expect(bench.searchSpace.heldBatchSizes == [64, 256])
    #expect(bench.table.coverage.seeds == [555, 888])
    #expect(bench.defaultSeed == 555 && bench.evaluationSeed == 555)
    #expect(bench.count == 4096 * 4)
    let key = try NASHPOKey(cellcode: "0|10|210", lr: 0.1, batchSize: 64)
    #expect(try bench.query(key) == whole.query(key, seed: 555))
    #expect(try bench.query(key, epoch: 200) == whole.query(key, epoch: 200))
    var run = BenchmarkRun(benchmark: bench)
    #expect(try run.query(key) == whole.query(key, seed: 555))
    #expect(try run.results().finalValues == [whole.query(key, mode: .test, seed: 555).value, whole.query(key, epoch: 200).value])
    #expect(throws: NASHPOBench2Error.notInFiles(component: "learning rate", value: "0.2", held: ["0.025", "0.1"])) {
      try bench.queryByKey(cellcode: "0|10|210", lr: 0.2, batchSize: 64)
    }
    #expect(throws: NASHPOBench2Error.notInFiles(component: "batch size", value: "16", held: ["64", "256"])) {
      try bench.queryByKey(cellcode: "0|10|210", lr: 0.1, batchSize: 16)
    }
    #expect(throws: NASHPOBench2Error.notInFiles(component: "seed", value: "222", held: ["555", "888"])) {
      try bench.query(key, seed: 222)
    }
    // A whole benchmark's unknown values keep their own error.
    #expect(throws: NASHPOBench2Error.unknownSeed(1, allowed: [222, 555, 888])) { try bench.query(key, seed: 1) }
    let text = try bench.information().text
    #expect(text.contains("search space   16384 keys = 4096 cell codes × 2 learning rates × 2 batch sizes"))
    #expect(text.contains("seeds          555, 888 (default 555)"))
  }

  @Test("runs and estimates the files lack are errors naming the key (a run some columns lack is refused: NASHPOFilesTests)")
  func missingRuns() throws {
    let synthetic = NASHPOBench2.synthetic().table
    let hash = synthetic.classHashes[Int(synthetic.cellClasses[0]) % 2]
    let files = try SmallNASHPOFiles(classes: 2) { files in
      files.keepRows { rowHash, lr, batchSize, seed in !(rowHash == hash && lr == 0.4 && batchSize == 512 && seed != 555) }
    }
    defer { files.remove() }
    let bench = try NASHPOBench2(contentsOf: files.folder)
    let key = NASHPOKey(cell: CellCode(index: 0), learningRateIndex: 7, batchSizeIndex: 5)
    #expect(bench.searchSpace.contains(key))
    #expect(throws: NASHPOBench2Error.runNotInFiles("\(key)", seed: 888)) { try bench.query(key, seed: 888) }
    #expect(throws: NASHPOBench2Error.runNotInFiles("\(key)", seed: 222)) { try bench.curve(of: key) }
    #expect(throws: NASHPOBench2Error.surrogateNotInFiles("\(key)")) { try bench.query(key, epoch: 200) }
    #expect(throws: NASHPOBench2Error.runNotInFiles("\(key)", seed: 222)) {
      try bench.query(key, epoch: 200, surrogateCost: .extrapolated)
    }
    #expect(try bench.query(key, seed: 555).value.isFinite)
    #expect(bench.table.coverage.runs?.presentCount == bench.table.runs.recordCount - 2)
    #expect(bench.table.coverage.surrogates?.presentCount == bench.table.surrogateAccuracies.count - 1)
    #expect(bench.table.runs.value(record: bench.table.record(of: key, seedIndex: 2), curve: 0, epoch: 0).isNaN)
    #expect(try bench.information().text.contains(
      "held           286 of 288 runs, 95 of 96 200-epoch estimates; queries outside them are errors naming what the files hold"))
  }

  @Test("rows of hashes cellinfo.pkl does not list are skipped, their hyperparameters still counted")
  func skippedHashes() throws {
    let synthetic = NASHPOBench2.synthetic().table
    let first = synthetic.classHashes[0], second = synthetic.classHashes[1]
    let files = try SmallNASHPOFiles(classes: 2) { files in
      files.keepCells { code in (try? CellCode(code)).map { Int(synthetic.cellClasses[$0.index]) % 2 == 0 } ?? false }
      files.keepRows { hash, lr, _, _ in hash == second || lr != 0.4 }
    }
    defer { files.remove() }
    let bench = try NASHPOBench2(contentsOf: files.folder)
    #expect(bench.table.classHashes == [first])
    #expect(bench.searchSpace.heldLearningRates == NASHPOSearchSpace.learningRates)
    let cell = bench.searchSpace.cells[0]
    let key = NASHPOKey(cell: cell, learningRateIndex: 7, batchSizeIndex: 0)
    #expect(throws: NASHPOBench2Error.runNotInFiles("\(key)", seed: 222)) { try bench.query(key) }
  }

  @Test("a subset survives conversion to the native format and the cache, and restricting a table")
  func nativeAndCache() throws {
    let codes = Set(Self.keptCells.map(\.description))
    let files = try SmallNASHPOFiles(classes: 3) { files in
      files.keepCells(codes.contains)
      files.keepRows { _, lr, _, seed in lr != 0.4 && seed != 888 }
    }
    defer { files.remove() }
    let bench = try NASHPOBench2(contentsOf: files.folder)
    let native = files.path("subset.tabnas")
    try bench.writeNativeFile(to: native)
    let reopened = try NASHPOBench2(contentsOf: native)
    let cacheFolder = files.path("cache")
    var outcomes: [CacheOutcome] = []
    for _ in 0..<2 {
      let cached = try NASHPOBench2(contentsOf: files.folder, cache: NativeFileCache(folder: cacheFolder)) { outcomes.append($0) }
      #expect(cached.table.coverage == bench.table.coverage)
    }
    #expect(outcomes.count == 2 && outcomes.last.map { if case .hit = $0 { true } else { false } } == true)
    let restricted = try NASHPOBench2.synthetic().restricted(
      toCells: Self.keptCells, learningRates: Array(NASHPOSearchSpace.learningRates.dropLast()), seeds: [222, 555])
    for other in [reopened, restricted] {
      #expect(other.table.coverage.cells == bench.table.coverage.cells)
      #expect(other.searchSpace.heldLearningRates == bench.searchSpace.heldLearningRates)
      #expect(other.table.coverage.seeds == [222, 555])
      #expect(other.count == bench.count)
    }
    #expect(reopened.table.coverage == bench.table.coverage)
    for position in stride(from: 0, to: bench.count, by: 11) {
      let key = bench.searchSpace[position]
      #expect(try reopened.query(key, mode: .valid, iepoch: 3, seed: 555) == bench.query(key, mode: .valid, iepoch: 3, seed: 555))
    }
    let outsideSeed = NASHPOBench2Error.notInFiles(component: "seed", value: "888", held: ["222", "555"])
    #expect(throws: outsideSeed) { try reopened.query(bench.searchSpace[0], seed: 888) }
    #expect(throws: outsideSeed) { try restricted.query(bench.searchSpace[0], seed: 888) }
    #expect(throws: NASHPOBench2Error.emptySubset("seed")) { try restricted.restricted(seeds: []) }
    #expect(throws: NASHPOBench2Error.notInFiles(component: "learning rate", value: "0.4", held: NASHPOSearchSpace.learningRates.dropLast().map { "\($0)" })) {
      try restricted.restricted(learningRates: [0.4])
    }
  }

  /// Native bytes with `edit` applied to the payload and the header's version and checksum set again.
  private func resealed(_ bench: NASHPOBench2, version: Int = 3, edit: (inout [UInt8]) -> Void = { _ in }) -> [UInt8] {
    var bytes = bench.table.nativeFileBytes(source: bench.source)
    edit(&bytes)
    var header = NativeFileHeader(datasetKind: .nasHPOBench2, payloadLength: bytes.count - NativeFileHeader.size, checksum: 0, source: bench.source)
    header.version = version
    header.checksum = header.fileChecksum(
      payloadChecksum: bytes.withUnsafeBytes { Checksum64.checksum(UnsafeRawBufferPointer(rebasing: $0[NativeFileHeader.size...])) })
    bytes.replaceSubrange(0..<NativeFileHeader.size, with: header.encoded)
    return bytes
  }

  @Test("a coverage section that does not fit the table is a typed error naming the problem")
  func badCoverage() throws {
    let files = try SmallNASHPOFiles(classes: 2)
    defer { files.remove() }
    let whole = try NASHPOBench2(contentsOf: files.folder)
    let subset = try whole.restricted(toCells: Self.keptCells)
    // A complete table's last 16 bytes: the lr, batch-size and seed masks and the flags.
    let cases: [(bytes: [UInt8], reason: String)] = [
      (resealed(whole) { $0.replaceSubrange($0.count - 16..<$0.count - 12, with: [0, 0, 0, 0]) }, "coverage mask 0 does not name 1–8 values"),
      (resealed(whole) { $0.replaceSubrange($0.count - 4..<$0.count, with: [4, 0, 0, 0]) }, "unknown coverage flags 4"),
      (resealed(subset, version: 2), "a version 2 file has no coverage section, so must list every cell"),
    ]
    for (index, (bytes, reason)) in cases.enumerated() {
      let path = files.path("bad-\(index).tabnas")
      try writeNewFile(bytes, to: path)
      #expect(throws: DatasetFileError.schema(path: path, reason: reason)) { try NASHPOBench2(contentsOf: path) }
    }
  }

  @Test("files whose bench12.pkl holds no run of a listed hash are refused, naming it")
  func noRuns() throws {
    let files = try SmallNASHPOFiles(classes: 2) { $0.keepRows { _, _, _, _ in false } }
    defer { files.remove() }
    #expect(throws: DatasetFileError.schema(path: files.path("bench12.pkl"), reason: "holds no run of the 2 hashes cellinfo.pkl lists")) {
      try NASHPOBench2(contentsOf: files.folder)
    }
  }

  @Test("a version 2 native file opens as the whole benchmark")
  func versionTwo() throws {
    let files = try SmallNASHPOFiles(classes: 2)
    defer { files.remove() }
    let bench = try NASHPOBench2(contentsOf: files.folder)
    // Version 3 appends a 16-byte coverage section (no bit sets when complete).
    let bytes = resealed(bench, version: 2) { $0.removeLast(16) }
    let path = files.path("v2.tabnas")
    try writeNewFile(bytes, to: path)
    let old = try NASHPOBench2(contentsOf: path)
    #expect(old.table.coverage.isComplete)
    for index in stride(from: 0, to: NASHPOSearchSpace.fullCount, by: 4099) {
      #expect(try old.query(NASHPOKey(index: index), seed: 888) == bench.query(NASHPOKey(index: index), seed: 888))
    }
  }
}
