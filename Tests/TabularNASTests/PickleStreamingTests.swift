import Foundation
import Testing
@testable import TabularNAS

/// Collects every streamed item as a plain value.
private struct RecordingConsumer: PickleColumnConsumer {
  var names: [String] = []
  var items: [[PickleValue.Entry]] = []

  mutating func beginColumn(_ column: Int, named name: String) {
    names.append(name)
    items.append([])
  }

  /// Items whose key came written out in full (the unmemoised fast path).
  var flatItems = 0

  mutating func consume(column: Int, flatKey: PickleFlatKey, value: PickleObject, arena: UnsafeBufferPointer<PickleObject>) throws {
    flatItems += 1
    try consume(column: column, key: flatKey.tuple, value: value, arena: arena)
  }

  /// Items handed over in runs of one layout (``PickleItemRun``), or of full keys sharing one
  /// text (``PickleFlatItemRun``).
  var runItems = 0, flatRunItems = 0

  mutating func consume(
    column: Int, run: PickleFlatItemRun.Run, numbers: UnsafeBufferPointer<PickleFlatNumbers>,
    values: UnsafeBufferPointer<Double>, arena: UnsafeBufferPointer<PickleObject>
  ) throws {
    flatRunItems += run.count
    for (numbers, value) in zip(numbers, values) {
      try consume(column: column, flatKey: run.key(numbers), value: .float(value), arena: arena)
    }
  }

  mutating func consume(
    column: Int, keys: UnsafeBufferPointer<Int32>, values: UnsafeBufferPointer<Double>, arena: UnsafeBufferPointer<PickleObject>
  ) throws {
    runItems += keys.count
    for (key, value) in zip(keys, values) { try consume(column: column, key: .ref(Int(key)), value: .float(value), arena: arena) }
  }

  mutating func consume(column: Int, key: PickleObject, value: PickleObject, arena: UnsafeBufferPointer<PickleObject>) throws {
    var budget = Int.max
    items[column].append(
      .init(try PickleValue(key, arena: arena, depth: 0, budget: &budget), try PickleValue(value, arena: arena, depth: 0, budget: &budget)))
  }
}

/// Renders every streamed key, as an error message would.
private struct DescribingConsumer: PickleColumnConsumer {
  var descriptions: [String] = []
  mutating func beginColumn(_ column: Int, named name: String) {}
  mutating func consume(column: Int, key: PickleObject, value: PickleObject, arena: UnsafeBufferPointer<PickleObject>) {
    descriptions.append(key.resolved(in: arena).description)
  }
}

/// Resolves every new key of three numbers to the position of its seed, as a loader resolves
/// keys by arithmetic, and records what each column's keys then are.
private struct AnnotatingConsumer: PickleColumnConsumer {
  var annotated = 0
  var keys: [[PickleObject]] = []

  mutating func beginColumn(_ column: Int, named name: String) { keys.append([]) }

  mutating func annotation(ofNewKey text: String, _ numbers: (PickleObject, PickleObject, PickleObject?)) -> Int? {
    guard case .int(let seed)? = numbers.2 else { return nil }
    annotated += 1
    return seed
  }

  mutating func consume(column: Int, key: PickleObject, value: PickleObject, arena: UnsafeBufferPointer<PickleObject>) {
    keys[column].append(key.resolved(in: arena))
  }
}

@Suite("Streaming pickles of NumPy scalars")
struct PickleStreamingTests {
  /// Streams a fixture's column dicts; returns the items, the root and how many scalars took the fast path.
  private func stream(_ name: String) throws -> (columns: [String: [PickleValue.Entry]], root: PickleValue, fast: Int) {
    let streamed = try stream(bytes: try Fixture.bytes("pickles/" + name))
    return (streamed.columns, streamed.root, streamed.fast)
  }

  /// Streams bytes from memory, or (`mapped`) from a file, whose default memo of NumPy scalars
  /// is speculative.
  private func stream(bytes: [UInt8], mapped: Bool = false, memo: PickleMemoPolicy = .all) throws
    -> (columns: [String: [PickleValue.Entry]], root: PickleValue, fast: Int, flat: Int, newKeys: Int, runItems: Int, flatRuns: Int)
  {
    func collect(_ machine: inout PickleMachine<RecordingConsumer>, _ root: PickleObject) throws
      -> (columns: [String: [PickleValue.Entry]], root: PickleValue, fast: Int, flat: Int, newKeys: Int, runItems: Int, flatRuns: Int)
    {
      var budget = Int.max
      let value = try machine.arena.withUnsafeBufferPointer { try PickleValue(root, arena: $0, depth: 0, budget: &budget) }
      let consumer = machine.consumer
      return (
        Dictionary(uniqueKeysWithValues: zip(consumer.names, consumer.items)), value, machine.fastScalarCount + machine.flatScalarCount,
        consumer.flatItems, machine.newKeyItemCount, consumer.runItems, consumer.flatRunItems
      )
    }
    guard mapped else {
      return try bytes.withUnsafeBytes { raw in
        var machine = PickleMachine(raw, consumer: RecordingConsumer(), memo: memo)
        defer { machine.releaseContainers() }
        return try collect(&machine, try machine.run())
      }
    }
    let files = try TemporaryFiles()
    defer { files.remove() }
    let path = files.folder + "/stream.pkl"
    try writeNewFile(bytes, to: path)
    return try PickleMachine.run(try MappedFile(path: path), consumer: { RecordingConsumer() }) { machine, root in
      try collect(&machine, root)
    }
  }

  @Test(
    "every column streams exactly the items a whole decode holds, memoised or not, protocol 2 (_codecs.encode) or 4",
    arguments: [
      "numpy-columns-p2.pkl", "numpy-columns-p4.pkl", "numpy-columns-p2-unmemoised.pkl", "numpy-columns-p4-unmemoised.pkl",
      // A fuzz finding: each scalar of the last column is stored over its own key's memo slot.
      "numpy-columns-p3-key-slot-reused.pkl",
    ])
  func streamsLikeWholeDecode(name: String) throws {
    let whole = try PickleDecoder().decode(try Fixture.bytes("pickles/" + name))
    let (columns, root, fast) = try stream(name)
    // A mapped file scans which memo entries are read and stores only those: the same items.
    let mapped = try stream(bytes: try Fixture.bytes("pickles/" + name), mapped: true)
    #expect(mapped.columns == columns && mapped.root == root)
    if !name.contains("unmemoised") {
      let scanned = try Fixture.bytes("pickles/" + name).withUnsafeBytes { PickleMemoReads.scan($0) != nil }
      #expect(scanned)
    }
    for column in ["f8", "f4", "i8", "byte_values"] {
      guard case .dict(let entries)? = whole[column] else {
        Issue.record("\(name) lacks \(column)")
        continue
      }
      #expect(columns[column] == entries, "\(name): \(column)")
    }
    // Values that need every byte of the latin-1 text: 1e-310 (subnormal), ±0, ∞, 2⁶⁰.
    guard case .dict(let bytesColumn)? = whole["byte_values"] else { return }
    #expect(bytesColumn.map { $0.value.doubleValue ?? .nan }.map(\.bitPattern)
      == [0.0, 1.0, -2.0, 1e-310, 255.5, .infinity, -0.0, 0x1p60, 3.0, 1 / 3, 128.0, 0.5].map(\.bitPattern))
    if name.contains("unmemoised") {
      // Unmemoised files write each scalar out in full: every one of the 48 takes the fast path.
      #expect(fast == 48, "\(name): \(fast) scalars on the fast path")
      return
    }
    // Memoised files take the fast path once a batch starts with a known key and dtype (here the
    // last column: the first holds new keys, the next two new dtypes)…
    #expect(fast >= 12, "\(name): \(fast) scalars on the fast path")
    // …and a later reference to a fast-path scalar reads its value.
    #expect(root["again"] == whole["again"])
    #expect(whole["again"] == .list([.float(3.0 / 7 - 0.5), .int(4997)]))
  }

  @Test(
    "keys written out in full stream the items a whole decode holds, frames inside items included",
    arguments: ["key-columns-p2.pkl", "key-columns-p4.pkl", "key-columns-p2-unmemoised.pkl", "key-columns-p4-unmemoised.pkl"])
  func fullKeysStreamLikeWholeDecode(name: String) throws {
    let bytes = try Fixture.bytes("pickles/" + name)
    let whole = try PickleDecoder().decode(bytes)
    var flat = 0, newKeys = 0, flatRuns = 0
    for mapped in [false, true] {
      let streamed = try stream(bytes: bytes, mapped: mapped)
      newKeys = streamed.newKeys
      flatRuns = streamed.flatRuns
      for column in ["valid_acc_0", "seed", "avg_acc"] {
        guard case .dict(let entries)? = whole[column] else {
          Issue.record("\(name) lacks \(column)")
          continue
        }
        #expect(streamed.columns[column] == entries, "\(name): \(column)")
      }
      flat = streamed.flat
    }
    // Unmemoised keys take the fast path, frames or not (at least 95 %; a batch the general path
    // enters stays on it); memoised ones are BINGETs.
    let items = name.contains("p4") ? 3_000 : 700
    #expect(name.contains("unmemoised") ? flat * 100 >= items * 95 : flat == 0, "\(name): \(flat) of \(items)")
    // Those with float values (valid_acc_0's and avg_acc's, not seed's integers) come in runs
    // that share a text (a frame inside an item sends it down the single-item path).
    let floatItems = name.contains("p4") ? 1_400 + 168 : 250 + 168
    #expect(name.contains("unmemoised") ? flatRuns * 100 >= floatItems * 95 : flatRuns == 0, "\(name): \(flatRuns) of \(floatItems) in runs")
    // Memoised files write each key out once, in the first column holding it (valid_acc_0's
    // 4-tuples, avg_acc's 3-tuples): those items take the fast path too.
    let created = name.contains("p4") ? 1_400 + 168 : 250 + 168  // avg_acc: 168 distinct (hash, lr, batch_size)
    #expect(name.contains("unmemoised") ? newKeys == 0 : newKeys * 100 >= created * 95, "\(name): \(newKeys) of \(created)")
  }

  @Test(
    "items whose keys are read back stream in runs: Python floats, NumPy float64 and float32 (protocol 2 too), frames between them",
    arguments: [
      ("read-back-columns-p4.pkl", 1_400), ("read-back-columns-p2.pkl", 250), ("numpy-read-back-columns-p4.pkl", 1_400),
      ("numpy-read-back-columns-p2.pkl", 500),
    ])
  func readBackKeysStreamInRuns(name: String, keys: Int) throws {
    let bytes = try Fixture.bytes("pickles/" + name)
    let whole = try PickleDecoder().decode(bytes)
    // Mapped, a file of NumPy scalars has a speculative memo, which runs of scalars need.
    for mapped in [false, true] {
      let streamed = try stream(bytes: bytes, mapped: mapped)
      guard case .dict(let root) = whole else {
        Issue.record("\(name): the root is not a dict")
        return
      }
      for entry in root {
        guard case .string(let column) = entry.key, case .dict(let entries) = entry.value else { continue }
        #expect(streamed.columns[column] == entries, "\(name) (mapped: \(mapped)): \(column)")
      }
      // The read-back columns (the second of Python floats, the last two of NumPy scalars, after
      // those that memoise the keys and dtypes): at least 95 % of their items come in runs (a
      // frame sends the item after it down the single-item path).
      let runs = !name.hasPrefix("numpy") || mapped
      #expect(runs ? streamed.runItems * 100 >= keys * 95 : streamed.runItems == 0, "\(name): \(streamed.runItems) of \(keys)")
    }
  }

  @Test("a consumer that resolves new keys from their parts has them kept as their annotations alone, and finds them so when read back")
  func newKeysBuiltResolved() throws {
    let bytes = try Fixture.bytes("pickles/read-back-columns-p4.pkl")
    let consumer = try bytes.withUnsafeBytes { raw in
      var machine = PickleMachine(raw, consumer: AnnotatingConsumer())
      defer { machine.releaseContainers() }
      _ = try machine.run()
      return machine.consumer
    }
    // key_columns' seeds: 222, 555 or 70000, plus the key's number.
    let seeds = (0..<1_400).map { [222, 555, 70_000][$0 % 3] + $0 }
    #expect(consumer.annotated == 1_400)
    for column in consumer.keys.indices {
      let resolved = consumer.keys[column].map { key -> Int? in
        guard case .resolvedKey(let annotation) = key else { return nil }
        // Still a tuple to messages, rendered without the items it no longer holds.
        guard key.typeName == "tuple", key.description == "(…)" else { return nil }
        return annotation
      }
      #expect(resolved == seeds, "column \(column)")
    }
  }

  @Test("NumPy scalars written out in full take the fast path, a frame inside one included")
  func flatScalarsAcrossFrames() throws {
    let name = "numpy-key-columns-p4-unmemoised.pkl"
    let bytes = try Fixture.bytes("pickles/" + name)
    let whole = try PickleDecoder().decode(bytes)
    for mapped in [false, true] {
      let streamed = try stream(bytes: bytes, mapped: mapped)
      for column in ["valid_acc_0", "train_time_0"] {
        guard case .dict(let entries)? = whole[column] else {
          Issue.record("\(name) lacks \(column)")
          continue
        }
        #expect(streamed.columns[column] == entries, "\(column)")
      }
      // 300 items in each of two columns; the second frame starts inside a float32 scalar.
      #expect(streamed.fast == 600 && streamed.flat == 600, "\(streamed.fast) scalars, \(streamed.flat) items")
    }
  }

  @Test("an error's rendering of a key nested 50,000 deep or 10,000 wide stays short (no recursion to the bottom)")
  func boundedDescription() {
    var boxes: [PickleTuple] = []
    var object = PickleObject.int(1)
    for _ in 0..<50_000 {
      let box = PickleTuple([object])
      boxes.append(box)
      object = .tuple(box)
    }
    #expect(object.description == "((((…))))")
    let wide = PickleObject.tuple(PickleTuple((0..<10_000).map { PickleObject.int($0) }))
    #expect(wide.description == "(0, 1, 2, 3, 4, 5, 6, 7, …)")
    // Freed innermost-first links, so that releasing the chain does not recurse either.
    object = .none
    for box in boxes { box.items = [] }
  }

  @Test("a column key nested 50,000 deep decodes, streams and renders without exhausting the stack (a fuzz finding)")
  func deeplyNestedKey() throws {
    let bytes: [UInt8] = [0x80, 2, 0x7D, 0x28, 0x58, 1, 0, 0, 0, 0x61, 0x7D, 0x28, 0x4B, 1]
      + [UInt8](repeating: 0x85, count: 50_000) + [0x4B, 2, 0x75, 0x75, 0x2E]
    _ = try? PickleDecoder().decode(bytes)
    try bytes.withUnsafeBytes { raw in
      var machine = PickleMachine(raw, consumer: DescribingConsumer())
      defer { machine.releaseContainers() }
      _ = try machine.run()
      #expect(machine.consumer.descriptions == ["((((…))))"])
    }
  }

  @Test("a protocol-2 scalar whose text is not latin-1 is refused, streamed or whole, naming the problem")
  func malformedLatin1() throws {
    var bytes = try Fixture.bytes("pickles/numpy-columns-p2.pkl")
    // 3.0's eight bytes are ASCII, so its text is `X 08 00 00 00` and the bytes themselves.
    let three: [UInt8] = [0x58, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x08, 0x40]
    let start = try #require((0..<(bytes.count - three.count)).first { Array(bytes[$0..<$0 + three.count]) == three })
    // Two bytes become 'ā' (U+0101): valid UTF-8, but not a byte.
    bytes[start + 11] = 0xC4
    bytes[start + 12] = 0x81
    for decode in [{ _ = try PickleDecoder().decode(bytes) }, { _ = try stream(bytes: bytes) }, { _ = try stream(bytes: bytes, mapped: true) }] {
      #expect {
        try decode()
      } throws: { error in
        "\(error)".contains("latin-1")
      }
    }
  }

  @Test("a scanned or speculative memo changes nothing that is decoded, for every fixture", arguments: [
    "plain-p2.pkl", "plain-p4.pkl", "plain-p5.pkl", "numpy-p2.pkl", "numpy-p4.pkl", "numpy-p5.pkl", "numpy-columns-p2.pkl",
    "numpy-columns-p4.pkl", "numpy-columns-p2-unmemoised.pkl", "numpy-columns-p4-unmemoised.pkl",
  ])
  func memoScanKeepsResults(name: String) throws {
    let bytes = try Fixture.bytes("pickles/" + name)
    let plain = try stream(bytes: bytes), scanned = try stream(bytes: bytes, memo: .scanned)
    #expect(plain.columns == scanned.columns)
    #expect(plain.root == scanned.root)
    // A speculative memo leaves the parts of NumPy scalars out: a file that reads one back (the
    // `again` list of numpy-columns) makes it fail, to be decoded again with a scanned memo.
    if name.hasPrefix("numpy-columns") && !name.contains("unmemoised") {
      #expect(throws: PickleMemoSpeculationFailed.self) { try stream(bytes: bytes, memo: .speculative) }
    } else {
      let speculative = try stream(bytes: bytes, memo: .speculative)
      #expect(plain.columns == speculative.columns)
      #expect(plain.root == speculative.root)
    }
  }

  @Test("a mapped file whose speculative memo fails is decoded again, with a fresh consumer and a scanned memo")
  func speculationRetries() throws {
    for (name, attempts) in [("numpy-columns-p4.pkl", 2), ("numpy-columns-p2.pkl", 2), ("numpy-p4.pkl", 1), ("plain-p4.pkl", 1)] {
      let bytes = try Fixture.bytes("pickles/" + name)
      let files = try TemporaryFiles()
      defer { files.remove() }
      try writeNewFile(bytes, to: files.folder + "/file.pkl")
      var made = 0
      let items = try PickleMachine.run(try MappedFile(path: files.folder + "/file.pkl"), consumer: { () -> RecordingConsumer in
        made += 1
        return RecordingConsumer()
      }) { machine, _ in Dictionary(uniqueKeysWithValues: zip(machine.consumer.names, machine.consumer.items)) }
      #expect(made == attempts, "\(name): \(made) attempts")
      #expect(items == (try stream(bytes: bytes)).columns, "\(name)")
    }
  }

  @Test("the memo scan declines what it cannot follow, so the decoder reports it itself")
  func memoScanDeclines() {
    func scan(_ bytes: [UInt8]) -> PickleMemoReads? { bytes.withUnsafeBytes { PickleMemoReads.scan($0) } }
    #expect(scan([0x80, 2, 0x4E]) == nil)                        // no STOP
    #expect(scan([0x80, 4, 0x4E, 0x94, 0x71, 0, 0x2E]) == nil)   // MEMOIZE and BINPUT mixed
    #expect(scan([0x80, 2, 0x58, 0xFF, 0xFF, 0xFF, 0x7F]) == nil) // a length past the end
    #expect(scan([0x80, 2, 0x81, 0x2E]) == nil)                  // NEWOBJ, which the decoder refuses
    let reads = scan([0x80, 2, 0x4E, 0x71, 3, 0x68, 3, 0x2E])
    #expect(reads?.contains(3) == true && reads?.contains(2) == false && reads?.bound == 4)
  }
}
