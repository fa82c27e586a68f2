/// Receives the items of the column dicts of a pickle whose root is `{name: {key: value}}`.
protocol PickleColumnConsumer {
  /// A column dict named `name` starts; columns are numbered from 0 in file order.
  mutating func beginColumn(_ column: Int, named name: String) throws
  /// One item of a column dict. `key` and `value` may be ``PickleObject/ref(_:)``s into `arena`.
  mutating func consume(
    column: Int, key: PickleObject, value: PickleObject, arena: UnsafeBufferPointer<PickleObject>) throws
  /// One item whose key the pickle wrote out in full (see ``PickleFlatKey``; a default builds
  /// the tuple and calls the other `consume`).
  mutating func consume(
    column: Int, flatKey: PickleFlatKey, value: PickleObject, arena: UnsafeBufferPointer<PickleObject>) throws
  /// A run of items whose keys are memoised tuples read back (their arena ids) and whose values
  /// are floats (see ``PickleItemRun``; a default calls the first `consume` for each).
  mutating func consume(
    column: Int, keys: UnsafeBufferPointer<Int32>, values: UnsafeBufferPointer<Double>, arena: UnsafeBufferPointer<PickleObject>
  ) throws
  /// A run of items whose keys the pickle wrote out in full with one text (see
  /// ``PickleFlatItemRun``; a default calls `consume(column:flatKey:value:arena:)` for each).
  mutating func consume(
    column: Int, run: PickleFlatItemRun.Run, numbers: UnsafeBufferPointer<PickleFlatNumbers>,
    values: UnsafeBufferPointer<Double>, arena: UnsafeBufferPointer<PickleObject>) throws
  /// For a key tuple `(text, n, n[, n])` the pickle writes out and memoises (as a file's first
  /// column does): an annotation to keep in place of the tuple
  /// (``PickleObject/resolvedKey(annotation:)``), when the consumer resolves it from its items,
  /// or `nil` (the default) to build it whole.
  mutating func annotation(ofNewKey text: String, _ numbers: (PickleObject, PickleObject, PickleObject?)) -> Int?
}

extension PickleColumnConsumer {
  /// Builds every key whole.
  func annotation(ofNewKey text: String, _ numbers: (PickleObject, PickleObject, PickleObject?)) -> Int? { nil }
}

/// A consumer for decoding whole values: no dict is streamed.
struct NoColumnConsumer: PickleColumnConsumer {
  func beginColumn(_ column: Int, named name: String) {}
  func consume(column: Int, key: PickleObject, value: PickleObject, arena: UnsafeBufferPointer<PickleObject>) {}
}

/// The pickle virtual machine: interprets opcodes into ``PickleObject``s without running code.
///
/// Only data opcodes are executed; a global is accepted only if ``PickleGlobal`` allows it, and
/// "calling" one (`REDUCE`) builds a NumPy scalar or bytes value in Swift. With a `consumer`,
/// dicts stored under string keys of the root dict pass their items to it instead of keeping
/// them — how the loaders fill columnar stores without building a large object graph. The
/// consumer is a generic value, so the per-item path is specialised and inlined.
struct PickleMachine<Consumer: PickleColumnConsumer> {

  private var reader: ByteReader
  private var stack: [PickleObject] = []
  private var marks: [Int] = []
  /// Every memoised object, append-only, so a ``PickleObject/ref(_:)`` stays valid.
  private(set) var arena: [PickleObject] = []
  /// Whether each arena object is a tuple, so the fast path can check keys without touching them.
  private var arenaIsTuple: [Bool] = []
  /// Memo index → arena id (dense), and ids of indices stored out of order. A negative entry
  /// `-(5 · n + part + 1)` stands for part `part` of deferred NumPy scalar `n` (see
  /// ``DeferredScalar``), kept compactly and built only if a `BINGET` asks for it. Dense entries
  /// take 32 bits; an id wider than that (files of gigabytes) is in `wideMemo`.
  private var memo: [Int32] = []
  private var sparseMemo: [Int: Int] = [:]
  private var wideMemo: [Int: Int] = [:]
  /// One more than the largest memo index stored.
  private var memoBound = 0
  /// The NumPy scalars the fast path decoded without building their intermediate objects.
  private var deferredScalars: [DeferredScalar] = []
  /// How many NumPy scalars the fast path decoded (for tests and benchmarks).
  var fastScalarCount: Int { deferredScalars.count }
  /// How many items whose key is written out and memoised the fast path took.
  private(set) var newKeyItemCount = 0
  /// How many NumPy scalars written out in full (unmemoised) the fast path decoded.
  var flatScalarCount: Int { flatScalars.count }
  /// The last dtype the fast path decoded with: its arena id, scalar type and byte order.
  private var lastDType: (id: Int, type: NumPyScalarType, bigEndian: Bool)?
  /// The arena id of the encoding name (`'latin1'`) protocol-2 scalars pass to `_codecs.encode`.
  private var codecsEncodingID = -1
  /// The reader of NumPy scalars written out in full (unmemoised pickles).
  private var flatScalars = FlatNumPyScalarReader()
  /// The text of the last key written out in full that was found to be ASCII.
  private var previousFlatText = UnsafeRawBufferPointer(start: nil, count: 0)
  private var containers: [AnyObject] = []
  /// The streaming consumer; read it back after ``run()``.
  private(set) var consumer: Consumer
  /// Whether column dicts are streamed to the consumer.
  private let streams: Bool
  /// The names of the streamed dicts, by column number.
  private(set) var columnNames: [String] = []

  /// The memo indices the pickle reads, when scanned first: only those are stored.
  private var memoReads: PickleMemoReads?
  /// Whether the fast path leaves NumPy scalars' parts out of the memo
  /// (``PickleMemoPolicy/speculative``).
  private var speculative = false
  /// Whether the pickle used `MEMOIZE`, and explicit `PUT`s (a speculative memo takes one kind).
  private var memoKinds = (implicit: false, explicit: false)
  /// `MEMOIZE`s so far, the next implicit index when the memo does not hold every entry.
  private var memoizeCount = 0
  /// A memo slot never stored.
  private static var unstored: Int32 { .min }
  /// A dense memo slot whose id is in `wideMemo`.
  private static var wide: Int32 { .min + 1 }

  /// The mapped file being read, whose pages behind the reader are given back as it goes.
  private var mappedFile: MappedFile?
  /// The offset up to which pages have been given back.
  private var discardedUpTo = 0

  /// Creates a machine that streams column dicts to `consumer`, storing the memo entries
  /// `memo` says.
  init(_ bytes: UnsafeRawBufferPointer, consumer: Consumer, memo: PickleMemoPolicy = .all) {
    self.init(bytes, consumer: consumer, memo: memo, file: nil)
  }

  /// Creates a machine that streams a mapped file's column dicts to `consumer`, giving back the
  /// file's pages behind the reader so that resident memory holds only the store being filled.
  /// By default a file of NumPy scalars, which memoise three to five slots each, has a
  /// speculative memo (``PickleMemoPolicy/speculative``); other files (Python floats) memoise
  /// little, and store every entry.
  init(_ file: MappedFile, consumer: Consumer, memo: PickleMemoPolicy? = nil) {
    let head = UnsafeRawBufferPointer(rebasing: file.bytes[0..<min(file.bytes.count, 1 << 16)])
    let holdsScalars = head.contains(bytes: Array("scalar".utf8))
    self.init(file.bytes, consumer: consumer, memo: memo ?? (holdsScalars ? .speculative : .all), file: file)
  }

  private init(_ bytes: UnsafeRawBufferPointer, consumer: Consumer, memo policy: PickleMemoPolicy, file: MappedFile?) {
    reader = ByteReader(bytes)
    self.consumer = consumer
    streams = true
    mappedFile = file
    speculative = policy == .speculative
    if policy == .scanned, let reads = PickleMemoReads.scan(bytes, discardingBehind: file) {
      memoReads = reads
      memo = [Int32](repeating: Self.unstored, count: reads.bound)
    } else {
      // A memo entry costs at least one input byte; reserving address space up front (untouched
      // pages cost no memory) spares a large file's decoding repeated growth copies.
      memo.reserveCapacity(bytes.count / 8)
    }
  }

  /// The index the next `MEMOIZE` stores at (Python: the memo's length), counting it.
  private mutating func nextImplicitIndex() -> Int {
    guard memoReads != nil || speculative else { return memo.count + sparseMemo.count }
    defer { memoizeCount += 1 }
    return memoizeCount
  }

  /// Whether a memo index must be stored: always, unless the scan found it is never read.
  @inline(__always)
  private func keeps(_ index: Int) -> Bool { memoReads?.contains(index) ?? true }

  /// Runs to `STOP` and returns the result.
  ///
  /// - Throws: ``PickleError`` for malformed or forbidden input, or whatever `onItem` throws.
  /// Call ``releaseContainers()`` once the result has been used.
  mutating func run() throws -> PickleObject {
    let opcodes = PickleOpcode.byByte  // read once: a global's every read checks its initialisation
    while true {
      let offset = reader.offset
      let byte = try reader.byte()
      guard let opcode = opcodes[Int(byte)] else {
        throw PickleError.unknownOpcode(byte, offset: offset)
      }
      if opcode == .stop {
        guard stack.count == 1, marks.isEmpty else { throw PickleError.malformedEnd(offset: offset) }
        return resolve(stack[0])
      }
      try execute(opcode, at: offset)
      mappedFile?.discardPages(behind: reader.offset, discarded: &discardedUpTo)
    }
  }

  // MARK: - Opcodes

  private mutating func execute(_ opcode: PickleOpcode, at offset: Int) throws {
    switch opcode {
    case .proto:
      let version = Int(try reader.byte())
      guard version <= 5 else { throw PickleError.unsupportedProtocol(version, offset: offset) }
    case .frame:
      let length = try reader.unsignedLittleEndian(width: 8)
      guard length <= UInt64(reader.remaining) else {
        throw PickleError.truncated(offset: reader.offset, needed: Int(clamping: length) - reader.remaining)
      }
    case .mark:
      // Only the mark that opens a batch of items directly above a streamed dict (not a
      // second mark at the same height, which opens a key tuple) starts the fast loop.
      let isBatchMark = marks.last.map { $0 < stack.count } ?? true
      marks.append(stack.count)
      if streams, isBatchMark, let top = stack.last, case .streamedDict(let column) = resolve(top) {
        try streamSimpleItems(column: column)
      }
    case .pop:
      if stack.count > (marks.last ?? 0) {
        stack.removeLast()
      } else {
        _ = try popMark(opcode, offset)
      }
    case .popMark: _ = try popMark(opcode, offset)
    case .dup: stack.append(try top(opcode, offset))
    case .none: stack.append(.none)
    case .newTrue: stack.append(.bool(true))
    case .newFalse: stack.append(.bool(false))
    case .binInt: stack.append(.int(Int(Int32(bitPattern: UInt32(try reader.unsignedLittleEndian(width: 4))))))
    case .binInt1: stack.append(.int(Int(try reader.byte())))
    case .binInt2: stack.append(.int(Int(try reader.unsignedLittleEndian(width: 2))))
    case .long1: stack.append(.int(try readLong(count: Int(try reader.byte()), offset)))
    case .long4:
      let count = Int(Int32(bitPattern: UInt32(try reader.unsignedLittleEndian(width: 4))))
      stack.append(.int(try readLong(count: count, offset)))
    case .binFloat: stack.append(.float(try reader.bigEndianDouble()))
    case .shortBinUnicode: stack.append(.string(try readString(count: Int(try reader.byte()))))
    case .binUnicode: stack.append(.string(try readString(count: Int(try reader.unsignedLittleEndian(width: 4)))))
    case .binUnicode8: stack.append(.string(try readString(count: try readLength8())))
    case .shortBinBytes: stack.append(.bytes(Array(try reader.view(count: Int(try reader.byte())))))
    case .binBytes: stack.append(.bytes(Array(try reader.view(count: Int(try reader.unsignedLittleEndian(width: 4))))))
    case .binBytes8, .byteArray8: stack.append(.bytes(Array(try reader.view(count: try readLength8()))))
    case .emptyTuple: stack.append(makeTuple([]))
    case .tuple: stack.append(makeTuple(try popMark(opcode, offset)))
    case .tuple1, .tuple2, .tuple3:
      let count = Int(opcode.rawValue - PickleOpcode.tuple1.rawValue) + 1
      stack.append(makeTuple(try popItems(count, opcode, offset)))
    case .emptyList: stack.append(.list(register(PickleList())))
    case .list:
      let list = register(PickleList())
      list.items = try popMark(opcode, offset).resolved(in: arena)
      stack.append(.list(list))
    case .append: try append(try popItems(1, opcode, offset), opcode, offset)
    case .appends: try append(try popMark(opcode, offset), opcode, offset)
    case .emptyDict: stack.append(try makeDict())
    case .dict:
      let dict = try makeDict()
      stack.append(dict)
      let items = try popMarkBelowTop(opcode, offset)
      try setItems(items, opcode, offset)
    case .setItem: try setItems(try popItems(2, opcode, offset), opcode, offset)
    case .setItems:
      if try !streamItemsInPlace(offset) { try setItems(try popMark(opcode, offset), opcode, offset) }
    case .memoize:
      let object = try top(opcode, offset)
      try noteMemoKind(implicit: true, offset)
      try store(object, at: nextImplicitIndex(), offset)
    case .binPut:
      try noteMemoKind(implicit: false, offset)
      try store(try top(opcode, offset), at: Int(try reader.byte()), offset)
    case .longBinPut:
      try noteMemoKind(implicit: false, offset)
      try store(try top(opcode, offset), at: Int(try reader.unsignedLittleEndian(width: 4)), offset)
    case .binGet: try push(memoEntry: Int(try reader.byte()), offset)
    case .longBinGet: try push(memoEntry: Int(try reader.unsignedLittleEndian(width: 4)), offset)
    case .global:
      let module = try readLine(offset), name = try readLine(offset)
      stack.append(.global(try allowedGlobal(module: module, name: name, offset)))
    case .stackGlobal:
      let pair = try popItems(2, opcode, offset).resolved(in: arena)
      guard case .string(let module) = pair[0], case .string(let name) = pair[1] else {
        throw PickleError.typeMismatch(
          opcode: "STACK_GLOBAL", expected: "two str", found: "\(pair[0].typeName), \(pair[1].typeName)", offset: offset)
      }
      stack.append(.global(try allowedGlobal(module: module, name: name, offset)))
    case .reduce:
      let pair = try popItems(2, opcode, offset).resolved(in: arena)
      stack.append(try call(pair[0], arguments: pair[1], offset))
    case .build:
      // Popped first, resolved after: `resolve(try popItems(…))` would evaluate (copy) `self`
      // before the pop, so the pop found the stack shared and copied it whole.
      let popped = try popItems(1, opcode, offset)[0]
      let state = resolve(popped)
      let target = try peek(opcode, offset)
      try build(target, state: state, offset)
    default:
      throw PickleError.unsupportedOpcode(String(describing: opcode).uppercased(), offset: offset)
    }
  }

  // MARK: - Stack

  /// The top of the stack as it is (possibly a reference).
  private func top(_ opcode: PickleOpcode, _ offset: Int) throws -> PickleObject {
    guard let last = stack.last, stack.count > (marks.last ?? 0) else {
      throw PickleError.stackUnderflow(opcode: "\(opcode)".uppercased(), offset: offset)
    }
    return last
  }

  /// The top of the stack, resolved.
  func peek(_ opcode: PickleOpcode, _ offset: Int) throws -> PickleObject {
    guard let last = stack.last, stack.count > (marks.last ?? 0) else {
      throw PickleError.stackUnderflow(opcode: "\(opcode)".uppercased(), offset: offset)
    }
    return resolve(last)
  }

  private mutating func popItems(_ count: Int, _ opcode: PickleOpcode, _ offset: Int) throws -> [PickleObject] {
    guard stack.count - count >= (marks.last ?? 0) else {
      throw PickleError.stackUnderflow(opcode: "\(opcode)".uppercased(), offset: offset)
    }
    return takeItems(from: stack.count - count)
  }

  /// Moves the stack's items from `start` on into a new array. Element by element: an
  /// `Array(stack[start...])` slice would keep the stack's buffer shared until the removal, which
  /// then copied the whole stack (up to a batch of 1,000 items) on every pop.
  private mutating func takeItems(from start: Int) -> [PickleObject] {
    var items: [PickleObject] = []
    items.reserveCapacity(stack.count - start)
    for index in start..<stack.count { items.append(stack[index]) }
    stack.removeLast(stack.count - start)
    return items
  }

  private mutating func popMark(_ opcode: PickleOpcode, _ offset: Int) throws -> [PickleObject] {
    guard let mark = marks.popLast() else {
      throw PickleError.stackUnderflow(opcode: "\(opcode)".uppercased(), offset: offset)
    }
    guard mark <= stack.count else {
      throw PickleError.stackUnderflow(opcode: "\(opcode)".uppercased(), offset: offset)
    }
    return takeItems(from: mark)
  }

  /// For `DICT`: the items above the last mark, leaving the new dict (pushed last) on the stack.
  private mutating func popMarkBelowTop(_ opcode: PickleOpcode, _ offset: Int) throws -> [PickleObject] {
    let dict = stack.removeLast()
    let items = try popMark(opcode, offset)
    stack.append(dict)
    return items
  }

  // MARK: - Containers

  mutating func register<Box: AnyObject>(_ box: Box) -> Box {
    containers.append(box)
    return box
  }

  /// References live only on the stack: containers store the objects themselves. A tuple of
  /// scalars (a key) or of a NumPy dtype and bytes (a scalar's arguments) is not registered for
  /// release: it holds no container (a dtype holds no objects), so it can neither be part of a
  /// cycle nor free recursively, and it is freed once consumed — 12 bytes of arguments per
  /// scalar otherwise stayed alive until the end of a file of NumPy scalars.
  private mutating func makeTuple(_ items: consuming [PickleObject]) -> PickleObject {
    var items = items
    var holdsContainer = false
    for index in items.indices {
      if case .ref(let id) = items[index] { items[index] = arena[id] }
      switch items[index] {
      case .tuple, .list, .dict, .streamedDict: holdsContainer = true
      default: break
      }
    }
    let tuple = PickleTuple(items)
    return .tuple(holdsContainer ? register(tuple) : tuple)
  }

  /// A new dict; one stored under a string key directly in the root dict streams its items.
  private mutating func makeDict() throws -> PickleObject {
    if streams, case .dict = stack.first, case .string(let name) = stack.last,
      (marks.isEmpty && stack.count == 2) || (marks == [1] && stack.count.isMultiple(of: 2))
    {
      columnNames.append(name)
      try consumer.beginColumn(columnNames.count - 1, named: name)
      return .streamedDict(column: columnNames.count - 1)
    }
    return .dict(register(PickleDict()))
  }

  /// The hot loop of loading a large file: right after a `MARK` under a streamed dict, consumes
  /// items of the form `BINGET key` + `BINFLOAT`/`BININT*` value, or (unmemoised pickles) a key
  /// written out in full (``PickleFlatKey``) + such a value, without touching the stack.
  ///
  /// An item is taken only when it cannot be anything else: the memoised key is a tuple, or the
  /// full key is exactly `MARK text n n n TUPLE` or `text n n TUPLE3` with nothing memoised
  /// (or, memoised, as ``readNewKeyItem(column:)`` takes it), and the next opcode starts another
  /// such item or ends the batch (`BINGET`, `LONG_BINGET`, `MARK`, a text, `SETITEMS`, `FRAME`).
  /// Otherwise the general path takes over, from the item or from where the fast path stopped
  /// (with what it read on the stack).
  private mutating func streamSimpleItems(column: Int) throws {
    // Items with keys read back run in the arena's buffer; one that writes its key out leaves it,
    // to store the key.
    while try arena.withUnsafeBufferPointer({ try streamItemsWithKnownKeys(column: column, arena: $0) }) {
      guard try readNewKeyItem(column: column) else { return }
    }
  }

  /// The loop of ``streamSimpleItems(column:)`` over items whose keys are read back or written
  /// out unmemoised; returns whether the item at the reader might write its key out and memoise
  /// it (``readNewKeyItem(column:)``).
  private mutating func streamItemsWithKnownKeys(column: Int, arena: UnsafeBufferPointer<PickleObject>) throws -> Bool {
    while true {
      var start = reader.offset
      guard var keyOpcode = try? reader.byte() else { return false }
      // Protocol 4 frames fall between items every 64 KiB; step over them.
      if keyOpcode == PickleOpcode.frame.rawValue {
        guard let length = try? reader.unsignedLittleEndian(width: 8), length <= UInt64(reader.remaining),
          let next = try? reader.byte()
        else {
          reader.rewind(to: start)
          return false
        }
        start = reader.offset - 1
        keyOpcode = next
      }
      if keyOpcode == PickleOpcode.mark.rawValue || keyOpcode == PickleOpcode.shortBinUnicode.rawValue
        || keyOpcode == PickleOpcode.binUnicode.rawValue
      {
        reader.rewind(to: start)
        if try streamFlatItemRun(column: column, arena: arena) { continue }
        reader.skip(1)
        guard let key = readFlatKey(startingWith: keyOpcode), let value = readFlatValue(),
          let following = try? reader.byte(), following.isFlatItemBoundary
        else {
          reader.rewind(to: start)
          return true
        }
        reader.rewind(to: reader.offset - 1)
        try consumer.consume(column: column, flatKey: key, value: value, arena: arena)
        continue
      }
      // Most items repeat one layout: a run of them reads in a tight loop.
      reader.rewind(to: start)
      if try streamItemRun(column: column, arena: arena) { continue }
      reader.skip(1)
      var index = -1
      if keyOpcode == PickleOpcode.binGet.rawValue, let byte = try? reader.byte() {
        index = Int(byte)
      } else if keyOpcode == PickleOpcode.longBinGet.rawValue, let word = try? reader.unsignedLittleEndian(width: 4) {
        index = Int(word)
      }
      guard index >= 0, index < memo.count, memo[index] >= 0 else {
        reader.rewind(to: start)
        return false
      }
      guard arenaIsTuple[Int(memo[index])], let valueOpcode = fastOpcode() else {
        reader.rewind(to: start)
        return !arenaIsTuple[Int(memo[index])]  // maybe a key's text, read back
      }
      // The key's object, taken now: the value's scalar may PUT over the same memo slot.
      let keyID = Int(memo[index])
      let value: PickleObject
      switch valueOpcode {
      case PickleOpcode.binFloat.rawValue: value = .float(try reader.bigEndianDouble())
      case PickleOpcode.binInt1.rawValue: value = .int(Int(try reader.byte()))
      case PickleOpcode.binInt2.rawValue: value = .int(Int(try reader.unsignedLittleEndian(width: 2)))
      case PickleOpcode.binInt.rawValue:
        value = .int(Int(Int32(bitPattern: UInt32(try reader.unsignedLittleEndian(width: 4)))))
      case PickleOpcode.binGet.rawValue, PickleOpcode.longBinGet.rawValue:
        reader.rewind(to: reader.offset - 1)
        guard let scalar = try? readNumPyScalar(arena: arena) else {
          reader.rewind(to: start)
          return false
        }
        value = scalar
      default:
        reader.rewind(to: start)
        return false
      }
      guard following(isBoundary: \.isItemBoundary) else {
        // The scalar may have stored memo entries: hand the item over as the general path
        // would hold it here rather than read it again.
        stack.append(.ref(keyID))
        stack.append(value)
        return false
      }
      try consumer.consume(column: column, key: .ref(keyID), value: value, arena: arena)
    }
  }

  /// Hands over a run of items that repeat one layout (``PickleItemRun``), as the general path
  /// would read them; whether there was one.
  private mutating func streamItemRun(column: Int, arena: UnsafeBufferPointer<PickleObject>) throws -> Bool {
    guard let layout = itemRunLayout(arena: arena) else { return false }
    let bytes = reader.unreadBytes
    return try withUnsafeTemporaryAllocation(of: Int32.self, capacity: Self.itemRunCapacity) { keys in
      try withUnsafeTemporaryAllocation(of: Double.self, capacity: Self.itemRunCapacity) { values in
        let (count, length) = memo.withUnsafeBufferPointer { memo in
          arenaIsTuple.withUnsafeBufferPointer { isTuple in
            PickleItemRun.read(bytes, layout: layout, memo: memo, isTuple: isTuple, keys: keys, values: values)
          }
        }
        guard count > 0 else { return false }
        reader.skip(length)
        // A speculative memo numbers the scalars' slots but stores none (see `place`).
        memoizeCount += count * layout.memoizesPerItem
        try consumer.consume(
          column: column, keys: UnsafeBufferPointer(rebasing: keys[..<count]),
          values: UnsafeBufferPointer(rebasing: values[..<count]), arena: arena)
        return true
      }
    }
  }

  /// Hands over a run of items whose keys are written out in full with one text
  /// (``PickleFlatItemRun``); whether there was one.
  private mutating func streamFlatItemRun(column: Int, arena: UnsafeBufferPointer<PickleObject>) throws -> Bool {
    let bytes = reader.unreadBytes
    guard let layout = PickleFlatItemRun.layout(bytes) else { return false }
    return try withUnsafeTemporaryAllocation(of: PickleFlatNumbers.self, capacity: Self.itemRunCapacity) { numbers in
      try withUnsafeTemporaryAllocation(of: Double.self, capacity: Self.itemRunCapacity) { values in
        guard let run = PickleFlatItemRun.read(bytes, layout: layout, numbers: numbers, values: values) else { return false }
        reader.skip(run.length)
        try consumer.consume(
          column: column, run: run, numbers: UnsafeBufferPointer(rebasing: numbers[..<run.count]),
          values: UnsafeBufferPointer(rebasing: values[..<run.count]), arena: arena)
        return true
      }
    }
  }

  /// Items per run handed over at once (a `SETITEMS` batch holds at most 1,000).
  private static var itemRunCapacity: Int { 1024 }

  /// The layout the item at the reader would start a run of, or `nil` when it cannot: its key is
  /// not read back, its value not a float the run reads, or (for a NumPy scalar) the memo is not
  /// speculative, mixes `MEMOIZE` with `BINPUT`, or could hold the slots the scalar writes.
  @inline(__always)
  private func itemRunLayout(arena: UnsafeBufferPointer<PickleObject>) -> PickleItemRunLayout? {
    let bytes = reader.unreadBytes
    guard bytes.count > 32 else { return nil }  // the longest layout's key and prefix, and more
    let keyOpcode = bytes[0]
    let keyLength = keyOpcode == PickleOpcode.binGet.rawValue ? 2 : keyOpcode == PickleOpcode.longBinGet.rawValue ? 5 : 0
    guard keyLength > 0 else { return nil }
    if bytes[keyLength] == PickleOpcode.binFloat.rawValue { return PickleItemRunLayout(keyOpcode: keyOpcode, value: .binFloat) }
    guard speculative else { return nil }
    // BINGET or LONG_BINGET of the scalar global, then of a float dtype.
    func memoObject(at offset: Int) -> (object: PickleObject, next: Int)? {
      guard offset + 5 <= bytes.count else { return nil }
      let opcode = bytes[offset]
      let (index, next): (Int, Int)
      if opcode == PickleOpcode.binGet.rawValue {
        (index, next) = (Int(bytes[offset + 1]), offset + 2)
      } else if opcode == PickleOpcode.longBinGet.rawValue {
        (index, next) = (Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 1, as: UInt32.self))), offset + 5)
      } else {
        return nil
      }
      guard index < memo.count, memo[index] >= 0 else { return nil }
      return (arena[Int(memo[index])], next)
    }
    guard let (scalar, dtypeStart) = memoObject(at: keyLength), case .global(.numpyScalar) = scalar,
      let (object, bytesStart) = memoObject(at: dtypeStart), case .dtype(let dtype) = object, !dtype.isBigEndian,
      case .float(let size)? = NumPyScalarType(code: dtype.code), size == 8 || size == 4
    else { return nil }
    // Protocols 3–5: SHORT_BINBYTES size, with MEMOIZEs that number only new slots.
    if bytes[bytesStart] == PickleOpcode.shortBinBytes.rawValue {
      guard Int(bytes[bytesStart + 1]) == size, memoKinds == (true, false), memoizeCount >= memoBound else { return nil }
      let prefix = PickleItemRunLayout.FixedBytes(bytes[keyLength..<bytesStart + 2])
      return PickleItemRunLayout(keyOpcode: keyOpcode, value: .numPyScalar(prefix: prefix, size: size))
    }
    // Protocol 2: _codecs.encode, a text and its BINPUT, then 'latin1', with BINPUTs to new slots.
    guard memoKinds == (false, true), let (encode, textStart) = memoObject(at: bytesStart), case .global(.codecsEncode) = encode,
      textStart - keyLength <= 12
    else { return nil }
    var reader = ByteReader(UnsafeRawBufferPointer(rebasing: bytes[textStart...]))
    guard (try? reader.latin1Bits(count: size, opcode: try? reader.byte())) != nil,
      let put = try? reader.byte(), put == PickleOpcode.binPut.rawValue || put == PickleOpcode.longBinPut.rawValue,
      (try? reader.unsignedLittleEndian(width: put == PickleOpcode.binPut.rawValue ? 1 : 4)) != nil
    else { return nil }
    let encodingStart = textStart + reader.offset
    guard let (name, encodingEnd) = memoObject(at: encodingStart), isLatin1Name(name) else { return nil }
    return PickleItemRunLayout(
      keyOpcode: keyOpcode,
      value: .latin1Scalar(
        prefix: PickleItemRunLayout.FixedBytes(bytes[keyLength..<textStart]),
        encoding: PickleItemRunLayout.FixedBytes(bytes[encodingStart..<encodingEnd]), size: size, firstNewSlot: memoBound))
  }

  /// Whether the next opcode (not read) passes a test.
  @inline(__always)
  private mutating func following(isBoundary test: (UInt8) -> Bool) -> Bool {
    let next = reader.offset
    defer { reader.rewind(to: next) }
    return (try? reader.byte()).map(test) ?? false
  }

  /// An item whose key the pickle writes out and memoises here — in the first column of a
  /// memoised file, whose later columns read each key back — read without the general path:
  /// `[MARK] text [memo] n n [n] TUPLE|TUPLE3 [memo]`, the text written out or read back, then a
  /// number or NumPy scalar. Returns whether the item was consumed; if not, the machine is as
  /// the general path would be at the reader's offset (with the key, and maybe the value, on
  /// the stack), or the reader is back at the item when it was not such an item.
  private mutating func readNewKeyItem(column: Int) throws -> Bool {
    let start = reader.offset
    func decline() -> Bool {
      reader.rewind(to: start)
      return false
    }
    // Everything is read before anything is stored, so that a mismatch only rewinds.
    guard let first = fastOpcode() else { return decline() }
    let marked = first == PickleOpcode.mark.rawValue
    guard let textOpcode = marked ? fastOpcode() : first else { return decline() }
    var text: PickleObject
    switch textOpcode {
    case PickleOpcode.shortBinUnicode.rawValue, PickleOpcode.binUnicode.rawValue:
      let width = textOpcode == PickleOpcode.shortBinUnicode.rawValue ? 1 : 4
      guard let length = try? reader.unsignedLittleEndian(width: width), let bytes = try? reader.view(count: Int(length)),
        let string = String(validating: bytes, as: UTF8.self)
      else { return decline() }
      text = .string(string)
    case PickleOpcode.binGet.rawValue, PickleOpcode.longBinGet.rawValue:
      let width = textOpcode == PickleOpcode.binGet.rawValue ? 1 : 4
      guard let index = (try? reader.unsignedLittleEndian(width: width)).map(Int.init), index < memo.count, memo[index] >= 0,
        case .string = arena[Int(memo[index])]
      else { return decline() }
      text = .ref(Int(memo[index]))
    default: return decline()
    }
    // (A memo opcode cut off by the end reads as none; the next read then declines.)
    let textTarget = try? memoTarget()
    guard let lr = readSimpleNumber(), let batchSize = readSimpleNumber() else { return decline() }
    let seed = marked ? readSimpleNumber() : nil
    guard marked == (seed != nil), fastOpcode() == (marked ? PickleOpcode.tuple : PickleOpcode.tuple3).rawValue else {
      return decline()
    }
    let tupleTarget = try? memoTarget()
    // The key as the general path builds and memoises it.
    if let textTarget {
      try noteMemoKind(implicit: textTarget < 0, reader.offset)
      try store(text, at: textTarget < 0 ? nextImplicitIndex() : textTarget, reader.offset)
    }
    let key: PickleObject
    let textObject = if case .ref(let id) = text { arena[id] } else { text }
    if case .string(let string) = textObject, let annotation = consumer.annotation(ofNewKey: string, (lr, batchSize, seed)) {
      key = .resolvedKey(annotation: annotation)
    } else {
      key = makeTuple(seed.map { [text, lr, batchSize, $0] } ?? [text, lr, batchSize])
    }
    var keyID: Int?
    if let tupleTarget {
      try noteMemoKind(implicit: tupleTarget < 0, reader.offset)
      let count = arena.count
      try store(key, at: tupleTarget < 0 ? nextImplicitIndex() : tupleTarget, reader.offset)
      if arena.count > count { keyID = count }
    }
    let valueStart = reader.offset
    var value = readSimpleNumber()
    if value == nil {
      reader.rewind(to: valueStart)
      value = (try? arena.withUnsafeBufferPointer { try readNumPyScalar(arena: $0) }) ?? nil
    }
    guard let value else {
      reader.rewind(to: valueStart)
      stack.append(key)
      return false
    }
    guard following(isBoundary: \.isFlatItemBoundary) else {
      stack.append(key)
      stack.append(value)
      return false
    }
    let consumedKey = keyID.map(PickleObject.ref) ?? key
    try arena.withUnsafeBufferPointer { try consumer.consume(column: column, key: consumedKey, value: value, arena: $0) }
    newKeyItemCount += 1
    return true
  }

  /// The next opcode byte for a fast path, stepping over protocol 4's `FRAME`s (which the pickler
  /// puts wherever a frame fills, even inside an item); `nil` at the end or on a bad frame.
  @inline(__always)
  private mutating func fastOpcode() -> UInt8? {
    guard let byte = try? reader.byte() else { return nil }
    guard byte == PickleOpcode.frame.rawValue else { return byte }
    guard let length = try? reader.unsignedLittleEndian(width: 8), length <= UInt64(reader.remaining) else { return nil }
    return try? reader.byte()
  }

  /// Reads a key written out in full — `MARK text n n n TUPLE` or `text n n TUPLE3`, an ASCII
  /// `SHORT_BINUNICODE`/`BINUNICODE` text and `BINFLOAT`/`BININT*` numbers — after its first
  /// opcode; `nil` for anything else (the caller rewinds).
  private mutating func readFlatKey(startingWith opcode: UInt8) -> PickleFlatKey? {
    var textOpcode = opcode
    let marked = opcode == PickleOpcode.mark.rawValue
    if marked {
      guard let next = fastOpcode() else { return nil }
      textOpcode = next
    }
    let length: Int
    switch textOpcode {
    case PickleOpcode.shortBinUnicode.rawValue:
      guard let count = try? reader.byte() else { return nil }
      length = Int(count)
    case PickleOpcode.binUnicode.rawValue:
      guard let count = try? reader.unsignedLittleEndian(width: 4) else { return nil }
      length = Int(count)
    default: return nil
    }
    guard let text = try? reader.view(count: length) else { return nil }
    // Consecutive keys mostly share their text (a hash), checked once.
    if !text.hasSameBytes(as: previousFlatText) {
      guard !text.contains(where: { $0 >= 0x80 }) else { return nil }
      previousFlatText = text
    }
    guard let first = readSimpleNumber(), let second = readSimpleNumber() else { return nil }
    if marked {
      guard let third = readSimpleNumber(), fastOpcode() == PickleOpcode.tuple.rawValue else { return nil }
      return PickleFlatKey(text: text, numbers: (first, second, third))
    }
    guard fastOpcode() == PickleOpcode.tuple3.rawValue else { return nil }
    return PickleFlatKey(text: text, numbers: (first, second, nil))
  }

  /// The value of an item with a full key: a simple number or a NumPy scalar written out in
  /// full (``FlatNumPyScalarReader``); `nil` for anything else.
  private mutating func readFlatValue() -> PickleObject? {
    let start = reader.offset
    if let number = readSimpleNumber() { return number }
    reader.rewind(to: start)
    return flatScalars.read(&reader)
  }

  /// A `BINFLOAT`, `BININT1`, `BININT2` or `BININT` number; `nil` for any other opcode.
  private mutating func readSimpleNumber() -> PickleObject? {
    switch fastOpcode() {
    case PickleOpcode.binFloat.rawValue: (try? reader.bigEndianDouble()).map(PickleObject.float)
    case PickleOpcode.binInt1.rawValue: (try? reader.byte()).map { .int(Int($0)) }
    case PickleOpcode.binInt2.rawValue: (try? reader.unsignedLittleEndian(width: 2)).map { .int(Int($0)) }
    case PickleOpcode.binInt.rawValue:
      (try? reader.unsignedLittleEndian(width: 4)).map { .int(Int(Int32(bitPattern: UInt32($0)))) }
    default: nil
    }
  }

  /// Reads a NumPy scalar exactly as NumPy pickles it and returns its value, recording its memo
  /// slots as one deferred scalar; returns `nil` (having stored nothing) when the bytes do not
  /// follow either pattern:
  /// - protocols 3–5: `BINGET scalar, BINGET dtype, SHORT_BINBYTES, [memo], TUPLE2, [memo],
  ///   REDUCE, [memo]`;
  /// - protocol 2, which has no bytes opcode: `BINGET scalar, BINGET dtype, BINGET
  ///   _codecs.encode, (SHORT_)BINUNICODE latin-1 text, [memo], BINGET 'latin1', TUPLE2, [memo],
  ///   REDUCE, [memo], TUPLE2, [memo], REDUCE, [memo]`.
  private mutating func readNumPyScalar(arena: UnsafeBufferPointer<PickleObject>) throws -> PickleObject? {
    guard let scalarID = try memoID(), case .global(.numpyScalar) = arena[scalarID], let dtypeID = try memoID() else {
      return nil
    }
    if lastDType?.id != dtypeID {
      guard case .dtype(let dtype) = arena[dtypeID], let type = NumPyScalarType(code: dtype.code) else { return nil }
      lastDType = (dtypeID, type, dtype.isBigEndian)
    }
    guard let (_, type, bigEndian) = lastDType else { return nil }
    // Memo targets by part: 0 bytes, 1 (dtype, bytes), 2 the value, 3 the text, 4 (text, encoding).
    var targets: (Int?, Int?, Int?, Int?, Int?) = (nil, nil, nil, nil, nil)
    let bits: UInt64
    switch fastOpcode() {
    case PickleOpcode.shortBinBytes.rawValue:
      guard Int(try reader.byte()) == type.size else { return nil }
      bits = try reader.unsignedLittleEndian(width: type.size)
    case PickleOpcode.binGet.rawValue, PickleOpcode.longBinGet.rawValue:
      reader.rewind(to: reader.offset - 1)
      guard let encodeID = try memoID(), case .global(.codecsEncode) = arena[encodeID],
        let latin1 = try reader.latin1Bits(count: type.size, opcode: fastOpcode())
      else { return nil }
      bits = latin1
      targets.3 = try memoTarget()
      guard let encodingID = try memoID(), encodingID == codecsEncodingID || isLatin1Name(arena[encodingID]),
        fastOpcode() == PickleOpcode.tuple2.rawValue
      else { return nil }
      codecsEncodingID = encodingID
      targets.4 = try memoTarget()
      guard fastOpcode() == PickleOpcode.reduce.rawValue else { return nil }
    default: return nil
    }
    targets.0 = try memoTarget()
    guard fastOpcode() == PickleOpcode.tuple2.rawValue else { return nil }
    targets.1 = try memoTarget()
    guard fastOpcode() == PickleOpcode.reduce.rawValue else { return nil }
    targets.2 = try memoTarget()
    let scalar = DeferredScalar(dtypeID: Int32(dtypeID), littleEndianBits: bits)
    let value = try scalar.value(type: type, bigEndian: bigEndian, offset: reader.offset)
    // The pattern matched: only now touch the memo, part by part in file order so that MEMOIZE
    // numbers the slots as the general path would; a scalar none of whose slots is kept is not.
    let number = deferredScalars.count
    var placed = try place(targets.3, part: 3, of: number)
    placed = try place(targets.4, part: 4, of: number) || placed
    placed = try place(targets.0, part: 0, of: number) || placed
    placed = try place(targets.1, part: 1, of: number) || placed
    placed = try place(targets.2, part: 2, of: number) || placed
    guard placed else { return value }
    if deferredScalars.isEmpty && memoReads == nil { deferredScalars.reserveCapacity(reader.remaining / 20) }
    deferredScalars.append(scalar)
    return value
  }

  /// Stores part `part` of deferred scalar `number` at its memo target, if it has one and the
  /// memo keeps it (it is read back, and not left out by a speculative memo); whether it did.
  @inline(__always)
  private mutating func place(_ target: Int?, part: Int, of number: Int) throws -> Bool {
    guard let target else { return false }
    try noteMemoKind(implicit: target < 0, reader.offset)
    let index = target < 0 ? nextImplicitIndex() : target
    guard !speculative else {
      forget(index)
      return false
    }
    guard keeps(index) else { return false }
    storeMemo(id: -(DeferredScalar.parts * number + part + 1), at: index)
    return true
  }

  /// Records which kind of memo store the pickle uses; a speculative memo takes only one.
  @inline(__always)
  private mutating func noteMemoKind(implicit: Bool, _ offset: Int) throws {
    if implicit { memoKinds.implicit = true } else { memoKinds.explicit = true }
    if speculative && memoKinds.implicit && memoKinds.explicit { throw PickleMemoSpeculationFailed(offset: offset) }
  }

  /// Leaves a memo index out (a speculative memo): a later read must not find an older entry.
  private mutating func forget(_ index: Int) {
    guard index < memoBound else { return }  // a new index, as picklers write them
    if index < memo.count {
      memo[index] = Self.unstored
    } else if !sparseMemo.isEmpty {
      sparseMemo[index] = nil
    }
  }

  /// A `BINGET`/`LONG_BINGET` of a stored arena object: its id; `nil` for anything else.
  private mutating func memoID() throws -> Int? {
    guard let opcode = fastOpcode() else { return nil }
    let index: Int
    switch opcode {
    case PickleOpcode.binGet.rawValue: index = Int(try reader.byte())
    case PickleOpcode.longBinGet.rawValue: index = Int(try reader.unsignedLittleEndian(width: 4))
    default: return nil
    }
    guard index < memo.count, memo[index] >= 0 else { return nil }
    return Int(memo[index])
  }

  /// An optional memo opcode: its explicit index, -1 for `MEMOIZE`, or `nil` for none.
  private mutating func memoTarget() throws -> Int? {
    let position = reader.offset
    switch fastOpcode() {
    case PickleOpcode.memoize.rawValue: return -1
    case PickleOpcode.binPut.rawValue: return Int(try reader.byte())
    case PickleOpcode.longBinPut.rawValue: return Int(try reader.unsignedLittleEndian(width: 4))
    default:
      reader.rewind(to: position)
      return nil
    }
  }

  /// Whether an object is the text `_codecs.encode` accepts as latin-1.
  private func isLatin1Name(_ object: PickleObject) -> Bool {
    guard case .string(let name) = object else { return false }
    return PickleGlobal.latin1EncodingNames.contains(name.lowercased())
  }

  /// `SETITEMS` into a streamed dict, handing items over straight from the stack (the hot path
  /// of loading a large file). Returns `false` when the target is not a streamed dict.
  private mutating func streamItemsInPlace(_ offset: Int) throws -> Bool {
    guard streams, let mark = marks.last, mark > 0, case .streamedDict(let column) = resolve(stack[mark - 1]) else {
      return false
    }
    guard (stack.count - mark).isMultiple(of: 2) else {
      throw PickleError.stackUnderflow(opcode: "SETITEMS", offset: offset)
    }
    // Items are read by index: borrowing the stack in a closure as well as the arena would
    // make Swift copy the whole machine for each batch.
    try arena.withUnsafeBufferPointer { arena in
      var index = mark
      while index < stack.count {
        try consumer.consume(column: column, key: stack[index], value: stack[index + 1], arena: arena)
        index += 2
      }
    }
    stack.removeSubrange(mark...)
    marks.removeLast()
    return true
  }

  private mutating func append(_ items: [PickleObject], _ opcode: PickleOpcode, _ offset: Int) throws {
    guard case .list(let list) = try peek(opcode, offset) else {
      throw PickleError.typeMismatch(
        opcode: "\(opcode)".uppercased(), expected: "list", found: stack.last?.typeName ?? "nothing", offset: offset)
    }
    list.items += items.resolved(in: arena)
  }

  private mutating func setItems(_ items: [PickleObject], _ opcode: PickleOpcode, _ offset: Int) throws {
    guard items.count.isMultiple(of: 2) else {
      throw PickleError.stackUnderflow(opcode: "\(opcode)".uppercased(), offset: offset)
    }
    switch try peek(opcode, offset) {
    case .dict(let dict):
      for index in stride(from: 0, to: items.count, by: 2) {
        dict.items.append((resolve(items[index]), resolve(items[index + 1])))
      }
    case .streamedDict(let column):
      try arena.withUnsafeBufferPointer { arena in
        for index in stride(from: 0, to: items.count, by: 2) {
          try consumer.consume(column: column, key: items[index], value: items[index + 1], arena: arena)
        }
      }
    default:
      throw PickleError.typeMismatch(
        opcode: "\(opcode)".uppercased(), expected: "dict", found: stack.last?.typeName ?? "nothing", offset: offset)
    }
  }

  /// Empties every container so that deep or cyclic structures are freed without recursion.
  mutating func releaseContainers() {
    arena = []
    deferredScalars = []
    arenaIsTuple = []
    for box in containers {
      switch box {
      case let tuple as PickleTuple: tuple.items = []
      case let list as PickleList: list.items = []
      case let dict as PickleDict: dict.items = []
      default: break
      }
    }
    containers = []
  }

  // MARK: - Memo

  /// Records a memo index for an arena id or a deferred entry (negative).
  private mutating func storeMemo(id: Int, at index: Int) {
    guard keeps(index) else { return }
    memoBound = max(memoBound, index + 1)
    let compact = Int32(exactly: id).flatMap { $0 > Self.wide ? $0 : nil } ?? Self.wide
    if memoReads != nil || index < memo.count {
      memo[index] = compact
    } else if index == memo.count && sparseMemo.isEmpty {
      memo.append(compact)
    } else if speculative && sparseMemo.isEmpty && index - memo.count < 1 << 16 {
      // Slots left out before it: kept dense while the gap is small.
      memo.append(contentsOf: repeatElement(Self.unstored, count: index - memo.count))
      memo.append(compact)
    } else {
      sparseMemo[index] = id
      return
    }
    if compact == Self.wide { wideMemo[index] = id }
  }

  private mutating func store(_ object: PickleObject, at index: Int, _ offset: Int) throws {
    guard keeps(index) else { return }
    let id: Int
    if case .ref(let existing) = object {
      id = existing
    } else {
      id = arena.count
      arena.append(object)
      switch object {
      case .tuple, .resolvedKey: arenaIsTuple.append(true)
      default: arenaIsTuple.append(false)
      }
    }
    storeMemo(id: id, at: index)
  }

  @inline(__always)
  private func load(_ index: Int, _ offset: Int) throws -> PickleObject {
    let id: Int
    if index < memo.count {
      let compact = memo[index]
      guard compact != Self.unstored, let stored = compact == Self.wide ? wideMemo[index] : Int(compact) else {
        throw missingMemo(index, offset)
      }
      id = stored
    } else {
      guard let sparse = sparseMemo[index] else { throw missingMemo(index, offset) }
      id = sparse
    }
    guard id < 0 else { return .ref(id) }
    let entry = -id - 1
    return deferredScalars[entry / DeferredScalar.parts].object(
      part: entry % DeferredScalar.parts, encoding: codecsEncodingID, arena: arena)
  }

  /// Pushes a memo entry (`BINGET`). In a streaming machine, a NumPy scalar whose
  /// reconstruction starts here is read whole by the fast path, as in a batch of items: so the
  /// column that first writes each key stores no scalar's parts either.
  private mutating func push(memoEntry index: Int, _ offset: Int) throws {
    let object = try load(index, offset)
    if streams, case .ref(let id) = object, case .global(.numpyScalar) = arena[id] {
      let resume = reader.offset
      reader.rewind(to: offset)
      if let value = try? arena.withUnsafeBufferPointer({ try readNumPyScalar(arena: $0) }) {
        return stack.append(value)
      }
      reader.rewind(to: resume)
    }
    stack.append(object)
  }

  /// A read of a memo entry not stored: speculation failed, or the pickle is malformed.
  private func missingMemo(_ index: Int, _ offset: Int) -> any Error {
    speculative ? PickleMemoSpeculationFailed(offset: offset) : PickleError.missingMemo(index: index, offset: offset)
  }

  /// The object a stack entry stands for.
  @inline(__always)
  func resolve(_ object: PickleObject) -> PickleObject {
    if case .ref(let id) = object { return arena[id] }
    return object
  }

  // MARK: - Scalars

  private mutating func readLength8() throws -> Int {
    let length = try reader.unsignedLittleEndian(width: 8)
    guard length <= UInt64(reader.remaining) else {
      throw PickleError.truncated(offset: reader.offset, needed: Int(clamping: length) - reader.remaining)
    }
    return Int(length)
  }

  private mutating func readString(count: Int) throws -> String {
    let offset = reader.offset
    let view = try reader.view(count: count)
    guard let text = String(validating: view, as: UTF8.self) else { throw PickleError.invalidUTF8(offset: offset) }
    return text
  }

  /// Reads a `GLOBAL` argument: text up to a newline.
  private mutating func readLine(_ offset: Int) throws -> String {
    var bytes: [UInt8] = []
    while true {
      let byte = try reader.byte()
      if byte == UInt8(ascii: "\n") { break }
      bytes.append(byte)
    }
    guard let text = String(validating: bytes, as: UTF8.self) else { throw PickleError.invalidUTF8(offset: offset) }
    return text
  }

  /// A little-endian two's-complement integer of `count` bytes that must fit `Int`.
  private mutating func readLong(count: Int, _ offset: Int) throws -> Int {
    guard count >= 0 else { throw PickleError.truncated(offset: reader.offset, needed: Int.max) }
    let view = try reader.view(count: count)
    guard count > 0 else { return 0 }
    let negative = view[count - 1] & 0x80 != 0
    // Bytes beyond the eighth must only extend the sign.
    for index in min(count, 8)..<count where view[index] != (negative ? 0xFF : 0) {
      throw PickleError.integerTooLarge(offset: offset)
    }
    var bits: UInt64 = negative ? ~0 : 0
    for index in stride(from: min(count, 8) - 1, through: 0, by: -1) {
      bits = bits << 8 | UInt64(view[index])
    }
    let value = Int(bitPattern: UInt(bits))
    guard count <= 8 || (value < 0) == negative else { throw PickleError.integerTooLarge(offset: offset) }
    return value
  }
}

extension UInt8 {
  /// Whether an opcode byte may follow a complete simple item of a streamed dict:
  /// `BINGET`, `LONG_BINGET`, `SETITEMS` or `FRAME`.
  var isItemBoundary: Bool {
    self == PickleOpcode.binGet.rawValue || self == PickleOpcode.longBinGet.rawValue
      || self == PickleOpcode.setItems.rawValue || self == PickleOpcode.frame.rawValue
  }

  /// Whether an opcode byte may follow a complete item with a full key: an item boundary, or
  /// the start of another full key (`MARK`, `SHORT_BINUNICODE`, `BINUNICODE`).
  var isFlatItemBoundary: Bool {
    isItemBoundary || self == PickleOpcode.mark.rawValue || self == PickleOpcode.shortBinUnicode.rawValue
      || self == PickleOpcode.binUnicode.rawValue
  }
}

extension PickleMachine where Consumer == NoColumnConsumer {
  /// Creates a machine that decodes whole values, streaming nothing.
  init(decoding bytes: UnsafeRawBufferPointer) {
    reader = ByteReader(bytes)
    consumer = NoColumnConsumer()
    streams = false
  }
}
