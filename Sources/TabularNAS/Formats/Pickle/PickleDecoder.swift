/// Decodes Python pickles (protocols 2–5) into ``PickleValue``s, safely.
///
/// The decoder never executes anything from the input: it interprets data opcodes only,
/// accepts just the globals NumPy uses to pickle scalars (`numpy.core.multiarray.scalar`,
/// `numpy._core.multiarray.scalar`, `numpy.dtype`) and `_codecs.encode` (protocol-2 bytes), and
/// refuses every other global — `os.system`, `builtins.eval`, … — with an error naming it.
///
/// ```swift
/// let value = try PickleDecoder().decode(bytes)
/// let hashes = value["hash"]
/// ```
public struct PickleDecoder: Sendable {
  /// The deepest nesting of containers a decoded value may have.
  public static let maximumNesting = 256

  /// Creates a decoder.
  public init() {}

  /// Decodes a whole pickle.
  ///
  /// - Throws: ``PickleError`` naming the offset and the problem.
  public func decode(_ bytes: [UInt8]) throws -> PickleValue {
    try bytes.withUnsafeBytes { try decode($0) }
  }

  /// Decodes a whole pickle from raw memory, which must stay valid during the call.
  ///
  /// - Throws: ``PickleError`` naming the offset and the problem.
  public func decode(_ bytes: UnsafeRawBufferPointer) throws -> PickleValue {
    var machine = PickleMachine(decoding: bytes)
    defer { machine.releaseContainers() }
    // Each object costs at least one input byte, so a value larger than this came from sharing.
    let limit = 16 * bytes.count + 1024
    var budget = limit
    do {
      let root = try machine.run()
      return try machine.arena.withUnsafeBufferPointer { arena in
        try PickleValue(root, arena: arena, depth: 0, budget: &budget)
      }
    } catch PickleError.expansionTooLarge {
      throw PickleError.expansionTooLarge(limit: limit)
    }
  }
}

extension PickleValue {
  /// Converts a machine object, bounding depth and total size.
  init(_ object: PickleObject, arena: UnsafeBufferPointer<PickleObject>, depth: Int, budget: inout Int) throws {
    guard depth <= PickleDecoder.maximumNesting else {
      throw PickleError.tooDeeplyNested(limit: PickleDecoder.maximumNesting)
    }
    budget -= 1
    guard budget >= 0 else { throw PickleError.expansionTooLarge(limit: budget) }
    func convert(_ items: [PickleObject]) throws -> [PickleValue] {
      try items.map { try PickleValue($0, arena: arena, depth: depth + 1, budget: &budget) }
    }
    switch object {
    case .none: self = .none
    case .bool(let value): self = .bool(value)
    case .int(let value): self = .int(value)
    case .float(let value): self = .float(value)
    case .string(let value): self = .string(value)
    case .bytes(let value): self = .bytes(value)
    case .tuple(let tuple): self = .tuple(try convert(tuple.items))
    case .list(let list): self = .list(try convert(list.items))
    case .dict(let dict):
      self = .dict(
        try dict.items.map {
          Entry(
            try PickleValue($0.key, arena: arena, depth: depth + 1, budget: &budget),
            try PickleValue($0.value, arena: arena, depth: depth + 1, budget: &budget))
        })
    case .streamedDict: self = .dict([])
    case .resolvedKey: self = .tuple([])
    case .global(let global):
      throw PickleError.typeMismatch(opcode: "STOP", expected: "data", found: "uncalled global \(global)", offset: 0)
    case .dtype:
      throw PickleError.typeMismatch(opcode: "STOP", expected: "data", found: "a bare numpy.dtype", offset: 0)
    case .ref(let id):
      try self.init(arena[id], arena: arena, depth: depth, budget: &budget)
    }
  }
}
