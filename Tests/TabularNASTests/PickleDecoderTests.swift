import Foundation
import Testing
@testable import TabularNAS

@Suite("Safe pickle decoder")
struct PickleDecoderTests {
  private typealias V = PickleValue

  private static let keyA = V.tuple([.string("h0"), .float(0.1), .int(256), .int(222)])
  private static let keyB = V.tuple([.string("h1"), .float(0.003125), .int(16), .int(555)])

  /// What `Tools/pickles/make_pickle_fixtures.py` pickles as `plain_data()`.
  private static let plain = V.dict([
    .init(.string("column"), .dict([.init(keyA, .float(85.43)), .init(keyB, .float(10.0))])),
    .init(.string("shared"), .list([keyA, keyA])),
    .init(
      .string("ints"),
      .list(
        [0, 1, -1, 255, 256, 65535, 65536, -(1 << 31), 1 << 31, 1 << 40, Int.min, Int.max].map(V.int))),
    .init(.string("floats"), .list([0.1, -0.0, 1e300, .infinity, -.infinity].map(V.float))),
    .init(.string("text"), .string("µ-cell ✓")),
    .init(.string("bytes"), .bytes([0, 1, 0xFE, 0xFF])),
    .init(.string("flags"), .tuple([.bool(true), .bool(false), .none])),
    .init(.string("empty"), .tuple([.tuple([]), .list([]), .dict([])])),
  ])

  @Test("CPython's protocols 2, 4 and 5 decode to the same plain values", arguments: [2, 4, 5])
  func plainValues(protocolVersion: Int) throws {
    let value = try PickleDecoder().decode(try Fixture.bytes("pickles/plain-p\(protocolVersion).pkl"))
    #expect(value == Self.plain)
    // -0.0 == 0.0, so check the sign bit explicitly.
    guard case .list(let floats) = try #require(value["floats"]) else { Issue.record("floats"); return }
    #expect(floats[1].doubleValue?.sign == .minus)
  }

  @Test("NumPy float64, float32, integer, bool and big-endian scalars decode exactly", arguments: [2, 4, 5])
  func numpyScalars(protocolVersion: Int) throws {
    let value = try PickleDecoder().decode(try Fixture.bytes("pickles/numpy-p\(protocolVersion).pkl"))
    #expect(value["f8"] == .float(85.43))
    #expect(value["f4"] == .float(0.5))
    #expect(value["i8"] == .int(-3))
    #expect(value["i4"] == .int(7))
    #expect(value["u1"] == .int(200))
    #expect(value["b1"] == .bool(true))
    #expect(value["big"] == .float(1.25))
    #expect(value["column"] == .dict([.init(Self.keyA, .float(1.0 / 3.0))]))
  }

  @Test(
    "hostile pickles are refused by name and their side effect never happens",
    arguments: [
      ("hostile-system.pkl", "posix", "system"), ("hostile-eval.pkl", "builtins", "eval"),
      ("hostile-remove.pkl", "posix", "remove"),
    ])
  func hostile(file: String, module: String, name: String) throws {
    let marker = "/tmp/tabularnas-hostile-pickle-ran"
    try? FileManager.default.removeItem(atPath: marker)
    let bytes = try Fixture.bytes("pickles/" + file)
    #expect {
      try PickleDecoder().decode(bytes)
    } throws: { error in
      guard case PickleError.forbiddenGlobal(module, name, _) = error else { return false }
      return "\(error)".contains("\(module).\(name)") && "\(error)".contains("nothing was executed")
    }
    #expect(!FileManager.default.fileExists(atPath: marker))
  }

  @Test("every truncation of a valid pickle is a typed error, never a crash")
  func truncations() throws {
    let bytes = try Fixture.bytes("pickles/numpy-p4.pkl")
    for length in 0..<bytes.count {
      #expect(throws: PickleError.self) { try PickleDecoder().decode(Array(bytes[..<length])) }
    }
  }

  @Test(
    "malformed pickles name the problem",
    arguments: [
      ([0x80, 0x06, 0x4E, 0x2E], "protocol 6"),  // PROTO 6
      ([0x80, 0x04, 0xFF], "unknown opcode 0xff"),
      ([0x80, 0x02, 0x2E], "exactly one object"),  // STOP on an empty stack
      ([0x80, 0x02, 0x68, 0x05, 0x2E], "memo entry 5"),  // BINGET 5
      ([0x80, 0x02, 0x5D, 0x4E, 0x4E, 0x73, 0x2E], "expected dict, found list"),  // SETITEM on a list
      ([0x80, 0x02, 0x75, 0x2E], "too few items"),  // SETITEMS without MARK
      ([0x80, 0x02, 0x8C, 0x02, 0xC3, 0x28, 0x2E], "invalid UTF-8"),
      ([0x80, 0x02, 0x8A, 0x09, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0x2E], "does not fit 64 bits"),  // LONG1 2^64
      ([0x80, 0x02, 0x81, 0x2E], "unsupported pickle opcode NEWOBJ"),
      ([0x80, 0x05, 0x97, 0x2E], "unsupported pickle opcode NEXTBUFFER"),
      ([0x80, 0x02, 0x42, 0xFF, 0xFF, 0xFF, 0x7F, 0x2E], "truncated"),  // BINBYTES claiming 2 GiB
    ] as [([UInt8], String)])
  func malformed(bytes: [UInt8], message: String) {
    #expect {
      try PickleDecoder().decode(bytes)
    } throws: { error in
      "\(error)".contains(message)
    }
  }

  @Test("integers of every width decode with their sign")
  func longIntegers() throws {
    // LONG1 with 1, 8 and 9 (sign-extension) bytes.
    #expect(try PickleDecoder().decode([0x80, 0x02, 0x8A, 0x01, 0xFF, 0x2E]) == .int(-1))
    #expect(try PickleDecoder().decode([0x80, 0x02, 0x8A, 0x08, 0, 0, 0, 0, 0, 0, 0, 0x80, 0x2E]) == .int(Int.min))
    #expect(try PickleDecoder().decode([0x80, 0x02, 0x8A, 0x09, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F, 0, 0x2E]) == .int(Int.max))
    #expect(try PickleDecoder().decode([0x80, 0x02, 0x8A, 0x00, 0x2E]) == .int(0))
  }

  @Test("deep nesting, self-containing lists and shared-reference bombs are refused")
  func resourceLimits() throws {
    // 100,000 nested 1-tuples: ( N t1 t1 t1 … ).
    let deep: [UInt8] = [0x80, 0x02, 0x4E] + Array(repeating: 0x85, count: 100_000) + [0x2E]
    #expect(throws: PickleError.tooDeeplyNested(limit: PickleDecoder.maximumNesting)) { try PickleDecoder().decode(deep) }
    // A list appended to itself: ] MEMOIZE h0 a .
    let cyclic: [UInt8] = [0x80, 0x04, 0x5D, 0x94, 0x68, 0x00, 0x61, 0x2E]
    #expect(throws: PickleError.tooDeeplyNested(limit: PickleDecoder.maximumNesting)) { try PickleDecoder().decode(cyclic) }
    // t(k+1) = (t(k), t(k)) forty times: 2^40 leaves from a few hundred bytes.
    var bomb: [UInt8] = [0x80, 0x04, 0x4E]
    for _ in 0..<40 { bomb += [0x94, 0x32, 0x86] }  // MEMOIZE, DUP, TUPLE2
    bomb.append(0x2E)
    #expect {
      try PickleDecoder().decode(bomb)
    } throws: { error in
      guard case PickleError.expansionTooLarge(let limit) = error else { return false }
      return limit == 16 * bomb.count + 1024 && "\(error)".contains("shared references")
    }
  }

  /// `numpy.dtype(code, False, True)` built with STACK_GLOBAL, then `rest`, then STOP.
  private static func numpyPickle(dtype code: String, then rest: [UInt8]) -> [UInt8] {
    func text(_ value: String) -> [UInt8] { [0x8C, UInt8(value.utf8.count)] + Array(value.utf8) }
    return [0x80, 0x04] + text("numpy") + text("dtype") + [0x93] + text(code) + [0x89, 0x88, 0x87, 0x52] + rest + [0x2E]
  }

  @Test(
    "malformed NumPy scalars name the problem",
    arguments: [
      // An unsupported dtype.
      (numpyPickle(dtype: "c16", then: []), "unsupported dtype 'c16'"),
      // scalar(dtype('f8'), 4 bytes): the size does not match.
      (
        [0x80, 0x04, 0x8C, 0x16] + Array("numpy._core.multiarray".utf8) + [0x8C, 0x06] + Array("scalar".utf8) + [0x93]
          + Array(numpyPickle(dtype: "f8", then: [0x43, 0x04, 0, 0, 0, 0, 0x86, 0x52]).dropFirst(2)),
        "expected 8 bytes, found 4"
      ),
      // BUILD with an unknown byte order.
      (numpyPickle(dtype: "f8", then: [0x28, 0x4B, 0x03, 0x8C, 0x01, 0x3F, 0x74, 0x62]), "unknown byte order '?'"),
    ] as [([UInt8], String)])
  func malformedNumPy(bytes: [UInt8], message: String) {
    #expect {
      try PickleDecoder().decode(bytes)
    } throws: { error in
      guard case PickleError.invalidNumPyScalar = error else { return false }
      return "\(error)".contains(message)
    }
  }
}
