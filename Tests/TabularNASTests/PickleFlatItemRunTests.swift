import Testing
@testable import TabularNAS

@Suite("Runs of items whose keys are written out in full")
struct PickleFlatItemRunTests {
  private enum Number { case float(Double), int1(UInt8), int2(UInt16), int4(Int32) }

  /// One item: `[MARK] SHORT_BINUNICODE text numbers TUPLE|TUPLE3 BINFLOAT value` (MARK and
  /// TUPLE with three numbers).
  private func item(_ text: String, _ numbers: [Number], value: Double) -> [UInt8] {
    let marked = numbers.count == 3
    var bytes = marked ? [PickleOpcode.mark.rawValue] : []
    bytes += [PickleOpcode.shortBinUnicode.rawValue, UInt8(text.utf8.count)] + Array(text.utf8)
    for number in numbers {
      switch number {
      case .float(let value): bytes += [PickleOpcode.binFloat.rawValue] + withUnsafeBytes(of: value.bitPattern.bigEndian, Array.init)
      case .int1(let value): bytes += [PickleOpcode.binInt1.rawValue, value]
      case .int2(let value): bytes += [PickleOpcode.binInt2.rawValue] + withUnsafeBytes(of: value.littleEndian, Array.init)
      case .int4(let value): bytes += [PickleOpcode.binInt.rawValue] + withUnsafeBytes(of: value.littleEndian, Array.init)
      }
    }
    bytes.append(marked ? PickleOpcode.tuple.rawValue : PickleOpcode.tuple3.rawValue)
    return bytes + [PickleOpcode.binFloat.rawValue] + withUnsafeBytes(of: value.bitPattern.bigEndian, Array.init)
  }

  /// Reads a run from `bytes`: its numbers as the general path would hold them, its values and length.
  private func read(_ bytes: [UInt8], capacity: Int = 16) -> (keys: [String], values: [Double], length: Int) {
    var numbers = [PickleFlatNumbers](repeating: (0, 0, 0), count: capacity)
    var values = [Double](repeating: .nan, count: capacity)
    let keys = bytes.withUnsafeBytes { raw in
      numbers.withUnsafeMutableBufferPointer { numbers in
        values.withUnsafeMutableBufferPointer { values -> ([String], Int)? in
          guard let layout = PickleFlatItemRun.layout(raw), let run = PickleFlatItemRun.read(raw, layout: layout, numbers: numbers, values: values)
          else { return nil }
          let keys = numbers[..<run.count].map { run.key($0).tuple.description }
          return (keys, run.length)
        }
      }
    }
    guard let (keys, length) = keys else { return ([], [], 0) }
    return (keys, Array(values[..<keys.count]), length)
  }

  /// `SETITEMS`, then bytes as a file holds more after it (a run reads an item only when the
  /// longest item could fit before the end).
  private let setItems = [PickleOpcode.setItems.rawValue] + [UInt8](repeating: 0, count: 64)

  @Test("a run reads the items that share the first one's text and shape, each followed by an item boundary")
  func stopsWhereTheLayoutEnds() {
    let first = item("abc", [.float(0.1), .int1(16), .int2(555)], value: 0.5)
    let second = item("abc", [.float(0.2), .int1(32), .int4(-7)], value: -1e-310)
    let whole = read(first + second + setItems)
    #expect(whole.keys == ["('abc', 0.1, 16, 555)", "('abc', 0.2, 32, -7)"])
    #expect(whole.values.map(\.bitPattern) == [0.5, -1e-310].map(\.bitPattern))
    #expect(whole.length == first.count + second.count)
    // Another text, a float where an integer was, or a MEMOIZE after the value end the run.
    #expect(read(first + item("abd", [.float(0.1), .int1(16), .int1(1)], value: 1) + setItems).keys.count == 1)
    #expect(read(first + item("abc", [.float(0.1), .float(16), .int1(1)], value: 1) + setItems).keys.count == 1)
    #expect(read(first + second + [PickleOpcode.memoize.rawValue] + setItems).keys.count == 1)
    // The end of the bytes ends it too; a full run stops at its capacity.
    #expect(read(first + second).keys.count == 1)
    let capped = read(first + second + setItems, capacity: 1)
    #expect(capped.keys.count == 1 && capped.length == first.count)
  }

  @Test("keys of two numbers (TUPLE3) read; what is not such a key, or holds text other than ASCII, is not read")
  func shapes() {
    let pair = item("k", [.int1(1), .float(2.5)], value: 3)
    #expect(read(pair + pair + setItems).keys == ["('k', 1, 2.5)", "('k', 1, 2.5)"])
    #expect(read([PickleOpcode.binGet.rawValue, 0] + pair + setItems).keys.isEmpty)
    #expect(read(item("é", [.float(0.1), .int1(16), .int1(1)], value: 1) + setItems).keys.isEmpty)
    // A value other than a BINFLOAT (a BININT1) is left to the general path.
    var intValue = item("abc", [.float(0.1), .int1(16), .int1(1)], value: 1)
    intValue.replaceSubrange((intValue.count - 9)..., with: [PickleOpcode.binInt1.rawValue, 7])
    #expect(read(intValue + setItems).keys.isEmpty)
  }
}
