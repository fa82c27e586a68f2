/// Turns pickled keys `(hash, lr, batch_size[, seed])` into store positions, with errors that
/// name the file and the offending value. A resolved key tuple caches its position, so a key
/// shared by every column (as the pickler memoises it) is resolved once.
///
/// A hash `cellinfo.pkl` does not list (files cut to a subset of the cells) resolves to a
/// negative position, `-1 - (lr × 6 + batch size) × 3 - seed` (seed 0 for surrogate keys), so a
/// loader can skip its values, as the reference API never reads them, yet count its learning
/// rate, batch size and seed among the values the files hold.
struct NASHPOKeyResolver {
  let path: String
  let classOfHash: [String: Int]
  let hashes: [String]

  init(path: String, classOfHash: [String: Int]) {
    self.path = path
    self.classOfHash = classOfHash
    var hashes = [String](repeating: "", count: classOfHash.count)
    for (hash, index) in classOfHash { hashes[index] = hash }
    self.hashes = hashes
  }

  /// The run record of `(hash, lr, batch_size, seed)`.
  @inline(__always)
  func record(of key: PickleObject) throws -> Int {
    guard let annotation = Self.annotation(of: key) else { return try resolveRecord(of: key) }
    return Self.position(cached: annotation)
  }

  private func resolveRecord(of key: PickleObject) throws -> Int {
    let tuple = try self.tuple(key, count: 4)  // unresolved: `record(of:)` found no annotation
    let setting = try setting(of: tuple.items), seed = try seedIndex(tuple.items[3])
    let seeds = NASHPOSearchSpace.seeds.count
    let record = setting >= 0 ? setting * seeds + seed : (setting + 1) * seeds - 1 - seed
    cache(record, on: tuple)
    return record
  }

  /// Caches a key tuple's position (a run record or surrogate position) on it, so that every
  /// later column finds it at once.
  func cache(_ position: Int, on tuple: PickleTuple) {
    tuple.annotation = Self.cached(position: position)
    // The annotation is all a loader needs from now on: the items' memory goes back while the
    // file streams (145,584 memoised keys in bench12.pkl).
    tuple.items = []
  }

  /// What a key resolved to, if it has been: a tuple's annotation, or the key the decoder kept
  /// only as one.
  @inline(__always)
  static func annotation(of key: PickleObject) -> Int? {
    switch key {
    case .resolvedKey(let annotation): annotation
    case .tuple(let tuple) where tuple.annotation != unresolved: tuple.annotation
    default: nil
    }
  }

  /// A tuple's annotation before it is resolved.
  static let unresolved = -1
  /// A resolved position as cached on a tuple (negative positions shift by one past `unresolved`).
  @inline(__always) static func cached(position: Int) -> Int { position >= 0 ? position : position - 1 }
  /// The position a cached annotation holds.
  @inline(__always) static func position(cached annotation: Int) -> Int { annotation >= 0 ? annotation : annotation + 1 }

  /// The learning-rate, batch-size and seed positions of a skipped (negative) record.
  static func components(ofSkipped record: Int) -> (learningRate: Int, batchSize: Int, seed: Int) {
    let code = -1 - record, seeds = NASHPOSearchSpace.seeds.count, batchSizes = NASHPOSearchSpace.batchSizes.count
    return (code / seeds / batchSizes, code / seeds % batchSizes, code % seeds)
  }

  /// The surrogate position of `(hash, lr, batch_size)` (negative for a hash not listed).
  func settingIndex(of key: PickleObject) throws -> Int {
    if let annotation = Self.annotation(of: key) { return Self.position(cached: annotation) }
    let tuple = try self.tuple(key, count: 3)
    let index = try setting(of: tuple.items)
    cache(index, on: tuple)
    return index
  }

  /// A column value as a number.
  @inline(__always)
  func number(_ value: PickleObject, column: @autoclosure () -> String) throws -> Double {
    switch value {
    case .float(let number): return number
    case .int(let number): return Double(number)
    default:
      throw DatasetFileError.schema(path: path, reason: "column '\(column())' holds a \(value.typeName); expected a number")
    }
  }

  /// Checks that an `lr`, `batch_size` or `seed` column repeats its key's component (position 1,
  /// 2 or 3 of the key, read back from the key's run record), exactly or rounded to float32.
  func checkComponent(named name: String, position: Int, record: Int, equals value: PickleObject) throws {
    let seeds = NASHPOSearchSpace.seeds.count, sizes = NASHPOSearchSpace.batchSizes.count
    let setting = record / seeds % NASHPOTable.settingsPerClass
    let expected =
      switch position {
      case 1: NASHPOSearchSpace.learningRates[setting / sizes]
      case 2: Double(NASHPOSearchSpace.batchSizes[setting % sizes])
      default: Double(NASHPOSearchSpace.seeds[record % seeds])
      }
    // A column of NumPy float32 scalars repeats the key's lr rounded to float32.
    guard let actual = Self.number(value), expected == actual || Double(Float(expected)) == actual else {
      let shown = position == 1 ? "\(expected)" : "\(Int(expected))"
      throw DatasetFileError.schema(path: path, reason: "column '\(name)' holds \(value) for a key whose \(name) is \(shown)")
    }
  }

  /// A readable key for a run record, for "missing" messages.
  func describe(record: Int) -> String {
    let seed = NASHPOSearchSpace.seeds[record % NASHPOSearchSpace.seeds.count]
    return describe(setting: record / NASHPOSearchSpace.seeds.count).dropLast() + ", seed \(seed))"
  }

  /// A readable key for a surrogate position.
  func describe(setting: Int) -> String {
    let perClass = NASHPOTable.settingsPerClass
    let classIndex = setting / perClass, rest = setting % perClass
    let lr = NASHPOSearchSpace.learningRates[rest / NASHPOSearchSpace.batchSizes.count]
    let batchSize = NASHPOSearchSpace.batchSizes[rest % NASHPOSearchSpace.batchSizes.count]
    return "(hash '\(hashes[classIndex])', lr \(lr), batch_size \(batchSize))"
  }

  // MARK: - Components

  private func tuple(_ key: PickleObject, count: Int) throws -> PickleTuple {
    guard case .tuple(let tuple) = key, tuple.items.count == count else {
      let shape = count == 4 ? "(hash, lr, batch_size, seed)" : "(hash, lr, batch_size)"
      throw DatasetFileError.schema(path: path, reason: "keys must be tuples \(shape), found \(key.typeName)")
    }
    return tuple
  }

  /// The surrogate position of a key's hash, lr and batch size; `-1 - (lr × 6 + batch size)`
  /// for a hash `cellinfo.pkl` does not list.
  private func setting(of items: [PickleObject]) throws -> Int {
    guard case .string(let hash) = items[0] else {
      throw DatasetFileError.schema(path: path, reason: "key hashes must be str, found \(items[0].typeName)")
    }
    let lr = try component(items[1], field: "lr", allowed: NASHPOSearchSpace.learningRates.map { "\($0)" }) {
      try NASHPOSearchSpace.learningRateIndex(of: $0)
    }
    let batchSize = try component(items[2], field: "batch_size", allowed: NASHPOSearchSpace.batchSizes.map(String.init)) {
      try NASHPOSearchSpace.batchSizeIndex(of: Int(exactly: $0) ?? -1)
    }
    let setting = lr * NASHPOSearchSpace.batchSizes.count + batchSize
    guard let classIndex = classOfHash[hash] else { return -1 - setting }
    return classIndex * NASHPOTable.settingsPerClass + setting
  }

  private func seedIndex(_ item: PickleObject) throws -> Int {
    try component(item, field: "seed", allowed: NASHPOSearchSpace.seeds.map(String.init)) {
      try NASHPOSearchSpace.seedIndex(of: Int(exactly: $0) ?? -1)
    }
  }

  private func component(
    _ item: PickleObject, field: String, allowed: @autoclosure () -> [String], _ index: (Double) throws -> Int
  ) throws -> Int {
    guard let value = Self.number(item), let position = try? index(value) else {
      throw DatasetFileError.unknownValue(path: path, field: field, value: "\(item)", allowed: allowed().joined(separator: ", "))
    }
    return position
  }

  private static func number(_ item: PickleObject) -> Double? {
    switch item {
    case .float(let value): value
    case .int(let value): Double(value)
    default: nil
    }
  }
}
