import Foundation

/// Loads the original NAS-HPO-Bench-II pickles into a ``NASHPOTable``.
///
/// `cellinfo.pkl` is small and decoded whole; `avgaccs200.pkl` and `bench12.pkl` are streamed:
/// each `(key, value)` item of their column dicts is written into the store as it is decoded,
/// and a key tuple shared across columns is resolved once (its run index is cached on it).
///
/// Files may hold a subset, as the reference API allows: `cellinfo.pkl` may list some cells
/// (`bench12.pkl` rows of other hashes are skipped), and `bench12.pkl` and `avgaccs200.pkl` may
/// lack runs; the table's ``NASHPOCoverage`` records what they hold. A run is held whole or
/// not at all: one holding some columns but not others is an error naming the column.
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
    // One after the other, on one thread: memory one thread frees, another's allocations do not
    // reuse, so loading side by side would add the first file's garbage to the peak.
    let runs = try loadRuns(into: builder, classOfHash: classOfHash)
    let surrogates = try loadSurrogate(into: builder, classOfHash: classOfHash)
    let coverage = NASHPOCoverage(
      cells: CellCode.all.filter { classes.cellClasses[$0.index] != NASHPOTable.absentClass },
      learningRateIndices: runs.learningRateIndices, batchSizeIndices: runs.batchSizeIndices, seedIndices: runs.seedIndices,
      runs: runs.records, surrogates: surrogates)
    return builder.build(coverage: coverage)
  }

  // MARK: - cellinfo.pkl

  /// Reads `{'hash': {cellcode: hash}}`; classes are numbered by their smallest cell code, and
  /// cells the file does not list have ``NASHPOTable/absentClass``.
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
    guard hashOfCell.contains(where: { $0 != nil }) else {
      throw DatasetFileError.schema(path: cellinfo, reason: "'hash' lists no cell code")
    }
    var classOfHash: [String: Int] = [:]
    var hashes: [String] = []
    let cellClasses = hashOfCell.map { hash -> UInt16 in
      guard let hash else { return NASHPOTable.absentClass }
      if let known = classOfHash[hash] { return UInt16(known) }
      classOfHash[hash] = hashes.count
      hashes.append(hash)
      return UInt16(hashes.count - 1)
    }
    return (hashes, cellClasses)
  }

  // MARK: - avgaccs200.pkl

  /// Streams `{'avg_acc': {(hash, lr, batch_size): accuracy}}` and returns which settings it
  /// holds (those it lacks are NaN).
  private func loadSurrogate(into builder: NASHPOTable.Builder, classOfHash: [String: Int]) throws -> PresenceBits {
    let resolver = NASHPOKeyResolver(path: avgaccs200, classOfHash: classOfHash)
    let consumer = try stream(avgaccs200) { SurrogateConsumer(builder: builder, resolver: resolver) }
    guard consumer.foundColumn else { throw DatasetFileError.missingColumn(path: avgaccs200, column: "avg_acc") }
    let filled = consumer.filled
    for index in 0..<filled.count where !filled.isMarked(index) { builder.setSurrogate(.nan, at: index) }
    return PresenceBits(count: filled.count, where: filled.isMarked)
  }

  // MARK: - bench12.pkl

  /// Streams `{column: {(hash, lr, batch_size, seed): value}}` into the run records and returns
  /// which runs, learning rates, batch sizes and seeds the file holds (runs it lacks are NaN).
  private func loadRuns(into builder: NASHPOTable.Builder, classOfHash: [String: Int]) throws -> HeldRuns {
    let resolver = NASHPOKeyResolver(path: bench12, classOfHash: classOfHash)
    let consumer = try stream(bench12) { RunsConsumer(builder: builder, resolver: resolver) }
    consumer.writer.flush()
    let (recordCount, targets, filled) = (consumer.recordCount, consumer.targets, consumer.filled)
    for (index, target) in targets.enumerated() where !consumer.targetOfColumn.contains(index) {
      throw DatasetFileError.missingColumn(path: bench12, column: target.name)
    }
    let complete = targets.indices.allSatisfy { filled.missing(in: $0 * recordCount..<($0 + 1) * recordCount) == nil }
    let held: PresenceBits
    if complete {
      held = PresenceBits(count: recordCount) { _ in true }
    } else {
      let writer = builder.runs.columnWriter()
      var isHeld = [Bool](repeating: false, count: recordCount)
      for record in 0..<recordCount {
        let present = targets.indices.count { filled.isMarked($0 * recordCount + record) }
        if present == targets.count { isHeld[record] = true } else if present == 0 { writer.clear(record: record) } else {
          throw partialRun(record, consumer: consumer, resolver: resolver)
        }
      }
      held = PresenceBits(count: recordCount) { isHeld[$0] }
    }
    guard held.presentCount > 0 else {
      throw DatasetFileError.schema(path: bench12, reason: "holds no run of the \(classOfHash.count) hashes cellinfo.pkl lists")
    }
    var seen = consumer.skippedComponents
    for record in 0..<recordCount where held.contains(record) { seen[record % seen.count] = true }
    return HeldRuns(records: held, components: seen)
  }

  /// The error for a run that some columns hold and others lack: the first column it lacks and
  /// how many such runs lack it.
  private func partialRun(_ record: Int, consumer: RunsConsumer, resolver: NASHPOKeyResolver) -> DatasetFileError {
    let (recordCount, targets, filled) = (consumer.recordCount, consumer.targets, consumer.filled)
    let column = targets.indices.first { !filled.isMarked($0 * recordCount + record) } ?? 0
    let lacking = (0..<recordCount).count { run in
      !filled.isMarked(column * recordCount + run) && targets.indices.contains { filled.isMarked($0 * recordCount + run) }
    }
    return .incomplete(path: bench12, column: targets[column].name, missing: lacking, example: resolver.describe(record: record))
  }

  // MARK: - Streaming

  /// Decodes a pickle whose root is a dict of column dicts through a consumer, and returns it
  /// (a new one, should a speculative memo fail and the file be decoded again).
  private func stream<Consumer: PickleColumnConsumer>(_ path: String, _ makeConsumer: () -> Consumer) throws -> Consumer {
    let file = try MappedFile(path: path)
    do {
      return try PickleMachine.run(file, consumer: makeConsumer) { machine, root in
        guard case .dict = root else {
          throw DatasetFileError.schema(path: path, reason: "expected a dict of columns at the top level, found \(root.typeName)")
        }
        return machine.consumer
      }
    } catch let error as PickleError {
      throw DatasetFileError.pickle(path: path, error)
    }
  }
}

/// What `bench12.pkl` holds: its runs, and every (lr, batch size, seed) its keys name, listed
/// cells or not, as the reference derives its learning rates, batch sizes and seeds.
private struct HeldRuns {
  let records: PresenceBits
  /// Indexed `(lr × 6 + batch size) × 3 + seed`.
  let components: [Bool]

  private func positions(_ component: (Int) -> Int, among count: Int) -> [Int] {
    (0..<count).filter { value in components.indices.contains { components[$0] && component($0) == value } }
  }
  var learningRateIndices: [Int] {
    positions({ $0 / NASHPOSearchSpace.seeds.count / NASHPOSearchSpace.batchSizes.count }, among: NASHPOSearchSpace.learningRates.count)
  }
  var batchSizeIndices: [Int] {
    positions({ $0 / NASHPOSearchSpace.seeds.count % NASHPOSearchSpace.batchSizes.count }, among: NASHPOSearchSpace.batchSizes.count)
  }
  var seedIndices: [Int] { positions({ $0 % NASHPOSearchSpace.seeds.count }, among: NASHPOSearchSpace.seeds.count) }
}

/// Writes `avg_acc` items into the surrogate column.
private struct SurrogateConsumer: PickleColumnConsumer {
  let builder: NASHPOTable.Builder
  let resolver: NASHPOKeyResolver
  let filled: PresenceMask
  var averageColumn = -1
  var foundColumn: Bool { averageColumn >= 0 }
  /// Keys resolved by arithmetic (each key of the file is new).
  var arithmetic: NASHPOKeyArithmetic

  init(builder: NASHPOTable.Builder, resolver: NASHPOKeyResolver) {
    self.builder = builder
    self.resolver = resolver
    arithmetic = NASHPOKeyArithmetic(hashes: resolver.hashes)
    filled = PresenceMask(count: builder.classHashes.count * NASHPOTable.settingsPerClass)
  }

  mutating func beginColumn(_ column: Int, named name: String) {
    if name == "avg_acc" { averageColumn = column }
  }

  mutating func annotation(ofNewKey text: String, _ numbers: (PickleObject, PickleObject, PickleObject?)) -> Int? {
    arithmetic.position(ofKey: text, numbers, seeded: false).map(NASHPOKeyResolver.cached(position:))
  }

  mutating func consume(
    column: Int, key: PickleObject, value: PickleObject, arena: UnsafeBufferPointer<PickleObject>
  ) throws {
    guard column == averageColumn else { return }
    let key = key.resolved(in: arena)
    let index = try arithmetic.resolve(key, seeded: false, by: resolver) ?? resolver.settingIndex(of: key)
    guard index >= 0 else { return }
    builder.setSurrogate(try resolver.number(value.resolved(in: arena), column: "avg_acc"), at: index)
    filled.mark(index)
  }
}

/// Writes `bench12.pkl` items into the run records and notes which were present.
private struct RunsConsumer: PickleColumnConsumer {
  let resolver: NASHPOKeyResolver
  let writer: QueuedColumnWriter
  let targets = NASHPOColumnTarget.all
  let recordCount: Int
  /// Column number → position in `targets`, or -1 for a column we do not know (ignored).
  var targetOfColumn: [Int] = []
  /// Column number → where its values go, flattened so the per-item path copies no enum.
  private var slotOfColumn: [(kind: UInt8, index: Int, epoch: Int)] = []
  /// The column of the last item, its target and slot (items come column by column).
  private var current: (column: Int, target: Int, slot: (kind: UInt8, index: Int, epoch: Int)) = (-1, -1, (0, 0, 0))
  let filled: PresenceMask
  /// Arena id of a shared key tuple → its record as ``NASHPOKeyResolver/cached(position:)``
  /// stores it (-1: not resolved yet); compact, so keys that every column shares are found
  /// without touching the tuples themselves.
  var recordOfKey: [Int32] = []
  /// The (lr, batch size, seed) of skipped rows (hashes `cellinfo.pkl` does not list).
  var skippedComponents = [Bool](repeating: false, count: NASHPOTable.settingsPerClass * NASHPOSearchSpace.seeds.count)

  /// Keys resolved by arithmetic: those written out in full (unmemoised files), and tuples the
  /// first time a column reads them.
  var arithmetic: NASHPOKeyArithmetic

  init(builder: NASHPOTable.Builder, resolver: NASHPOKeyResolver) {
    self.resolver = resolver
    arithmetic = NASHPOKeyArithmetic(hashes: resolver.hashes)
    writer = QueuedColumnWriter(builder.runs.columnWriter())
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
    guard enter(column) else { return }
    try store(value.resolved(in: arena), record: try self.record(of: key, arena: arena))
  }

  mutating func consume(
    column: Int, flatKey: PickleFlatKey, value: PickleObject, arena: UnsafeBufferPointer<PickleObject>
  ) throws {
    guard enter(column) else { return }
    try store(value, record: try record(of: flatKey))
  }

  mutating func consume(
    column: Int, keys: UnsafeBufferPointer<Int32>, values: UnsafeBufferPointer<Double>, arena: UnsafeBufferPointer<PickleObject>
  ) throws {
    guard enter(column) else { return }
    guard current.slot.kind == 1 else {
      for (key, value) in zip(keys, values) { try store(.float(value), record: try record(of: .ref(Int(key)), arena: arena)) }
      return
    }
    // A per-epoch column, the bulk of the file. Every key was resolved in the column that
    // memoised it: the run's records are found in one tight pass, then written together.
    let resolved = withUnsafeTemporaryAllocation(of: Int32.self, capacity: keys.count) { records in
      let count = recordOfKey.withUnsafeBufferPointer { cache in
        var count = 0
        for key in keys {
          let id = Int(key)
          guard id < cache.count, cache[id] >= 0 else { break }  // unresolved, or a skipped row
          records[count] = cache[id]
          count += 1
        }
        return count
      }
      storeCurveValues(values[..<count], records: UnsafeBufferPointer(rebasing: records[..<count]))
      return count
    }
    // From the first key that is not simply cached on, one at a time.
    for (key, value) in zip(keys[resolved...], values[resolved...]) {
      try store(.float(value), record: try record(of: .ref(Int(key)), arena: arena))
    }
  }

  mutating func consume(
    column: Int, run: PickleFlatItemRun.Run, numbers: UnsafeBufferPointer<PickleFlatNumbers>,
    values: UnsafeBufferPointer<Double>, arena: UnsafeBufferPointer<PickleObject>
  ) throws {
    guard enter(column) else { return }
    // A per-epoch column of keys `(hash, lr, batch_size, seed)`, the bulk of an unmemoised file:
    // the records are found in one tight pass, then written together.
    var resolved = 0
    if current.slot.kind == 1, run.shape == PickleFlatItemRun.Shape(isMarked: true, isFloat: (true, false, false)),
      let classIndex = arithmetic.classIndex(of: run.text)
    {
      resolved = withUnsafeTemporaryAllocation(of: Int32.self, capacity: numbers.count) { records in
        var count = 0
        for (lr, batchSize, seed) in numbers {
          guard
            let record = arithmetic.record(
              classIndex: classIndex, lr: Double(bitPattern: lr), batchSize: Int(Int64(bitPattern: batchSize)),
              seed: Int(Int64(bitPattern: seed)))
          else { break }
          records[count] = Int32(record)
          count += 1
        }
        storeCurveValues(values[..<count], records: UnsafeBufferPointer(rebasing: records[..<count]))
        return count
      }
    }
    // From the first item not resolved on, one at a time.
    for (numbers, value) in zip(numbers[resolved...], values[resolved...]) {
      try store(.float(value), record: try record(of: run.key(numbers)))
    }
  }

  /// Writes the values of the current per-epoch column into their records, and marks them.
  private func storeCurveValues(_ values: Slice<UnsafeBufferPointer<Double>>, records: UnsafeBufferPointer<Int32>) {
    let (_, target, slot) = current
    writer.setValues(UnsafeBufferPointer(rebasing: values), records: records, curve: slot.index, epoch: slot.epoch)
    filled.mark(records, offset: target &* recordCount)
  }

  /// Makes `column` the current one; whether its values are kept (a known column).
  @inline(__always)
  private mutating func enter(_ column: Int) -> Bool {
    if column != current.column {
      current = (column, targetOfColumn[column], slotOfColumn[column])
    }
    return current.target >= 0
  }

  /// Writes one value of the current column into a run record (negative: a skipped row).
  @inline(__always)
  private mutating func store(_ value: PickleObject, record: Int) throws {
    let (_, target, slot) = current
    guard record >= 0 else { return skippedComponents[-1 - record] = true }
    switch slot.kind {
    case 1: writer.setValue(try resolver.number(value, column: targets[target].name), record: record, curve: slot.index, epoch: slot.epoch)
    case 2: writer.setScalar(try resolver.number(value, column: targets[target].name), record: record, column: slot.index)
    default:
      try resolver.checkComponent(named: targets[target].name, position: slot.index, record: record, equals: value)
    }
    filled.mark(target &* recordCount &+ record)
  }

  /// The record of a key written out in full: arithmetic on its parts when they are a listed
  /// hash and known values, else the resolver's (which names anything wrong, or skips the row).
  @inline(__always)
  private mutating func record(of key: PickleFlatKey) throws -> Int {
    if case .float(let lr) = key.numbers.0, case .int(let batchSize) = key.numbers.1, case .int(let seed)? = key.numbers.2,
      let classIndex = arithmetic.classIndex(of: key.text),
      let record = arithmetic.record(classIndex: classIndex, lr: lr, batchSize: batchSize, seed: seed)
    {
      return record
    }
    return try resolver.record(of: key.tuple)
  }

  /// The record of a key tuple no column has resolved yet (as each file's first column holds
  /// them), cached on the tuple as the resolver would.
  private mutating func resolve(_ key: PickleObject) throws -> Int {
    try arithmetic.resolve(key, seeded: true, by: resolver) ?? resolver.record(of: key)
  }

  mutating func annotation(ofNewKey text: String, _ numbers: (PickleObject, PickleObject, PickleObject?)) -> Int? {
    arithmetic.position(ofKey: text, numbers, seeded: true).map(NASHPOKeyResolver.cached(position:))
  }

  @inline(__always)
  private mutating func record(of key: PickleObject, arena: UnsafeBufferPointer<PickleObject>) throws -> Int {
    guard case .ref(let id) = key else { return try resolver.record(of: key) }
    if id < recordOfKey.count, recordOfKey[id] != -1 { return NASHPOKeyResolver.position(cached: Int(recordOfKey[id])) }
    let record = try resolve(arena[id])
    if id >= recordOfKey.count { recordOfKey += [Int32](repeating: -1, count: max(id + 1 - recordOfKey.count, recordOfKey.count)) }
    recordOfKey[id] = Int32(NASHPOKeyResolver.cached(position: record))
    return record
  }
}
