import Testing
@testable import TabularNAS

@Suite("Synthetic NAS-HPO-Bench-II table")
struct SyntheticTableTests {
  let bench = NASHPOBench2.synthetic()

  private func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(values.count) }

  private func validAccuracies(where include: (CellGraph) -> Bool) throws -> [Double] {
    try bench.searchSpace.filter { $0.index % 7 == 0 && include($0.cell.graph) }.map { try bench.query($0).accuracy }
  }

  @Test("it is labelled synthetic, complete and deterministic")
  func labelAndDeterminism() throws {
    #expect(bench.source.isSynthetic)
    #expect(bench.name.contains("synthetic"))
    #expect(bench.table.classCount == 1011)
    #expect(bench.table.classHashes.first == CellEquivalence.standard.graphs[0].description)
    let again = NASHPOTable.synthetic(seed: 0)
    #expect(again.runs.curveValues.array == bench.table.runs.curveValues.array)
    #expect(again.runs.scalarValues.array.allSatisfy { $0.isFinite })
    #expect(again.surrogateAccuracies.array == bench.table.surrogateAccuracies.array)
    let other = NASHPOBench2.synthetic(seed: 1)
    #expect(try other.queryByKey(cellcode: "0|10|210", lr: 0.1, batchSize: 256)
      != (try bench.queryByKey(cellcode: "0|10|210", lr: 0.1, batchSize: 256)))
  }

  @Test("disconnected cells sit near chance; convolutions raise accuracy")
  func structureMatters() throws {
    let disconnected = try validAccuracies { !$0.isConnected }
    #expect(disconnected.allSatisfy { abs($0 - 10) < 3 })
    let shallow = mean(try validAccuracies { $0.isConnected && $0.convolutionCount == 0 })
    let rich = mean(try validAccuracies { $0.convolutionCount >= 3 })
    #expect(rich > shallow + 10)
  }

  @Test("the learning rate must suit the batch size")
  func learningRateBatchSizeInterplay() throws {
    let cell = "0|10|210"
    let smallBatchBest = try NASHPOSearchSpace.learningRates.max {
      try bench.queryByKey(cellcode: cell, lr: $0, batchSize: 16).accuracy < bench.queryByKey(cellcode: cell, lr: $1, batchSize: 16).accuracy
    }
    let largeBatchBest = try NASHPOSearchSpace.learningRates.max {
      try bench.queryByKey(cellcode: cell, lr: $0, batchSize: 512).accuracy < bench.queryByKey(cellcode: cell, lr: $1, batchSize: 512).accuracy
    }
    #expect(try #require(smallBatchBest) < (try #require(largeBatchBest)))
  }

  @Test("12-epoch curves rise and saturate; training accuracy exceeds validation")
  func curves() throws {
    let key = try NASHPOKey(cellcode: "0|00|000", lr: 0.1, batchSize: 256)
    let valid = try (1...12).map { try bench.query(key, iepoch: $0).accuracy }
    #expect(valid[11] > valid[0] + 10)
    #expect(valid[11] - valid[8] < valid[3] - valid[0])
    #expect(try bench.query(key, mode: .train).accuracy > valid[11])
  }

  @Test("200-epoch estimates correlate with 12-epoch accuracy")
  func surrogateCorrelation() throws {
    let keys = bench.searchSpace.filter { $0.index % 13 == 0 }
    let twelve = try keys.map { try bench.query($0).accuracy }
    let twoHundred = try keys.map { try bench.query($0, epoch: 200).accuracy }
    let (mx, my) = (mean(twelve), mean(twoHundred))
    let covariance = zip(twelve, twoHundred).map { ($0 - mx) * ($1 - my) }.reduce(0, +)
    let spread = (twelve.map { ($0 - mx) * ($0 - mx) }.reduce(0, +) * twoHundred.map { ($0 - my) * ($0 - my) }.reduce(0, +)).squareRoot()
    #expect(covariance / spread > 0.8)
  }

  @Test("time grows with convolutions and shrinks with batch size")
  func times() throws {
    let convs = try bench.queryByKey(cellcode: "0|00|000", lr: 0.1, batchSize: 128).cost ?? 0
    let skips = try bench.queryByKey(cellcode: "2|22|222", lr: 0.1, batchSize: 128).cost ?? 0
    #expect(convs > 3 * skips)
    // Per run, seed noise can swap neighbours; on average time falls with every doubling.
    let sample = bench.searchSpace.filter { $0.index % 11 == 0 }
    let bySize = try NASHPOSearchSpace.batchSizes.indices.map { size in
      mean(try sample.filter { $0.batchSizeIndex == size }.map { try bench.query($0).cost ?? 0 })
    }
    #expect(bySize == bySize.sorted(by: >))
  }
}
