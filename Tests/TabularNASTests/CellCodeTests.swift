import Testing
@testable import TabularNAS

@Suite("Cell codes")
struct CellCodeTests {
  @Test("every code round-trips through text and index, in sorted string order")
  func roundTrip() throws {
    var previous: String? = nil
    for cell in CellCode.all {
      let text = cell.description
      #expect(try CellCode(text) == cell)
      #expect(CellCode(operations: cell.operations) == cell)
      if let previous { #expect(previous < text) }
      previous = text
    }
    #expect(CellCode.all.count == 4096)
  }

  @Test("edges read the digits A|BC|DEF in order")
  func edges() throws {
    let cell = try CellCode("0|12|323")
    #expect(cell.operations == [.convolution, .averagePooling, .skip, .zero, .skip, .zero])
    #expect(cell.operation(on: .c) == .skip)
    #expect(cell.replacing(.a, with: .zero).description == "3|12|323")
    #expect(CellEdge.allCases.map { "\($0.source)→\($0.target)" } == ["0→1", "0→2", "1→2", "0→3", "1→3", "2→3"])
  }

  @Test(
    "malformed codes are refused with the expected form in the message",
    arguments: ["", "0|10|21", "0|10|2100", "0-10-210", "0|10|214", "4|00|000", "a|bc|def", "0||10|21", " 0|10|210"])
  func malformed(text: String) {
    #expect(throws: NASHPOBench2Error.invalidCellCode(text)) { try CellCode(text) }
    let message = NASHPOBench2Error.invalidCellCode(text).description
    #expect(message.contains("A|BC|DEF") && message.contains("'\(text)'"))
  }
}
