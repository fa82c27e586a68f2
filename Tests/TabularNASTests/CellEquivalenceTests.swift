import Testing
@testable import TabularNAS

@Suite("Cell equivalence classes")
struct CellEquivalenceTests {
  let equivalence = CellEquivalence.standard

  @Test("the rule gives exactly NAS-HPO-Bench-II's 1,011 classes")
  func classCount() {
    #expect(equivalence.classCount == 1011)
    #expect(Set(equivalence.classIndices).count == 1011)
    #expect(equivalence.representatives.first?.description == "0|00|000")
  }

  @Test("each of the 1,011 trained codes lands in its own class")
  func trainedCodesCoverEveryClass() throws {
    let trained = try Fixture.trainedCellCodes()
    #expect(trained.count == 1011)
    let classes = try trained.map { try CellCode($0).equivalenceClass }
    #expect(Set(classes).count == 1011)
  }

  @Test("disconnected cells form one class with an empty graph")
  func disconnected() throws {
    let zero = try CellCode("3|33|333")
    #expect(!zero.graph.isConnected)
    #expect(zero.graph.description == "out=zero")
    #expect(zero.isEquivalent(to: try CellCode("0|00|333")))
    #expect(zero.isEquivalent(to: try CellCode("3|33|330")))
    #expect(equivalence.members(ofClass: zero.equivalenceClass).count == 169)
  }

  @Test("skips pass inputs through, zeros and dead operations vanish")
  func reductions() throws {
    // A pooling that only feeds a zero edge is dead: same as a bare conv from the input.
    #expect(try CellCode("1|33|033").isEquivalent(to: try CellCode("3|33|033")))
    // conv(x) reached through two skips equals conv(x) on the direct edge.
    #expect(try CellCode("0|32|332").isEquivalent(to: try CellCode("3|33|033")))
    #expect(!(try CellCode("2|02|332").isEquivalent(to: try CellCode("3|33|033"))))
    #expect(try CellCode("2|22|222").graph.description == "out=in+in+in+in")
  }

  @Test("a shared operation differs from two copies of it (repeated inputs count)")
  func sharingMatters() throws {
    // out = convD(x) + convE(convA(x)) versus out = convA(x) + convC(convA(x)).
    let copies = try CellCode("0|00|003"), shared = try CellCode("0|30|322")
    #expect(!copies.isEquivalent(to: shared))
    #expect(copies.graph.convolutionCount == 3)
    #expect(shared.graph.convolutionCount == 2)
  }

  @Test("graph features: counts, depth and shortcut")
  func features() throws {
    let graph = try CellCode("0|10|210").graph
    // A conv, B pool, C conv, D skip, E pool, F conv: out = x + pool(convA) + convF(pool(x) + convC(convA)).
    #expect(graph.convolutionCount == 3)
    #expect(graph.poolingCount == 2)
    #expect(graph.depth == 3)
    #expect(graph.hasInputShortcut)
    #expect(try CellCode("0|30|330").graph.depth == 3)
    #expect(try CellCode("0|33|030").graph.depth == 1)
    #expect(!(try CellCode("0|33|030").graph.hasInputShortcut))
  }

  @Test("the canonical graph does not depend on how equivalent codes are written")
  func classesAreConsistent() {
    for cell in CellCode.all {
      #expect(CellGraph(cell) == equivalence.graphs[cell.equivalenceClass])
    }
  }
}
