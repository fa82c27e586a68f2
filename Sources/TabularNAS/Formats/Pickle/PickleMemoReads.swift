/// The memo indices a pickle ever reads back (`GET`, `BINGET`, `LONG_BINGET`), found by one pass
/// over its opcodes before decoding, so that the decoder stores only those.
///
/// CPython's pickler memoises nearly every object it writes — each NumPy scalar fills three to
/// five memo slots — but a NAS-HPO-Bench-II file reads back only its keys, strings and dtypes;
/// storing the rest is what made large files of NumPy scalars cost gigabytes.
struct PickleMemoReads: Sendable {
  /// Bit i of word i/64: index i is read.
  private let words: [UInt64]
  /// One more than the largest index read (0 when none is).
  let bound: Int

  /// Whether a memo index is ever read.
  @inline(__always)
  func contains(_ index: Int) -> Bool {
    index >= 0 && index < bound && words[index >> 6] & (1 << UInt64(index & 63)) != 0
  }

  /// Scans the opcodes; `nil` when the pickle uses an opcode the decoder does not take, mixes
  /// `MEMOIZE` with explicit `PUT`s (whose implicit indices would need every store tracked), or
  /// ends early — the decoder then stores every entry and reports any problem itself.
  static func scan(_ bytes: UnsafeRawBufferPointer, discardingBehind file: MappedFile? = nil) -> PickleMemoReads? {
    guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return nil }
    // A tight loop over locals: no closures capturing mutable state (each would check exclusive
    // access at run time) and the opcode table read once.
    let count = bytes.count, table = PickleOpcode.byByte
    var words: [UInt64] = []
    var offset = 0, largest = -1, discarded = 0
    var implicit = false, explicit = false
    while offset < count {
      if let file, offset - discarded > 1 << 22 {
        let start = discarded
        discarded = offset - (1 << 20)
        file.discardPages(from: start, before: discarded)
      }
      guard let opcode = table[Int(base[offset])] else { return nil }
      offset += 1
      // The argument: a fixed width to skip, a length prefix of `prefix` bytes, or a memo read.
      var width = 0, prefix = 0, readWidth = 0
      switch opcode {
      case .stop: return PickleMemoReads(words: words, bound: largest + 1)
      case .mark, .pop, .popMark, .dup, .none, .reduce, .emptyList, .append, .build, .dict, .appends, .list, .setItem,
        .tuple, .setItems, .emptyDict, .emptyTuple, .newTrue, .newFalse, .tuple1, .tuple2, .tuple3, .stackGlobal:
        break
      case .memoize:
        guard !explicit else { return nil }
        implicit = true
      case .binPut, .longBinPut:
        guard !implicit else { return nil }
        explicit = true
        width = opcode == .binPut ? 1 : 4
      case .binGet: readWidth = 1
      case .longBinGet: readWidth = 4
      case .proto, .binInt1: width = 1
      case .binInt2: width = 2
      case .binInt: width = 4
      case .binFloat, .frame: width = 8
      case .shortBinUnicode, .shortBinBytes, .long1: prefix = 1
      case .binUnicode, .binBytes, .long4: prefix = 4
      case .binUnicode8, .binBytes8, .byteArray8: prefix = 8
      case .global:
        for _ in 0..<2 {
          while offset < count && base[offset] != UInt8(ascii: "\n") { offset += 1 }
          guard offset < count else { return nil }
          offset += 1
        }
      default: return nil
      }
      if prefix > 0 || readWidth > 0 {
        let size = max(prefix, readWidth)
        guard size <= count - offset else { return nil }
        var value = 0
        for index in 0..<size { value |= Int(base[offset + index]) << (8 * index) }
        offset += size
        if opcode == .long4 { value = Int(Int32(truncatingIfNeeded: value)) }
        if readWidth > 0 {
          // Each read costs an input byte, so no valid index exceeds the length.
          guard value < count else { return nil }
          if value >> 6 >= words.count { words += [UInt64](repeating: 0, count: (value >> 6) - words.count + 1) }
          words[value >> 6] |= 1 << UInt64(value & 63)
          largest = max(largest, value)
        } else {
          width = value
        }
      }
      guard width >= 0, width <= count - offset else { return nil }
      offset += width
    }
    return nil
  }
}
