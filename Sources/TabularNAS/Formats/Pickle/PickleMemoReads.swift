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
    let count = bytes.count
    var words: [UInt64] = []
    var offset = 0, largest = -1, discarded = 0
    var implicit = false, explicit = false
    @inline(__always) func integer(width: Int) -> Int? {
      guard offset + width <= count else { return nil }
      var value = 0
      for index in 0..<width { value |= Int(base[offset + index]) << (8 * index) }
      offset += width
      return value
    }
    @inline(__always) func skip(_ length: Int?) -> Bool {
      guard let length, length >= 0, length <= count - offset else { return false }
      offset += length
      return true
    }
    func skipLine() -> Bool {
      while offset < count {
        offset += 1
        if base[offset - 1] == UInt8(ascii: "\n") { return true }
      }
      return false
    }
    @inline(__always) func read(_ index: Int?) -> Bool {
      // Each read costs an input byte, so no valid index exceeds the length.
      guard let index, index < count else { return false }
      if index >> 6 >= words.count { words += [UInt64](repeating: 0, count: (index >> 6) - words.count + 1) }
      words[index >> 6] |= 1 << UInt64(index & 63)
      largest = max(largest, index)
      return true
    }
    while offset < count {
      if let file, offset - discarded > 1 << 25 {
        discarded = offset - (1 << 20)
        file.discardPages(before: discarded)
      }
      let opcode = PickleOpcode.byByte[Int(base[offset])]
      offset += 1
      guard let opcode else { return nil }
      let ok: Bool
      switch opcode {
      case .stop: return PickleMemoReads(words: words, bound: largest + 1)
      case .mark, .pop, .popMark, .dup, .none, .reduce, .emptyList, .append, .build, .dict, .appends, .list, .setItem,
        .tuple, .setItems, .emptyDict, .emptyTuple, .newTrue, .newFalse, .tuple1, .tuple2, .tuple3, .stackGlobal:
        ok = true
      case .memoize:
        implicit = true
        ok = !explicit
      case .binPut, .longBinPut:
        explicit = true
        ok = !implicit && skip(opcode == .binPut ? 1 : 4)
      case .binGet: ok = read(integer(width: 1))
      case .longBinGet: ok = read(integer(width: 4))
      case .proto, .binInt1: ok = skip(1)
      case .binInt2: ok = skip(2)
      case .binInt: ok = skip(4)
      case .binFloat, .frame: ok = skip(8)
      case .shortBinUnicode, .shortBinBytes, .long1: ok = skip(integer(width: 1))
      case .binUnicode, .binBytes: ok = skip(integer(width: 4))
      case .long4: ok = skip(integer(width: 4).map { Int(Int32(truncatingIfNeeded: $0)) })
      case .binUnicode8, .binBytes8, .byteArray8: ok = skip(integer(width: 8))
      case .global: ok = skipLine() && skipLine()
      default: return nil
      }
      guard ok else { return nil }
    }
    return nil
  }
}
