/// The computation a cell performs, with everything that cannot affect its output removed.
///
/// Skip edges pass their input through, zero edges and operations fed only by zeros vanish,
/// and operations that cannot reach the output are dropped. What is left is a small DAG of
/// convolutions and poolings whose inputs are the cell input or other operations, counted
/// with multiplicity. Two cells are *equivalent* when these graphs are isomorphic; the graph is
/// stored in a canonical vertex order, so equivalent cells have equal `CellGraph` values.
/// Over the 4,096 codes this rule gives exactly the 1,011 classes of NAS-HPO-Bench-II's
/// training list.
public struct CellGraph: Hashable, Sendable {
  /// The source of an operation's input or of the cell output.
  public enum Source: Hashable, Comparable, Sendable {
    /// The cell input (node 0).
    case input
    /// The output of the operation at this position in ``CellGraph/operations``.
    case operation(Int)
  }

  /// One surviving convolution or pooling.
  public struct Operation: Hashable, Sendable {
    /// ``CellOperation/convolution`` or ``CellOperation/averagePooling``.
    public let kind: CellOperation
    /// The summed inputs, sorted; repeated sources count repeatedly.
    public let inputs: [Source]
  }

  /// The surviving operations in canonical order.
  public let operations: [Operation]
  /// The sources summed into the cell output, sorted; empty when the output is always zero.
  public let outputs: [Source]

  /// Builds the canonical graph of a cell.
  public init(_ cell: CellCode) {
    let (vertices, outputs) = Self.reducedGraph(of: cell)
    let canonical = Self.canonicalOrder(vertices: vertices, outputs: outputs)
    self.operations = canonical.operations
    self.outputs = canonical.outputs
  }

  private init(operations: [Operation], outputs: [Source]) {
    self.operations = operations
    self.outputs = outputs
  }
}

// MARK: - Derived structure

extension CellGraph {
  /// Whether anything reaches the output; a disconnected cell outputs zeros.
  public var isConnected: Bool { !outputs.isEmpty }

  /// The number of surviving convolutions.
  public var convolutionCount: Int { operations.count { $0.kind == .convolution } }

  /// The number of surviving poolings.
  public var poolingCount: Int { operations.count { $0.kind == .averagePooling } }

  /// Whether the cell input is summed directly into the output (a residual shortcut).
  public var hasInputShortcut: Bool { outputs.contains(.input) }

  /// The most operations on one path from the input to the output (0 when disconnected).
  public var depth: Int {
    // The canonical order need not be topological, so resolve depths on demand.
    var depths = [Int?](repeating: nil, count: operations.count)
    func depth(of source: Source) -> Int {
      guard case .operation(let index) = source else { return 0 }
      if let known = depths[index] { return known }
      let value = 1 + (operations[index].inputs.map(depth(of:)).max() ?? 0)
      depths[index] = value
      return value
    }
    return outputs.map(depth(of:)).max() ?? 0
  }
}

extension CellGraph: CustomStringConvertible {
  /// A canonical text form, e.g. `0=conv(in) 1=pool(0) out=in+1`; equal for equivalent cells.
  public var description: String {
    func name(_ source: Source) -> String {
      switch source {
      case .input: "in"
      case .operation(let index): String(index)
      }
    }
    func sum(_ sources: [Source]) -> String {
      sources.isEmpty ? "zero" : sources.map(name).joined(separator: "+")
    }
    let parts = operations.enumerated().map { index, operation in
      "\(index)=\(operation.kind == .convolution ? "conv" : "pool")(\(sum(operation.inputs)))"
    }
    return (parts + ["out=\(sum(outputs))"]).joined(separator: " ")
  }
}

// MARK: - Construction

extension CellGraph {
  private typealias RawVertex = (kind: CellOperation, inputs: [Int])

  /// Follows the edges in topological order; `-1` stands for the cell input.
  private static func reducedGraph(of cell: CellCode) -> (vertices: [RawVertex], outputs: [Int]) {
    var values: [[Int]] = [[-1], [], [], []]
    var vertices: [RawVertex] = []
    for edge in CellEdge.allCases {
      let input = values[edge.source]
      switch cell.operation(on: edge) {
      case .zero:
        continue
      case .skip:
        values[edge.target] += input
      case .convolution, .averagePooling:
        guard !input.isEmpty else { continue }
        vertices.append((cell.operation(on: edge), input))
        values[edge.target].append(vertices.count - 1)
      }
    }
    // Keep only the vertices the output depends on.
    var live = Set<Int>()
    var pending = values[3].filter { $0 >= 0 }
    while let vertex = pending.popLast() {
      if live.insert(vertex).inserted { pending += vertices[vertex].inputs.filter { $0 >= 0 } }
    }
    let kept = live.sorted()
    var renumber = [Int](repeating: -1, count: vertices.count)
    for (new, old) in kept.enumerated() { renumber[old] = new }
    func rename(_ source: Int) -> Int { source < 0 ? -1 : renumber[source] }
    let reduced = kept.map { (kind: vertices[$0].kind, inputs: vertices[$0].inputs.map(rename)) }
    return (reduced, values[3].map(rename))
  }

  /// Picks the vertex numbering whose encoding is smallest.
  ///
  /// Only numberings that sort vertices by an isomorphism-invariant signature (the vertex's
  /// unfolded expression) are tried, so equal graphs still meet the same minimum while most
  /// cells have a single candidate instead of up to 6! = 720.
  private static func canonicalOrder(vertices: [RawVertex], outputs: [Int]) -> CellGraph {
    let signatures = expressionSignatures(of: vertices)
    let slots = signatures.sorted()
    var best: [Int]? = nil
    var bestPermutation: [Int] = []
    var permutation = [Int](repeating: -1, count: vertices.count)
    var used = [Bool](repeating: false, count: vertices.count)
    func assign(_ slot: Int) {
      guard slot < slots.count else {
        let encoding = encode(vertices: vertices, outputs: outputs, permutation: permutation)
        if best.map({ encoding.lexicographicallyPrecedes($0) }) ?? true {
          best = encoding
          bestPermutation = permutation
        }
        return
      }
      for vertex in vertices.indices where !used[vertex] && signatures[vertex] == slots[slot] {
        used[vertex] = true
        permutation[vertex] = slot
        assign(slot + 1)
        used[vertex] = false
      }
    }
    assign(0)
    func source(_ raw: Int) -> Source { raw < 0 ? .input : .operation(bestPermutation[raw]) }
    var operations = [Operation?](repeating: nil, count: vertices.count)
    for (old, vertex) in vertices.enumerated() {
      operations[bestPermutation[old]] = Operation(
        kind: vertex.kind, inputs: vertex.inputs.map(source).sorted())
    }
    return CellGraph(operations: operations.compactMap { $0 }, outputs: outputs.map(source).sorted())
  }

  /// Each vertex's expression with shared inputs unfolded, e.g. `C(P(x)+x)`; invariant under renumbering.
  private static func expressionSignatures(of vertices: [RawVertex]) -> [String] {
    var memo = [String?](repeating: nil, count: vertices.count)
    func signature(_ vertex: Int) -> String {
      if let known = memo[vertex] { return known }
      let inputs = vertices[vertex].inputs.map { $0 < 0 ? "x" : signature($0) }.sorted()
      let text = (vertices[vertex].kind == .convolution ? "C(" : "P(") + inputs.joined(separator: "+") + ")"
      memo[vertex] = text
      return text
    }
    return vertices.indices.map(signature)
  }

  /// Encodes the graph under a numbering: per new vertex its kind and sorted inputs, then outputs.
  private static func encode(vertices: [RawVertex], outputs: [Int], permutation: [Int]) -> [Int] {
    var byNewIndex = [[Int]](repeating: [], count: vertices.count)
    for (old, vertex) in vertices.enumerated() {
      let inputs = vertex.inputs.map { $0 < 0 ? -1 : permutation[$0] }.sorted()
      byNewIndex[permutation[old]] = [Int(vertex.kind.rawValue)] + inputs + [-2]
    }
    return byNewIndex.flatMap { $0 } + outputs.map { $0 < 0 ? -1 : permutation[$0] }.sorted()
  }
}
