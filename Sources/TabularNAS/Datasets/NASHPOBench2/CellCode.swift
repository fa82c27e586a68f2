/// A NAS-HPO-Bench-II cell: one operation per edge, written `A|BC|DEF` (e.g. `0|10|210`).
///
/// The value is stored as the cell's position in the sorted list of all 4,096 codes, so
/// comparing, hashing and indexing are integer operations.
public struct CellCode: Hashable, Comparable, Sendable {
  /// The number of distinct cell codes (4⁶).
  public static let count = 4096

  /// The cell's position among all codes sorted as strings; edge A is the most significant digit.
  public let index: Int

  /// Creates the cell at a position in the sorted list of codes.
  ///
  /// - Precondition: `0 <= index < 4096`.
  public init(index: Int) {
    precondition((0..<Self.count).contains(index), "cell index \(index) is outside 0..<4096")
    self.index = index
  }

  /// Creates a cell from its six operations in edge order A…F.
  public init(operations: [CellOperation]) {
    precondition(operations.count == CellEdge.allCases.count, "a cell has exactly six edges")
    self.init(index: operations.reduce(0) { $0 * 4 + Int($1.rawValue) })
  }

  /// Parses a cell code such as `0|10|210`.
  ///
  /// - Throws: ``NASHPOBench2Error/invalidCellCode(_:)`` when the text is not `A|BC|DEF`
  ///   with operations 0–3.
  public init(_ text: String) throws {
    var bytes = text
    guard let index = bytes.withUTF8(Self.parseIndex) else {
      throw NASHPOBench2Error.invalidCellCode(text)
    }
    self.index = index
  }

  /// Parses the eight bytes `d|dd|ddd` without allocating; `nil` when malformed.
  static func parseIndex(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    guard bytes.count == 8, bytes[1] == UInt8(ascii: "|"), bytes[4] == UInt8(ascii: "|") else { return nil }
    var index = 0
    for position in [0, 2, 3, 5, 6, 7] {
      let digit = Int(bytes[position]) &- Int(UInt8(ascii: "0"))
      guard digit >= 0 && digit <= 3 else { return nil }
      index = index &* 4 &+ digit
    }
    return index
  }

  /// The operation on an edge.
  public func operation(on edge: CellEdge) -> CellOperation {
    let shift = 2 * (CellEdge.allCases.count - 1 - edge.rawValue)
    // The mask keeps the value in 0...3, so the initialiser cannot fail.
    return CellOperation(rawValue: UInt8((index >> shift) & 3)) ?? .zero
  }

  /// The six operations in edge order A…F.
  public var operations: [CellOperation] { CellEdge.allCases.map(operation(on:)) }

  /// Returns this cell with one edge's operation replaced.
  public func replacing(_ edge: CellEdge, with operation: CellOperation) -> CellCode {
    var operations = operations
    operations[edge.rawValue] = operation
    return CellCode(operations: operations)
  }

  /// Orders cells as their codes sort as strings.
  public static func < (lhs: CellCode, rhs: CellCode) -> Bool { lhs.index < rhs.index }

  /// Every cell code, in sorted order.
  public static var all: [CellCode] { (0..<count).map(CellCode.init(index:)) }
}

extension CellCode: CustomStringConvertible {
  /// The cell code as `A|BC|DEF`.
  public var description: String {
    let digits = operations.map { String($0.rawValue) }
    return digits[0] + "|" + digits[1] + digits[2] + "|" + digits[3] + digits[4] + digits[5]
  }
}
