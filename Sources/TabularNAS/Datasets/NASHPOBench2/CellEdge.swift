/// One of the six edges of the four-node cell DAG, in cell-code order `A|BC|DEF`.
///
/// Node 0 is the cell input and node 3 its output; each node sums its incoming edges.
public enum CellEdge: Int, CaseIterable, Sendable, CustomStringConvertible {
  /// Edge A: node 0 → node 1.
  case a
  /// Edge B: node 0 → node 2.
  case b
  /// Edge C: node 1 → node 2.
  case c
  /// Edge D: node 0 → node 3.
  case d
  /// Edge E: node 1 → node 3.
  case e
  /// Edge F: node 2 → node 3.
  case f

  /// The node the edge reads from.
  public var source: Int { [0, 0, 1, 0, 1, 2][rawValue] }

  /// The node the edge writes to.
  public var target: Int { [1, 2, 2, 3, 3, 3][rawValue] }

  /// The edge's letter, `A` … `F`.
  public var description: String { ["A", "B", "C", "D", "E", "F"][rawValue] }
}
