import Foundation
import Testing
@testable import TabularNAS

@Suite("NAS-HPO-Bench-II original files")
struct NASHPOFilesTests {
  let synthetic = NASHPOBench2.synthetic()

  /// Cells whose synthetic class is below `classes`, so the small files hold their true data.
  private func sampleKeys(classes: Int) -> [NASHPOKey] {
    let cells = CellEquivalence.standard.representatives.prefix(classes)
    return cells.flatMap { cell in (0..<48).map { NASHPOKey(index: cell.index * 48 + $0) } }
  }

  @Test("small original-schema pickles load and answer exactly as the table they came from")
  func loadsPickles() throws {
    let files = try SmallNASHPOFiles(classes: 3)
    defer { files.remove() }
    let bench = try NASHPOBench2(contentsOf: files.folder)
    #expect(bench.source == .files(path: files.folder))
    #expect(bench.table.classCount == 3)
    for key in sampleKeys(classes: 3) {
      for mode in QueryMode.allCases {
        for seed in NASHPOSearchSpace.seeds {
          for iepoch in [1, 7, 12] {
            #expect(try bench.query(key, mode: mode, iepoch: iepoch, seed: seed) == synthetic.query(key, mode: mode, iepoch: iepoch, seed: seed))
          }
        }
      }
      #expect(try bench.query(key, epoch: 200) == synthetic.query(key, epoch: 200))
    }
  }

  @Test("an lr column of float32 scalars, the key's lr rounded, loads")
  func float32LearningRates() throws {
    let files = try SmallNASHPOFiles { files in
      let column = files["bench12.pkl"]!["lr"]!.entries.map { entry -> PickleValue.Entry in
        guard case .float(let lr) = entry.value else { return entry }
        return .init(entry.key, .float(Double(Float(lr))))
      }
      files["bench12.pkl"] = files["bench12.pkl"]!.replacing("lr", with: .dict(column))
    }
    defer { files.remove() }
    let bench = try NASHPOBench2(contentsOf: files.folder)
    #expect(bench.searchSpace.heldLearningRates == NASHPOSearchSpace.learningRates)
  }

  @Test("a missing file is named")
  func missingFile() throws {
    let files = try SmallNASHPOFiles()
    defer { files.remove() }
    try FileManager.default.removeItem(atPath: files.path("avgaccs200.pkl"))
    #expect(throws: DatasetFileError.missing(path: files.path("avgaccs200.pkl"))) { try NASHPOBench2(contentsOf: files.folder) }
    #expect(throws: DatasetFileError.missing(path: "/nonexistent/folder")) { try NASHPOBench2(contentsOf: "/nonexistent/folder") }
  }

  @Test("a file that cannot be read is named with the reason")
  func unreadableFile() throws {
    let files = try SmallNASHPOFiles()
    defer { files.remove() }
    let path = files.path("bench12.pkl")
    try FileManager.default.removeItem(atPath: path)
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
    #expect(throws: DatasetFileError.unreadable(path: path, reason: "not a regular file")) {
      try NASHPOBench2(contentsOf: files.folder)
    }
    #expect(DatasetFileError.unreadable(path: path, reason: "not a regular file").description == "cannot read \(path): not a regular file")
  }

  @Test("truncated and corrupted pickles are pickle errors naming the file")
  func truncatedAndCorrupted() throws {
    let files = try SmallNASHPOFiles()
    defer { files.remove() }
    let path = files.path("bench12.pkl")
    let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
    try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: path))
    #expect {
      try NASHPOBench2(contentsOf: files.folder)
    } throws: { error in
      guard case DatasetFileError.pickle(path, .truncated) = error else { return false }
      return "\(error)".contains("bench12.pkl") && "\(error)".contains("truncated")
    }
    var corrupted = bytes
    corrupted[corrupted.count / 2] = 0xFF
    try FileManager.default.removeItem(atPath: path)
    try corrupted.write(to: URL(fileURLWithPath: path))
    #expect(throws: DatasetFileError.self) { try NASHPOBench2(contentsOf: files.folder) }
  }

  @Test("a pickle carrying a foreign global is refused, naming it")
  func hostileFile() throws {
    let files = try SmallNASHPOFiles()
    defer { files.remove() }
    let hostile = try Fixture.bytes("pickles/hostile-system.pkl")
    try FileManager.default.removeItem(atPath: files.path("cellinfo.pkl"))
    try writeNewFile(hostile, to: files.path("cellinfo.pkl"))
    #expect {
      try NASHPOBench2(contentsOf: files.folder)
    } throws: { error in
      guard case DatasetFileError.pickle(_, .forbiddenGlobal(module: "posix", name: "system", offset: _)) = error else { return false }
      return true
    }
  }

  @Test("wrong schemas are typed errors that say what is expected")
  func wrongSchemas() throws {
    let noHash = try SmallNASHPOFiles { $0["cellinfo.pkl"] = .dict([]) }
    defer { noHash.remove() }
    #expect(throws: DatasetFileError.schema(path: noHash.path("cellinfo.pkl"), reason: "expected a dict with key 'hash' mapping cell codes to hashes")) {
      try NASHPOBench2(contentsOf: noHash.folder)
    }

    let noColumn = try SmallNASHPOFiles { $0["bench12.pkl"] = $0["bench12.pkl"]!.replacing("valid_acc_3", with: nil) }
    defer { noColumn.remove() }
    #expect(throws: DatasetFileError.missingColumn(path: noColumn.path("bench12.pkl"), column: "valid_acc_3")) {
      try NASHPOBench2(contentsOf: noColumn.folder)
    }

    let incomplete = try SmallNASHPOFiles { files in
      let column = files["bench12.pkl"]!["test_time_11"]!.entries
      files["bench12.pkl"] = files["bench12.pkl"]!.replacing("test_time_11", with: .dict(Array(column.dropFirst())))
    }
    defer { incomplete.remove() }
    #expect {
      try NASHPOBench2(contentsOf: incomplete.folder)
    } throws: { error in
      guard case DatasetFileError.incomplete(_, "test_time_11", 1, let example) = error else { return false }
      return example.contains("lr 0.003125, batch_size 16, seed 222")
    }

    let badLR = try SmallNASHPOFiles { files in
      let entries = files["avgaccs200.pkl"]!["avg_acc"]!.entries
      let first = entries[0]
      guard case .tuple(let items) = first.key else { return }
      let changed = PickleValue.Entry(.tuple([items[0], .float(0.3), items[2]]), first.value)
      files["avgaccs200.pkl"] = .dict([.init(.string("avg_acc"), .dict([changed] + entries.dropFirst()))])
    }
    defer { badLR.remove() }
    #expect {
      try NASHPOBench2(contentsOf: badLR.folder)
    } throws: { error in
      guard case DatasetFileError.unknownValue(_, "lr", "0.3", let allowed) = error else { return false }
      return allowed.contains("0.003125")
    }

    let textValue = try SmallNASHPOFiles { files in
      let column = files["bench12.pkl"]!["train_acc_0"]!.entries
      let changed = [PickleValue.Entry(column[0].key, .string("85.1"))] + column.dropFirst()
      files["bench12.pkl"] = files["bench12.pkl"]!.replacing("train_acc_0", with: .dict(changed))
    }
    defer { textValue.remove() }
    #expect(throws: DatasetFileError.schema(path: textValue.path("bench12.pkl"), reason: "column 'train_acc_0' holds a str; expected a number")) {
      try NASHPOBench2(contentsOf: textValue.folder)
    }

    let wrongComponent = try SmallNASHPOFiles { files in
      let column = files["bench12.pkl"]!["batch_size"]!.entries
      let changed = [PickleValue.Entry(column[0].key, .int(32))] + column.dropFirst()
      files["bench12.pkl"] = files["bench12.pkl"]!.replacing("batch_size", with: .dict(changed))
    }
    defer { wrongComponent.remove() }
    #expect(throws: DatasetFileError.schema(path: wrongComponent.path("bench12.pkl"), reason: "column 'batch_size' holds 32 for a key whose batch_size is 16")) {
      try NASHPOBench2(contentsOf: wrongComponent.folder)
    }

    let noCells = try SmallNASHPOFiles { $0["cellinfo.pkl"] = .dict([.init(.string("hash"), .dict([]))]) }
    defer { noCells.remove() }
    #expect(throws: DatasetFileError.schema(path: noCells.path("cellinfo.pkl"), reason: "'hash' lists no cell code")) {
      try NASHPOBench2(contentsOf: noCells.folder)
    }
  }

  @Test("the results pickle decodes to get_results' six keys")
  func resultsPickle() throws {
    var run = BenchmarkRun(benchmark: synthetic)
    try run.queryByKey(cellcode: "0|10|210", lr: 0.1, batchSize: 256, mode: .test)
    try run.queryByKey(cellcode: "0|00|000", lr: 0.025, batchSize: 64)
    let results = try run.results()
    let decoded = try PickleDecoder().decode(results.pickleBytes)
    #expect(decoded == results.pickleValue)
    #expect(decoded.entries.map(\.key) == ["acc_trans", "key_trans", "best_acc_trans", "best_key_trans", "total_cost_trans", "final_accs"].map(PickleValue.string))
    #expect(decoded["best_acc_trans"] == .list([.none, .float(run.log.values[1])]))
    #expect(decoded["key_trans"] == .list(run.log.keys.map(\.pickleDict)))
  }
}
