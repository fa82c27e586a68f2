/// Encodes ``PickleValue``s as protocol-4 pickles that CPython's `pickle.load` reads.
///
/// Uses only data opcodes (no globals, no memo), batching list and dict items by 1,000 as
/// CPython does.
public struct PickleEncoder: Sendable {
  /// Creates an encoder.
  public init() {}

  /// The pickle bytes of a value.
  public func encode(_ value: PickleValue) -> [UInt8] {
    var output: [UInt8] = [PickleOpcode.proto.rawValue, 4]
    write(value, to: &output)
    output.append(PickleOpcode.stop.rawValue)
    return output
  }

  private func write(_ value: PickleValue, to output: inout [UInt8]) {
    switch value {
    case .none: output.append(PickleOpcode.none.rawValue)
    case .bool(let flag): output.append(flag ? PickleOpcode.newTrue.rawValue : PickleOpcode.newFalse.rawValue)
    case .int(let number): writeInteger(number, to: &output)
    case .float(let number):
      output.append(PickleOpcode.binFloat.rawValue)
      withUnsafeBytes(of: number.bitPattern.bigEndian) { output += $0 }
    case .string(let text):
      let bytes = Array(text.utf8)
      if bytes.count < 256 {
        output += [PickleOpcode.shortBinUnicode.rawValue, UInt8(bytes.count)]
      } else {
        output.append(PickleOpcode.binUnicode8.rawValue)
        appendLittleEndian(UInt64(bytes.count), to: &output)
      }
      output += bytes
    case .bytes(let bytes):
      output.append(PickleOpcode.binBytes8.rawValue)
      appendLittleEndian(UInt64(bytes.count), to: &output)
      output += bytes
    case .tuple(let items):
      output.append(PickleOpcode.mark.rawValue)
      for item in items { write(item, to: &output) }
      output.append(PickleOpcode.tuple.rawValue)
    case .list(let items):
      output.append(PickleOpcode.emptyList.rawValue)
      for start in stride(from: 0, to: items.count, by: 1000) {
        output.append(PickleOpcode.mark.rawValue)
        for item in items[start..<min(start + 1000, items.count)] { write(item, to: &output) }
        output.append(PickleOpcode.appends.rawValue)
      }
    case .dict(let entries):
      output.append(PickleOpcode.emptyDict.rawValue)
      for start in stride(from: 0, to: entries.count, by: 1000) {
        output.append(PickleOpcode.mark.rawValue)
        for entry in entries[start..<min(start + 1000, entries.count)] {
          write(entry.key, to: &output)
          write(entry.value, to: &output)
        }
        output.append(PickleOpcode.setItems.rawValue)
      }
    }
  }

  private func writeInteger(_ number: Int, to output: inout [UInt8]) {
    if (0..<256).contains(number) {
      output += [PickleOpcode.binInt1.rawValue, UInt8(number)]
    } else if let small = Int32(exactly: number) {
      output.append(PickleOpcode.binInt.rawValue)
      appendLittleEndian(UInt32(bitPattern: small), to: &output)
    } else {
      output += [PickleOpcode.long1.rawValue, 8]
      appendLittleEndian(UInt64(bitPattern: Int64(number)), to: &output)
    }
  }

  private func appendLittleEndian<T: FixedWidthInteger>(_ value: T, to output: inout [UInt8]) {
    withUnsafeBytes(of: value.littleEndian) { output += $0 }
  }
}
