/// The pickle virtual machine: interprets opcodes into ``PickleObject``s without running code.
///
/// Only data opcodes are executed; a global is accepted only if ``PickleGlobal`` allows it, and
/// "calling" one (`REDUCE`) builds a NumPy scalar or bytes value in Swift. With
/// `streamsColumns`, dicts stored under string keys of the root dict pass their items to
/// `onItem` instead of keeping them — how the loaders fill columnar stores without building
/// a large object graph.
struct PickleMachine {
  /// Receives (column number, key, value) for each item of a streamed dict.
  typealias ItemHandler = (Int, PickleObject, PickleObject) throws -> Void

  private var reader: ByteReader
  private var stack: [PickleObject] = []
  private var marks: [Int] = []
  private var memo: [PickleObject] = []
  private var sparseMemo: [Int: PickleObject] = [:]
  private var containers: [AnyObject] = []
  private let onItem: ItemHandler?
  /// The names of the streamed dicts, by column number.
  private(set) var columnNames: [String] = []

  init(_ bytes: UnsafeRawBufferPointer, onItem: ItemHandler? = nil) {
    reader = ByteReader(bytes)
    self.onItem = onItem
  }

  /// Runs to `STOP` and returns the result.
  ///
  /// - Throws: ``PickleError`` for malformed or forbidden input, or whatever `onItem` throws.
  /// Call ``releaseContainers()`` once the result has been used.
  mutating func run() throws -> PickleObject {
    while true {
      let offset = reader.offset
      let byte = try reader.byte()
      guard let opcode = PickleOpcode(rawValue: byte) else {
        throw PickleError.unknownOpcode(byte, offset: offset)
      }
      if opcode == .stop {
        guard stack.count == 1, marks.isEmpty else { throw PickleError.malformedEnd(offset: offset) }
        return stack[0]
      }
      try execute(opcode, at: offset)
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
    case .mark: marks.append(stack.count)
    case .pop:
      if stack.count > (marks.last ?? 0) {
        stack.removeLast()
      } else {
        _ = try popMark(opcode, offset)
      }
    case .popMark: _ = try popMark(opcode, offset)
    case .dup: stack.append(try peek(opcode, offset))
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
      list.items = try popMark(opcode, offset)
      stack.append(.list(list))
    case .append: try append(try popItems(1, opcode, offset), opcode, offset)
    case .appends: try append(try popMark(opcode, offset), opcode, offset)
    case .emptyDict: stack.append(makeDict())
    case .dict:
      let dict = makeDict()
      stack.append(dict)
      let items = try popMarkBelowTop(opcode, offset)
      try setItems(items, opcode, offset)
    case .setItem: try setItems(try popItems(2, opcode, offset), opcode, offset)
    case .setItems: try setItems(try popMark(opcode, offset), opcode, offset)
    case .memoize: try store(try peek(opcode, offset), at: memo.count + sparseMemo.count, offset)
    case .binPut: try store(try peek(opcode, offset), at: Int(try reader.byte()), offset)
    case .longBinPut: try store(try peek(opcode, offset), at: Int(try reader.unsignedLittleEndian(width: 4)), offset)
    case .binGet: stack.append(try load(Int(try reader.byte()), offset))
    case .longBinGet: stack.append(try load(Int(try reader.unsignedLittleEndian(width: 4)), offset))
    case .global:
      let module = try readLine(offset), name = try readLine(offset)
      stack.append(.global(try allowedGlobal(module: module, name: name, offset)))
    case .stackGlobal:
      let pair = try popItems(2, opcode, offset)
      guard case .string(let module) = pair[0], case .string(let name) = pair[1] else {
        throw PickleError.typeMismatch(
          opcode: "STACK_GLOBAL", expected: "two str", found: "\(pair[0].typeName), \(pair[1].typeName)", offset: offset)
      }
      stack.append(.global(try allowedGlobal(module: module, name: name, offset)))
    case .reduce:
      let pair = try popItems(2, opcode, offset)
      stack.append(try call(pair[0], arguments: pair[1], offset))
    case .build:
      let state = try popItems(1, opcode, offset)[0]
      try build(try peek(opcode, offset), state: state, offset)
    default:
      throw PickleError.unsupportedOpcode(String(describing: opcode).uppercased(), offset: offset)
    }
  }

  // MARK: - Stack

  func peek(_ opcode: PickleOpcode, _ offset: Int) throws -> PickleObject {
    guard let last = stack.last, stack.count > (marks.last ?? 0) else {
      throw PickleError.stackUnderflow(opcode: "\(opcode)".uppercased(), offset: offset)
    }
    return last
  }

  private mutating func popItems(_ count: Int, _ opcode: PickleOpcode, _ offset: Int) throws -> [PickleObject] {
    guard stack.count - count >= (marks.last ?? 0) else {
      throw PickleError.stackUnderflow(opcode: "\(opcode)".uppercased(), offset: offset)
    }
    let items = Array(stack[(stack.count - count)...])
    stack.removeLast(count)
    return items
  }

  private mutating func popMark(_ opcode: PickleOpcode, _ offset: Int) throws -> [PickleObject] {
    guard let mark = marks.popLast() else {
      throw PickleError.stackUnderflow(opcode: "\(opcode)".uppercased(), offset: offset)
    }
    let items = Array(stack[mark...])
    stack.removeSubrange(mark...)
    return items
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

  private mutating func makeTuple(_ items: [PickleObject]) -> PickleObject {
    .tuple(register(PickleTuple(items)))
  }

  /// A new dict; one stored under a string key directly in the root dict streams its items.
  private mutating func makeDict() -> PickleObject {
    if onItem != nil, case .dict = stack.first, case .string(let name) = stack.last,
      (marks.isEmpty && stack.count == 2) || (marks == [1] && stack.count.isMultiple(of: 2))
    {
      columnNames.append(name)
      return .streamedDict(column: columnNames.count - 1)
    }
    return .dict(register(PickleDict()))
  }

  private mutating func append(_ items: [PickleObject], _ opcode: PickleOpcode, _ offset: Int) throws {
    guard case .list(let list) = try peek(opcode, offset) else {
      throw PickleError.typeMismatch(
        opcode: "\(opcode)".uppercased(), expected: "list", found: stack.last?.typeName ?? "nothing", offset: offset)
    }
    list.items += items
  }

  private mutating func setItems(_ items: [PickleObject], _ opcode: PickleOpcode, _ offset: Int) throws {
    guard items.count.isMultiple(of: 2) else {
      throw PickleError.stackUnderflow(opcode: "\(opcode)".uppercased(), offset: offset)
    }
    switch try peek(opcode, offset) {
    case .dict(let dict):
      for index in stride(from: 0, to: items.count, by: 2) {
        dict.items.append((items[index], items[index + 1]))
      }
    case .streamedDict(let column):
      guard let onItem else { return }
      for index in stride(from: 0, to: items.count, by: 2) {
        try onItem(column, items[index], items[index + 1])
      }
    default:
      throw PickleError.typeMismatch(
        opcode: "\(opcode)".uppercased(), expected: "dict", found: stack.last?.typeName ?? "nothing", offset: offset)
    }
  }

  /// Empties every container so that deep or cyclic structures are freed without recursion.
  mutating func releaseContainers() {
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

  private mutating func store(_ object: PickleObject, at index: Int, _ offset: Int) throws {
    if index == memo.count && sparseMemo.isEmpty {
      memo.append(object)
    } else if index < memo.count {
      memo[index] = object
    } else {
      sparseMemo[index] = object
    }
  }

  private func load(_ index: Int, _ offset: Int) throws -> PickleObject {
    if index < memo.count { return memo[index] }
    guard let object = sparseMemo[index] else { throw PickleError.missingMemo(index: index, offset: offset) }
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
