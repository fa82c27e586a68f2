/// The partition of all 4,096 cell codes into classes of equivalent cells (see ``CellGraph``).
///
/// Classes are numbered in the order of their smallest code, so class 0 holds `0|00|000`.
public struct CellEquivalence: Sendable {
  /// The partition of the full space, computed once on first use.
  public static let standard = CellEquivalence()

  /// The class index of each cell code, indexed by ``CellCode/index``.
  public let classIndices: [UInt16]
  /// The canonical graph of each class.
  public let graphs: [CellGraph]
  /// The smallest cell code of each class.
  public let representatives: [CellCode]

  private init() {
    var classOfGraph: [CellGraph: Int] = [:]
    var classIndices: [UInt16] = []
    var graphs: [CellGraph] = []
    var representatives: [CellCode] = []
    for cell in CellCode.all {
      let graph = CellGraph(cell)
      if let existing = classOfGraph[graph] {
        classIndices.append(UInt16(existing))
      } else {
        classOfGraph[graph] = graphs.count
        classIndices.append(UInt16(graphs.count))
        graphs.append(graph)
        representatives.append(cell)
      }
    }
    self.classIndices = classIndices
    self.graphs = graphs
    self.representatives = representatives
  }

  /// The number of classes (1,011).
  public var classCount: Int { graphs.count }

  /// The class index of a cell.
  public func classIndex(of cell: CellCode) -> Int { Int(classIndices[cell.index]) }

  /// Every cell code in a class, in sorted order.
  public func members(ofClass classIndex: Int) -> [CellCode] {
    CellCode.all.filter { Int(classIndices[$0.index]) == classIndex }
  }
}

extension CellCode {
  /// The canonical computation graph of this cell.
  public var graph: CellGraph { CellEquivalence.standard.graphs[equivalenceClass] }

  /// The index of this cell's equivalence class in ``CellEquivalence/standard``.
  public var equivalenceClass: Int { CellEquivalence.standard.classIndex(of: self) }

  /// Whether two cells compute the same function up to relabelling (see ``CellGraph``).
  public func isEquivalent(to other: CellCode) -> Bool {
    equivalenceClass == other.equivalenceClass
  }
}
