extension NetworkArchitecture {
  /// The MetaQNN layer names and their argument counts.
  static let metaQNNArity: [(name: String, arguments: Int)] = [
    ("C", 3), ("P", 2), ("D", 2), ("FC", 1), ("GAP", 1), ("SM", 1),
  ]

  /// Parses a MetaQNN network string such as `[C(64,3,1), P(2,2), D(1,2), FC(128), SM(10)]`.
  ///
  /// Layers (Baker et al. 2017): `C(filters, kernel, stride)`, `P(kernel, stride)`,
  /// `D(position, count)` dropout, `FC(units)`, `GAP(outputs)`, `SM(outputs)`. Spaces between
  /// tokens are allowed; every argument is a positive integer.
  ///
  /// - Throws: ``ArchitectureError`` naming the offending character, layer or argument.
  public init(metaQNN text: String) throws {
    var parser = MetaQNNParser(text: text)
    try self.init(layers: try parser.parseNetwork())
  }
}

/// A recursive-descent parser over the string's bytes.
private struct MetaQNNParser {
  let text: String
  let bytes: [UInt8]
  var offset = 0

  init(text: String) {
    self.text = text
    bytes = Array(text.utf8)
  }

  mutating func parseNetwork() throws -> [ArchitectureLayer] {
    try expect("[", "'['")
    var layers: [ArchitectureLayer] = []
    skipSpaces()
    if peek == UInt8(ascii: "]") { throw ArchitectureError.empty }
    while true {
      layers.append(try parseLayer())
      skipSpaces()
      if peek == UInt8(ascii: ",") {
        offset += 1
        continue
      }
      try expect("]", "',' or ']'")
      skipSpaces()
      guard offset == bytes.count else { throw malformed("the end of the text") }
      return layers
    }
  }

  private mutating func parseLayer() throws -> ArchitectureLayer {
    skipSpaces()
    let start = offset
    while let byte = peek, (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) {
      offset += 1
    }
    guard offset > start else { throw malformed("a layer name (C, P, D, FC, GAP, SM)") }
    let name = String(decoding: bytes[start..<offset], as: UTF8.self)
    guard let arity = NetworkArchitecture.metaQNNArity.first(where: { $0.name == name })?.arguments else {
      throw ArchitectureError.unknownLayer(name, allowed: NetworkArchitecture.metaQNNArity.map(\.name))
    }
    try expect("(", "'(' after \(name)")
    var arguments: [Int] = []
    while true {
      arguments.append(try parseArgument(layer: name))
      skipSpaces()
      if peek == UInt8(ascii: ",") {
        offset += 1
        continue
      }
      try expect(")", "',' or ')'")
      break
    }
    guard arguments.count == arity else {
      throw ArchitectureError.wrongArgumentCount(layer: name, found: arguments.count, expected: arity)
    }
    switch name {
    case "C": return .convolution(filters: arguments[0], kernelSize: arguments[1], stride: arguments[2], isResidual: false)
    case "P": return .pooling(kernelSize: arguments[0], stride: arguments[1])
    case "D": return .dropout(position: arguments[0], count: arguments[1])
    case "FC": return .fullyConnected(units: arguments[0])
    case "GAP": return .globalAveragePooling(outputs: arguments[0])
    default: return .softmax(outputs: arguments[0])
    }
  }

  private mutating func parseArgument(layer: String) throws -> Int {
    skipSpaces()
    let start = offset
    var value = 0, isNumber = true
    while let byte = peek, byte != UInt8(ascii: ","), byte != UInt8(ascii: ")"), byte != UInt8(ascii: " ") {
      let digit = Int(byte) &- Int(UInt8(ascii: "0"))
      if isNumber && (0...9).contains(digit) && value < Int.max / 10 - 9 {
        value = value * 10 + digit
      } else {
        isNumber = false
      }
      offset += 1
    }
    guard offset > start else { throw malformed("an argument of \(layer)") }
    guard isNumber, value > 0 else {
      throw ArchitectureError.invalidArgument(layer: layer, text: String(decoding: bytes[start..<offset], as: UTF8.self))
    }
    return value
  }

  private var peek: UInt8? { offset < bytes.count ? bytes[offset] : nil }

  private mutating func skipSpaces() {
    while peek == UInt8(ascii: " ") { offset += 1 }
  }

  private mutating func expect(_ character: Unicode.Scalar, _ description: @autoclosure () -> String) throws {
    skipSpaces()
    guard peek == UInt8(ascii: character) else { throw malformed(description()) }
    offset += 1
  }

  private func malformed(_ expected: String) -> ArchitectureError {
    .malformed(text: text, offset: offset, expected: expected)
  }
}
