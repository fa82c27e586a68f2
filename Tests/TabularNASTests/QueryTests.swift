import Testing
@testable import TabularNAS

/// The reference API's rules, restated independently of the implementation.
private enum Reference {
  static func cost(_ bench: NASHPOBench2, _ key: NASHPOKey, mode: QueryMode, iepoch: Int, seedIndex: Int) -> Double {
    let table = bench.table
    if iepoch == 12 {
      switch mode {
      case .train: return table.total(.train, of: key, seedIndex: seedIndex)
      case .valid: return table.total(.trainValid, of: key, seedIndex: seedIndex)
      case .test: return table.total(.trainValid, of: key, seedIndex: seedIndex) + table.total(.test, of: key, seedIndex: seedIndex)
      }
    }
    let curves: [NASHPOTable.Curve] =
      switch mode {
      case .train: [.trainTime]
      case .valid: [.trainTime, .validTime]
      case .test: [.trainTime, .validTime, .testTime]
      }
    // sum(product(time_modes, range(iepoch))): all train times, then valid, then test.
    let terms = curves.flatMap { curve in (1...iepoch).map { table.value(curve, of: key, seedIndex: seedIndex, epoch: $0) } }
    return terms.reduce(0, +)
  }
}

@Suite("NAS-HPO-Bench-II queries")
struct QueryTests {
  let bench = NASHPOBench2.synthetic()

  @Test("accuracy and cost follow the reference for every mode, iepoch and seed")
  func semantics() throws {
    var generator = SplitMix64(seed: 42)
    for _ in 0..<300 {
      let key = bench.randomKey(using: &generator)
      for mode in QueryMode.allCases {
        for (seedIndex, seed) in NASHPOSearchSpace.seeds.enumerated() {
          for iepoch in [1, 2, 5, 11, 12] {
            let result = try bench.query(key, mode: mode, iepoch: iepoch, seed: seed)
            let curve = NASHPOTable.Curve.accuracy(for: mode)
            #expect(result.accuracy == bench.table.value(curve, of: key, seedIndex: seedIndex, epoch: iepoch))
            #expect(result.cost == Reference.cost(bench, key, mode: mode, iepoch: iepoch, seedIndex: seedIndex))
          }
        }
      }
    }
  }

  @Test("defaults are epoch 12, mode valid, iepoch 12 and seed 222")
  func defaults() throws {
    let key = try NASHPOKey(cellcode: "0|10|210", lr: 0.1, batchSize: 256)
    let plain = try bench.queryByKey(cellcode: "0|10|210", lr: 0.1, batchSize: 256)
    #expect(plain == (try bench.query(key, epoch: 12, mode: .valid, iepoch: 12, seed: 222)))
    #expect(plain.cost == bench.table.total(.trainValid, of: key, seedIndex: 0))
    #expect(plain == (try bench.queryByIndex(cellIndex: key.cell.index, lrIndex: 5, batchSizeIndex: 4)))
    #expect(plain == (try bench.query(at: key.index)))
    #expect(throws: NASHPOBench2Error.indexOutOfRange(196_608, count: 196_608)) { try bench.query(at: 196_608) }
  }

  @Test("at iepoch 12 the recorded totals are charged, not the per-epoch sums")
  func totalsDifferFromSums() throws {
    let key = try NASHPOKey(cellcode: "0|10|210", lr: 0.1, batchSize: 256)
    let total = try #require(try bench.query(key, mode: .train).cost)
    let sum = (1...12).map { bench.table.value(.trainTime, of: key, seedIndex: 0, epoch: $0) }.reduce(0, +)
    #expect(total != sum)
    #expect(total == bench.table.total(.train, of: key, seedIndex: 0))
  }

  @Test("seeds give different runs of the same configuration")
  func seedsDiffer() throws {
    let key = try NASHPOKey(cellcode: "0|10|210", lr: 0.1, batchSize: 256)
    let values = try NASHPOSearchSpace.seeds.map { try bench.query(key, seed: $0) }
    #expect(Set(values.map(\.cost)).count == 3)
  }

  @Test("equivalent cells return identical answers")
  func equivalentCells() throws {
    let a = try bench.queryByKey(cellcode: "1|33|033", lr: 0.05, batchSize: 64, mode: .test, iepoch: 4)
    let b = try bench.queryByKey(cellcode: "3|33|033", lr: 0.05, batchSize: 64, mode: .test, iepoch: 4)
    #expect(a == b)
  }

  @Test("epoch 200 returns the surrogate accuracy and a cost only when asked")
  func surrogate() throws {
    let key = try NASHPOKey(cellcode: "0|10|210", lr: 0.1, batchSize: 256)
    for mode in QueryMode.allCases {
      let plain = try bench.query(key, epoch: 200, mode: mode)
      #expect(plain.accuracy == bench.table.surrogateAccuracy(of: key))
      #expect(plain.cost == nil)
      let charged = try bench.query(key, epoch: 200, mode: mode, seed: 555, surrogateCost: .extrapolated)
      let twelve = try #require(try bench.query(key, mode: mode, seed: 555).cost)
      #expect(charged.cost == twelve * 200 / 12)
    }
  }

  @Test("invalid epochs, iepochs and modes are typed errors naming what is allowed")
  func invalidArguments() throws {
    let key = NASHPOKey(index: 0)
    #expect(throws: NASHPOBench2Error.unknownEpoch(13, allowed: [12, 200])) { try bench.query(key, epoch: 13) }
    for iepoch in [0, -1, 13] {
      #expect(throws: NASHPOBench2Error.iepochOutOfRange(iepoch, allowed: 1...12)) { try bench.query(key, iepoch: iepoch) }
    }
    #expect(throws: NASHPOBench2Error.iepochWithSurrogateEpoch(5)) { try bench.query(key, epoch: 200, iepoch: 5) }
    #expect(throws: NASHPOBench2Error.unknownSeed(0, allowed: [222, 555, 888])) { try bench.query(key, seed: 0) }
    #expect(throws: BenchmarkError.unknownMode("validation", allowed: ["train", "valid", "test"])) {
      try QueryMode(parsing: "validation")
    }
    #expect(throws: NASHPOBench2Error.componentIndexOutOfRange(component: "lr", index: 8, count: 8)) {
      try bench.queryByIndex(cellIndex: 0, lrIndex: 8, batchSizeIndex: 0)
    }
    #expect(throws: NASHPOBench2Error.invalidCellCode("0|10|2101")) {
      try bench.queryByKey(cellcode: "0|10|2101", lr: 0.1, batchSize: 256)
    }
    #expect(NASHPOBench2Error.unknownEpoch(13, allowed: [12, 200]).description.contains("12, 200"))
    #expect(NASHPOBench2Error.iepochOutOfRange(13, allowed: 1...12).description.contains("1…12"))
    #expect(BenchmarkError.unknownMode("x", allowed: ["train", "valid", "test"]).description.contains("train, valid, test"))
    #expect(NASHPOBench2Error.componentIndexOutOfRange(component: "lr", index: 8, count: 8).description.contains("0…7"))
  }
}
