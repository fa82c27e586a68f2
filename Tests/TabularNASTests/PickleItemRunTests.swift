import Testing
@testable import TabularNAS

@Suite("Runs of items of one layout")
struct PickleItemRunTests {
  /// `LONG_BINGET index, BINFLOAT value` for each pair.
  private func floatItems(_ items: [(index: UInt32, value: Double)]) -> [UInt8] {
    items.flatMap { item in
      [PickleOpcode.longBinGet.rawValue] + withUnsafeBytes(of: item.index.littleEndian, Array.init)
        + [PickleOpcode.binFloat.rawValue] + withUnsafeBytes(of: item.value.bitPattern.bigEndian, Array.init)
    }
  }

  /// Reads a run from `bytes` over a memo whose entries 0…3 hold arena ids 0…3, tuples but for id 2.
  private func read(_ bytes: [UInt8], layout: PickleItemRunLayout, capacity: Int = 16) -> (keys: [Int32], values: [Double], length: Int) {
    let memo: [Int32] = [0, 1, 2, 3], isTuple = [true, true, false, true]
    var keys = [Int32](repeating: -1, count: capacity), values = [Double](repeating: .nan, count: capacity)
    let (count, length) = bytes.withUnsafeBytes { raw in
      memo.withUnsafeBufferPointer { memo in
        isTuple.withUnsafeBufferPointer { isTuple in
          keys.withUnsafeMutableBufferPointer { keys in
            values.withUnsafeMutableBufferPointer { values in
              PickleItemRun.read(raw, layout: layout, memo: memo, isTuple: isTuple, keys: keys, values: values)
            }
          }
        }
      }
    }
    return (Array(keys[..<count]), Array(values[..<count]), length)
  }

  private let floats = PickleItemRunLayout(keyOpcode: PickleOpcode.longBinGet.rawValue, value: .binFloat)

  @Test("a run reads items up to the first that differs, and only those followed by an item boundary")
  func stopsWhereTheLayoutEnds() {
    let setItems = PickleOpcode.setItems.rawValue
    let three = floatItems([(0, 1.5), (1, -2.25), (3, 1e-310)])
    let whole = read(three + [setItems], layout: floats)
    #expect(whole.keys == [0, 1, 3])
    #expect(whole.values.map(\.bitPattern) == [1.5, -2.25, 1e-310].map(\.bitPattern))
    #expect(whole.length == three.count)
    // A last item followed by anything but a boundary (here a MEMOIZE of the float) is left out.
    let memoised = read(three + [PickleOpcode.memoize.rawValue, setItems], layout: floats)
    #expect(memoised.keys == [0, 1] && memoised.length == 28)
    // A key whose memo entry is not a tuple, or past the memo, ends the run before it.
    #expect(read(floatItems([(0, 1), (2, 2), (3, 3)]) + [setItems], layout: floats).keys == [0])
    #expect(read(floatItems([(1, 1), (9, 2)]) + [setItems], layout: floats).keys == [1])
    // So does a value of another form (BININT1), or the end of the bytes.
    #expect(read(floatItems([(0, 1)]) + [PickleOpcode.longBinGet.rawValue, 1, 0, 0, 0, PickleOpcode.binInt1.rawValue, 7, setItems], layout: floats).keys == [0])
    #expect(read(three, layout: floats).keys == [0, 1])
    // A full run stops at its capacity, the rest left to the next.
    let capped = read(three + [setItems], layout: floats, capacity: 2)
    #expect(capped.keys == [0, 1] && capped.length == 28)
  }

  @Test("NumPy float64 and float32 scalars read as the general path decodes them")
  func numPyScalars() {
    func scalar(key: UInt8, bytes: [UInt8]) -> [UInt8] {
      let (get, memoize) = (PickleOpcode.binGet.rawValue, PickleOpcode.memoize.rawValue)
      return [get, key, get, 5, get, 6, PickleOpcode.shortBinBytes.rawValue, UInt8(bytes.count)] + bytes
        + [memoize, PickleOpcode.tuple2.rawValue, memoize, PickleOpcode.reduce.rawValue, memoize]
    }
    let double = withUnsafeBytes(of: (0.1).bitPattern.littleEndian, Array.init)
    let float = withUnsafeBytes(of: Float(0.1).bitPattern.littleEndian, Array.init)
    func layout(size: Int) -> PickleItemRunLayout {
      let prefix = PickleItemRunLayout.FixedBytes(scalar(key: 0, bytes: [UInt8](repeating: 0, count: size))[2..<8])
      return PickleItemRunLayout(keyOpcode: PickleOpcode.binGet.rawValue, value: .numPyScalar(prefix: prefix, size: size))
    }
    let layout8 = layout(size: 8), layout4 = layout(size: 4)
    let boundary = [PickleOpcode.setItems.rawValue]
    let doubles = read(scalar(key: 0, bytes: double) + scalar(key: 3, bytes: double) + boundary, layout: layout8)
    #expect(doubles.keys == [0, 3] && doubles.values == [0.1, 0.1] && doubles.length == 2 * (layout8.itemLength ?? 0))
    #expect(read(scalar(key: 1, bytes: float) + boundary, layout: layout4).values == [Double(Float(0.1))])
    // A scalar of the other size, or without its last MEMOIZE, is not read.
    #expect(read(scalar(key: 1, bytes: float) + boundary, layout: layout8).keys.isEmpty)
    #expect(read(Array(scalar(key: 1, bytes: double).dropLast()) + boundary + boundary, layout: layout8).keys.isEmpty)
    #expect(layout8.memoizesPerItem == 3 && PickleItemRunLayout(keyOpcode: 0x68, value: .binFloat).memoizesPerItem == 0)
  }
}
