/// Positions of well-formed keys by arithmetic: a listed hash (its class found from bytes or a
/// string, the last one kept, as consecutive keys mostly share it), a float learning rate and
/// integer batch size and seed of the search space. Anything else is left to
/// ``NASHPOKeyResolver``, which names what is wrong or skips the row.
struct NASHPOKeyArithmetic {
  let hashClasses: NASHPOHashClasses
  /// The last hash seen as bytes in the file, and as a string, with their classes.
  private var previousText: (text: UnsafeRawBufferPointer, classIndex: Int)?
  private var previousString: (hash: String, classIndex: Int)?
  /// The search space's values, held here: a global's every read checks its initialisation.
  private let learningRates = NASHPOSearchSpace.learningRates, batchSizes = NASHPOSearchSpace.batchSizes
  private let seeds = NASHPOSearchSpace.seeds

  init(hashes: [String]) {
    hashClasses = NASHPOHashClasses(hashes: hashes)
  }

  /// The class of a hash text in the file.
  @inline(__always)
  mutating func classIndex(of text: UnsafeRawBufferPointer) -> Int? {
    if let previous = previousText, text.hasSameBytes(as: previous.text) { return previous.classIndex }
    guard let classIndex = hashClasses.classIndex(of: text) else { return nil }
    previousText = (text, classIndex)
    return classIndex
  }

  /// The class of a hash held as a string.
  mutating func classIndex(of hash: String) -> Int? {
    if let previous = previousString, previous.hash == hash { return previous.classIndex }
    var hash = hash
    guard let classIndex = hash.withUTF8({ hashClasses.classIndex(of: UnsafeRawBufferPointer($0)) }) else { return nil }
    previousString = (hash, classIndex)
    return classIndex
  }

  /// The surrogate position of a class, lr and batch size.
  @inline(__always)
  func setting(classIndex: Int, lr: Double, batchSize: Int) -> Int? {
    guard let lrIndex = learningRates.firstIndex(of: lr), let batchSizeIndex = batchSizes.firstIndex(of: batchSize) else { return nil }
    return classIndex * NASHPOTable.settingsPerClass + lrIndex * batchSizes.count + batchSizeIndex
  }

  /// The run record of a class, lr, batch size and seed.
  @inline(__always)
  func record(classIndex: Int, lr: Double, batchSize: Int, seed: Int) -> Int? {
    guard let setting = setting(classIndex: classIndex, lr: lr, batchSize: batchSize), let seedIndex = seeds.firstIndex(of: seed)
    else { return nil }
    return setting * seeds.count + seedIndex
  }

  /// The position of a key `(hash, lr, batch_size, seed)` (`seeded`: a run record) or `(hash, lr,
  /// batch_size)` (a surrogate position); `nil` for anything the resolver must look at.
  mutating func position(ofKey hash: String, _ numbers: (PickleObject, PickleObject, PickleObject?), seeded: Bool) -> Int? {
    guard (numbers.2 != nil) == seeded, case .float(let lr) = numbers.0, case .int(let batchSize) = numbers.1,
      let classIndex = classIndex(of: hash)
    else { return nil }
    guard let seed = numbers.2 else { return setting(classIndex: classIndex, lr: lr, batchSize: batchSize) }
    guard case .int(let seed) = seed else { return nil }
    return record(classIndex: classIndex, lr: lr, batchSize: batchSize, seed: seed)
  }

  /// ``position(ofKey:_:seeded:)`` of a key tuple the resolver has not seen, which it then caches
  /// on the tuple as the resolver would; `nil` (and nothing cached) for the resolver to look at.
  mutating func resolve(_ key: PickleObject, seeded: Bool, by resolver: NASHPOKeyResolver) -> Int? {
    guard case .tuple(let tuple) = key, tuple.annotation == NASHPOKeyResolver.unresolved, tuple.items.count == (seeded ? 4 : 3),
      case .string(let hash) = tuple.items[0],
      let position = position(ofKey: hash, (tuple.items[1], tuple.items[2], seeded ? tuple.items[3] : nil), seeded: seeded)
    else { return nil }
    resolver.cache(position, on: tuple)
    return position
  }
}
