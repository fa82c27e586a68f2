import Foundation

/// Loads the original NAS-HPO-Bench-II pickles into a ``NASHPOTable``.
///
/// `cellinfo.pkl` is small and decoded whole; `avgaccs200.pkl` and `bench12.pkl` are streamed:
/// each `(key, value)` item of their column dicts is written into the store as it is decoded,
/// and a key tuple shared across columns is resolved once (its run index is cached on it).
struct NASHPOPickleLoader {
  let bench12: String
  let cellinfo: String
  let avgaccs200: String

  /// A loader of the original files in a folder.
  init(folder: String) {
    let files = NASHPOBench2.originalFileNames.map { (folder as NSString).appendingPathComponent($0) }
    (bench12, cellinfo, avgaccs200) = (files[0], files[1], files[2])
  }

  func load() throws -> NASHPOTable {
    let classes = try loadCellClasses()
    // Every value is checked to be written (presence masks), so the store need not be pre-filled.
    let builder = NASHPOTable.Builder(classHashes: classes.hashes, cellClasses: classes.cellClasses, prefillNaN: false)
    let classOfHash = Dictionary(uniqueKeysWithValues: classes.hashes.enumerated().map { ($1, $0) })
    // The two files fill disjoint columns, so they load side by side.
    let failures = LoaderFailures()
    DispatchQueue.concurrentPerform(iterations: 2) { part in
      do {
        if part == 0 { try loadRuns(into: builder, classOfHash: classOfHash) } else {
          try loadSurrogate(into: builder, classOfHash: classOfHash)
        }
      } catch {
        failures.record(error, part: part)
      }
    }
    try failures.throwFirst()
    return builder.build()
  }

  // MARK: - cellinfo.pkl

  /// Reads `{'hash': {cellcode: hash}}`; classes are numbered by their smallest cell code.
  private func loadCellClasses() throws -> (hashes: [String], cellClasses: [UInt16]) {
    let file = try MappedFile(path: cellinfo)
    let value: PickleValue
    do { value = try PickleDecoder().decode(file.bytes) } catch let error as PickleError {
      throw DatasetFileError.pickle(path: cellinfo, error)
    }
    guard case .dict(let entries) = value["hash"] else {
      throw DatasetFileError.schema(path: cellinfo, reason: "expected a dict with key 'hash' mapping cell codes to hashes")
    }
    var hashOfCell = [String?](repeating: nil, count: CellCode.count)
    for entry in entries {
      guard case .string(let code) = entry.key, case .string(let hash) = entry.value else {
        throw DatasetFileError.schema(
          path: cellinfo, reason: "'hash' maps \(entry.key.typeName) to \(entry.value.typeName); expected str to str")
      }
      guard let cell = try? CellCode(code) else {
        throw DatasetFileError.unknownValue(path: cellinfo, field: "cell code", value: "'\(code)'", allowed: "A|BC|DEF with operations 0–3")
      }
      hashOfCell[cell.index] = hash
    }
    if let missing = hashOfCell.firstIndex(of: nil) {
      throw DatasetFileError.incomplete(
        path: cellinfo, column: "hash", missing: hashOfCell.count { $0 == nil }, example: "\(CellCode(index: missing))")
    }
    var classOfHash: [String: Int] = [:]
    var hashes: [String] = []
    let cellClasses = hashOfCell.map { hash -> UInt16 in
      let hash = hash ?? ""
      if let known = classOfHash[hash] { return UInt16(known) }
      classOfHash[hash] = hashes.count
      hashes.append(hash)
      return UInt16(hashes.count - 1)
    }
    return (hashes, cellClasses)
  }

  // MARK: - avgaccs200.pkl

  /// Streams `{'avg_acc': {(hash, lr, batch_size): accuracy}}`.
  private func loadSurrogate(into builder: NASHPOTable.Builder, classOfHash: [String: Int]) throws {
    let resolver = NASHPOKeyResolver(path: avgaccs200, classOfHash: classOfHash)
    let consumer = try stream(avgaccs200, SurrogateConsumer(builder: builder, resolver: resolver))
    guard consumer.foundColumn else { throw DatasetFileError.missingColumn(path: avgaccs200, column: "avg_acc") }
    if let missing = consumer.filled.missing(in: 0..<consumer.filled.count) {
      throw DatasetFileError.incomplete(
        path: avgaccs200, column: "avg_acc", missing: missing.count, example: resolver.describe(setting: missing.first))
    }
  }

  // MARK: - bench12.pkl

  /// Streams `{column: {(hash, lr, batch_size, seed): value}}` into the run records.
  private func loadRuns(into builder: NASHPOTable.Builder, classOfHash: [String: Int]) throws {
    let resolver = NASHPOKeyResolver(path: bench12, classOfHash: classOfHash)
    let consumer = try stream(bench12, RunsConsumer(builder: builder, resolver: resolver))
    let recordCount = consumer.recordCount
    for (index, target) in consumer.targets.enumerated() {
      guard consumer.targetOfColumn.contains(index) else {
        throw DatasetFileError.missingColumn(path: bench12, column: target.name)
      }
      if let missing = consumer.filled.missing(in: index * recordCount..<(index + 1) * recordCount) {
        throw DatasetFileError.incomplete(
          path: bench12, column: target.name, missing: missing.count,
          example: resolver.describe(record: missing.first - index * recordCount))
      }
    }
  }

  // MARK: - Streaming

  /// Decodes a pickle whose root is a dict of column dicts through a consumer, and returns it.
  private func stream<Consumer: PickleColumnConsumer>(_ path: String, _ consumer: Consumer) throws -> Consumer {
    let file = try MappedFile(path: path)
    var machine = PickleMachine(file, consumer: consumer)
    defer { machine.releaseContainers() }
    let result: PickleObject
    do { result = try machine.run() } catch let error as PickleError {
      throw DatasetFileError.pickle(path: path, error)
    }
    guard case .dict = result else {
      throw DatasetFileError.schema(path: path, reason: "expected a dict of columns at the top level, found \(result.typeName)")
    }
    return machine.consumer
  }
}

/// Errors of loaders running in parallel; the first file's error wins, as if run in order.
private final class LoaderFailures: @unchecked Sendable {
  private let lock = NSLock()
  private var errors: [Int: any Error] = [:]

  func record(_ error: any Error, part: Int) { lock.withLock { errors[part] = error } }

  func throwFirst() throws {
    if let error = lock.withLock({ errors.sorted { $0.key < $1.key }.first?.value }) { throw error }
  }
}

/// Writes `avg_acc` items into the surrogate column.
private struct SurrogateConsumer: PickleColumnConsumer {
  let builder: NASHPOTable.Builder
  let resolver: NASHPOKeyResolver
  let filled: PresenceMask
  var averageColumn = -1
  var foundColumn: Bool { averageColumn >= 0 }

  init(builder: NASHPOTable.Builder, resolver: NASHPOKeyResolver) {
    self.builder = builder
    self.resolver = resolver
    filled = PresenceMask(count: builder.classHashes.count * NASHPOTable.settingsPerClass)
  }

  mutating func beginColumn(_ column: Int, named name: String) {
    if name == "avg_acc" { averageColumn = column }
  }

  mutating func consume(
    column: Int, key: PickleObject, value: PickleObject, arena: UnsafeBufferPointer<PickleObject>
  ) throws {
    guard column == averageColumn else { return }
    let index = try resolver.settingIndex(of: key.resolved(in: arena))
    builder.setSurrogate(try resolver.number(value.resolved(in: arena), column: "avg_acc"), at: index)
    filled.mark(index)
  }
}

/// Writes `bench12.pkl` items into the run records and notes which were present.
private struct RunsConsumer: PickleColumnConsumer {
  let resolver: NASHPOKeyResolver
  let writer: CurveStore.Builder.ColumnWriter
  let targets = NASHPOColumnTarget.all
  let recordCount: Int
  /// Column number → position in `targets`, or -1 for a column we do not know (ignored).
  var targetOfColumn: [Int] = []
  /// Column number → where its values go, flattened so the per-item path copies no enum.
  private var slotOfColumn: [(kind: UInt8, index: Int, epoch: Int)] = []
  /// The column of the last item, its target and slot (items come column by column).
  private var current: (column: Int, target: Int, slot: (kind: UInt8, index: Int, epoch: Int)) = (-1, -1, (0, 0, 0))
  let filled: PresenceMask
  /// Arena id of a shared key tuple → its record (-1: not resolved yet); compact, so keys that
  /// every column shares are found without touching the tuples themselves.
  var recordOfKey: [Int32] = []

  init(builder: NASHPOTable.Builder, resolver: NASHPOKeyResolver) {
    self.resolver = resolver
    writer = builder.runs.columnWriter()
    recordCount = builder.runs.recordCount
    filled = PresenceMask(count: NASHPOColumnTarget.all.count * recordCount)
  }

  mutating func beginColumn(_ column: Int, named name: String) {
    let target = targets.firstIndex { $0.name == name } ?? -1
    targetOfColumn.append(target)
    guard target >= 0 else { return slotOfColumn.append((0, 0, 0)) }
    switch targets[target] {
    case .curve(let curve, let epoch): slotOfColumn.append((1, curve.rawValue, epoch))
    case .total(let total): slotOfColumn.append((2, total.rawValue, 0))
    case .keyComponent(_, let position): slotOfColumn.append((3, position, 0))
    }
  }

  mutating func consume(
    column: Int, key: PickleObject, value: PickleObject, arena: UnsafeBufferPointer<PickleObject>
  ) throws {
    if column != current.column {
      current = (column, targetOfColumn[column], slotOfColumn[column])
    }
    let (_, target, slot) = current
    guard target >= 0 else { return }
    let record = try self.record(of: key, arena: arena)
    let value = value.resolved(in: arena)
    switch slot.kind {
    case 1: writer.setValue(try resolver.number(value, column: targets[target].name), record: record, curve: slot.index, epoch: slot.epoch)
    case 2: writer.setScalar(try resolver.number(value, column: targets[target].name), record: record, column: slot.index)
    default:
      try resolver.checkComponent(
        named: targets[target].name, position: slot.index, of: key.resolved(in: arena), equals: value)
    }
    filled.mark(target &* recordCount &+ record)
  }

  @inline(__always)
  private mutating func record(of key: PickleObject, arena: UnsafeBufferPointer<PickleObject>) throws -> Int {
    guard case .ref(let id) = key else { return try resolver.record(of: key) }
    if id < recordOfKey.count, recordOfKey[id] >= 0 { return Int(recordOfKey[id]) }
    let record = try resolver.record(of: arena[id])
    if id >= recordOfKey.count { recordOfKey += [Int32](repeating: -1, count: max(id + 1 - recordOfKey.count, recordOfKey.count)) }
    recordOfKey[id] = Int32(record)
    return record
  }
}
