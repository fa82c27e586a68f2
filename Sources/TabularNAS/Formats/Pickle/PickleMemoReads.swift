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
    // access at run time), and one table lookup per opcode.
    let count = bytes.count, table = Argument.byByte
    var words: [UInt64] = []
    var offset = 0, largest = -1, discarded = 0
    var implicit = false, explicit = false
    while offset < count {
      file?.discardPages(behind: offset, discarded: &discarded)
      // A stretch without checking for discards.
      let stretchEnd = min(count, offset + (1 << 18))
      while offset < stretchEnd {
        let argument = table[Int(base[offset])]
        offset += 1
        let size = Int(argument.size)
        switch argument.kind {
        case .fixed:
          guard size <= count - offset else { return nil }
          offset += size
          continue
        case .invalid: return nil
        case .stop: return PickleMemoReads(words: words, bound: largest + 1)
        case .memoize:
          guard !explicit else { return nil }
          implicit = true
          continue
        case .put:
          guard !implicit, size <= count - offset else { return nil }
          explicit = true
          offset += size
          continue
        case .global:
          for _ in 0..<2 {
            while offset < count && base[offset] != UInt8(ascii: "\n") { offset += 1 }
            guard offset < count else { return nil }
            offset += 1
          }
          continue
        case .read, .prefixed, .signedPrefixed: break
        }
        guard size <= count - offset else { return nil }
        var value = 0
        for index in 0..<size { value |= Int(base[offset + index]) << (8 * index) }
        offset += size
        if argument.kind == .read {
          // Each read costs an input byte, so no valid index exceeds the length.
          guard value < count else { return nil }
          if value >> 6 >= words.count { words += [UInt64](repeating: 0, count: (value >> 6) - words.count + 1) }
          words[value >> 6] |= 1 << UInt64(value & 63)
          largest = max(largest, value)
          continue
        }
        if argument.kind == .signedPrefixed { value = Int(Int32(truncatingIfNeeded: value)) }
        guard value >= 0, value <= count - offset else { return nil }
        offset += value
      }
    }
    return nil
  }

  /// What follows an opcode, as the scan steps over it.
  private struct Argument {
    enum Kind: UInt8 {
      /// An opcode the decoder does not take.
      case invalid
      /// `size` bytes (maybe none).
      case fixed
      /// A little-endian length of `size` bytes, then that many bytes.
      case prefixed
      /// As `prefixed`, the length signed (`LONG4`).
      case signedPrefixed
      /// A memo index of `size` bytes that is read back.
      case read
      /// A memo index of `size` bytes that is stored.
      case put
      /// `MEMOIZE`.
      case memoize
      /// Two lines of text (`GLOBAL`).
      case global
      /// `STOP`.
      case stop
    }
    let kind: Kind
    let size: UInt8

    /// The argument of each opcode byte.
    static let byByte: [Argument] = (0...255).map { byte in
      guard let opcode = PickleOpcode(rawValue: UInt8(byte)) else { return Argument(kind: .invalid, size: 0) }
      switch opcode {
      case .stop: return Argument(kind: .stop, size: 0)
      case .mark, .pop, .popMark, .dup, .none, .reduce, .emptyList, .append, .build, .dict, .appends, .list, .setItem,
        .tuple, .setItems, .emptyDict, .emptyTuple, .newTrue, .newFalse, .tuple1, .tuple2, .tuple3, .stackGlobal:
        return Argument(kind: .fixed, size: 0)
      case .memoize: return Argument(kind: .memoize, size: 0)
      case .binPut: return Argument(kind: .put, size: 1)
      case .longBinPut: return Argument(kind: .put, size: 4)
      case .binGet: return Argument(kind: .read, size: 1)
      case .longBinGet: return Argument(kind: .read, size: 4)
      case .proto, .binInt1: return Argument(kind: .fixed, size: 1)
      case .binInt2: return Argument(kind: .fixed, size: 2)
      case .binInt: return Argument(kind: .fixed, size: 4)
      case .binFloat, .frame: return Argument(kind: .fixed, size: 8)
      case .shortBinUnicode, .shortBinBytes, .long1: return Argument(kind: .prefixed, size: 1)
      case .binUnicode, .binBytes: return Argument(kind: .prefixed, size: 4)
      case .long4: return Argument(kind: .signedPrefixed, size: 4)
      case .binUnicode8, .binBytes8, .byteArray8: return Argument(kind: .prefixed, size: 8)
      case .global: return Argument(kind: .global, size: 0)
      default: return Argument(kind: .invalid, size: 0)
      }
    }
  }
}
