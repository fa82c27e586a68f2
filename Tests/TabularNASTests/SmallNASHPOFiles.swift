import Foundation
@testable import TabularNAS

/// Writes small, schema-exact NAS-HPO-Bench-II pickles from the synthetic table: every cell code
/// maps onto one of the first `classes` hash classes (class index modulo `classes`).
struct SmallNASHPOFiles {
  let folder: String
  let classes: Int

  /// Writes the three files into a new temporary folder; `edit` may change the decoded
  /// contents first (to make a file wrong on purpose).
  init(classes: Int = 2, edit: (inout [String: PickleValue]) -> Void = { _ in }) throws {
    self.classes = classes
    folder = FileManager.default.temporaryDirectory.appendingPathComponent("tabnas-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    var files = Self.contents(classes: classes)
    edit(&files)
    for (name, value) in files {
      try writeNewFile(PickleEncoder().encode(value), to: path(name))
    }
  }

  func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }

  func remove() { try? FileManager.default.removeItem(atPath: folder) }

  /// The decoded contents of the three files, by file name.
  static func contents(classes: Int) -> [String: PickleValue] {
    let table = NASHPOBench2.synthetic().table
    let hashes = (0..<classes).map { table.classHashes[$0] }
    let cellinfo = PickleValue.dict([
      .init(.string("hash"), .dict(CellCode.all.map { .init(.string($0.description), .string(hashes[Int(table.cellClasses[$0.index]) % classes])) }))
    ])
    var runKeys: [(key: PickleValue, record: Int)] = []
    var settingKeys: [(key: PickleValue, index: Int)] = []
    for classIndex in 0..<classes {
      for (lrIndex, lr) in NASHPOSearchSpace.learningRates.enumerated() {
        for (bsIndex, batchSize) in NASHPOSearchSpace.batchSizes.enumerated() {
          let setting = (classIndex * 8 + lrIndex) * 6 + bsIndex
          settingKeys.append((.tuple([.string(hashes[classIndex]), .float(lr), .int(batchSize)]), setting))
          for (seedIndex, seed) in NASHPOSearchSpace.seeds.enumerated() {
            runKeys.append((.tuple([.string(hashes[classIndex]), .float(lr), .int(batchSize), .int(seed)]), setting * 3 + seedIndex))
          }
        }
      }
    }
    func column(_ value: (Int) -> PickleValue) -> PickleValue {
      .dict(runKeys.map { .init($0.key, value($0.record)) })
    }
    var columns: [PickleValue.Entry] = [
      .init(.string("lr"), column { .float(NASHPOSearchSpace.learningRates[($0 / 18) % 8]) }),
      .init(.string("batch_size"), column { .int(NASHPOSearchSpace.batchSizes[($0 / 3) % 6]) }),
      .init(.string("seed"), column { .int(NASHPOSearchSpace.seeds[$0 % 3]) }),
    ]
    for curve in NASHPOTable.Curve.allCases {
      for epoch in 0..<12 {
        columns.append(.init(.string("\(curve.columnPrefix)_\(epoch)"), column { .float(table.runs.value(record: $0, curve: curve.rawValue, epoch: epoch)) }))
      }
    }
    for total in NASHPOTable.Total.allCases {
      columns.append(.init(.string(total.columnName), column { .float(table.runs.scalar(record: $0, column: total.rawValue)) }))
    }
    let average = PickleValue.dict([
      .init(.string("avg_acc"), .dict(settingKeys.map { .init($0.key, .float(table.surrogateAccuracies[$0.index])) }))
    ])
    return ["cellinfo.pkl": cellinfo, "bench12.pkl": .dict(columns), "avgaccs200.pkl": average]
  }
}

extension PickleValue {
  /// This dict with one entry's value replaced (or removed with `nil`).
  func replacing(_ key: String, with value: PickleValue?) -> PickleValue {
    guard case .dict(let entries) = self else { return self }
    return .dict(entries.compactMap { entry in
      guard entry.key == .string(key) else { return entry }
      return value.map { PickleValue.Entry(entry.key, $0) }
    })
  }

  /// A dict's entries (empty for other values).
  var entries: [Entry] {
    if case .dict(let entries) = self { entries } else { [] }
  }
}

/// Edits that cut the three files to a subset, as users cut the originals.
extension [String: PickleValue] {
  /// Lists only the cell codes `keep` accepts in `cellinfo.pkl`.
  mutating func keepCells(_ keep: (String) -> Bool) {
    let entries = self["cellinfo.pkl"]!["hash"]!.entries.filter { entry in
      if case .string(let code) = entry.key { keep(code) } else { true }
    }
    self["cellinfo.pkl"] = .dict([.init(.string("hash"), .dict(entries))])
  }

  /// Keeps only the rows of `bench12.pkl` and `avgaccs200.pkl` whose key `(hash, lr,
  /// batch_size[, seed])` `keep` accepts (`seed` is nil for `avgaccs200.pkl`).
  mutating func keepRows(_ keep: (_ hash: String, _ lr: Double, _ batchSize: Int, _ seed: Int?) -> Bool) {
    func kept(_ column: PickleValue) -> PickleValue {
      .dict(column.entries.filter { entry in
        guard case .tuple(let items) = entry.key, case .string(let hash) = items[0], case .float(let lr) = items[1],
          case .int(let batchSize) = items[2]
        else { return true }
        let seed: Int? = if items.count == 4, case .int(let seed) = items[3] { seed } else { nil }
        return keep(hash, lr, batchSize, seed)
      })
    }
    for file in ["bench12.pkl", "avgaccs200.pkl"] {
      self[file] = .dict(self[file]!.entries.map { .init($0.key, kept($0.value)) })
    }
  }
}
