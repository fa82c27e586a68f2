import Testing
@testable import TabularNAS

@Suite("NAS-HPO-Bench-II search space and keys")
struct SearchSpaceTests {
  let space = NASHPOSearchSpace()

  @Test("key ↔ index round-trips over the whole space in the reference API's order")
  func roundTrip() throws {
    #expect(space.count == 196_608)
    for index in space.indices {
      let key = try space.key(at: index)
      #expect(space.position(of: key) == index)
      // The reference get_key_from_idx: cell = idx / 48, lr = (idx / 6) % 8, batch = idx % 6.
      #expect(key.cell.index == index / 48)
      #expect(key.learningRate == NASHPOSearchSpace.learningRates[(index / 6) % 8])
      #expect(key.batchSize == NASHPOSearchSpace.batchSizes[index % 6])
      #expect(try NASHPOKey(cellcode: key.cell.description, lr: key.learningRate, batchSize: key.batchSize) == key)
    }
  }

  @Test("iteration visits every key once, in index order")
  func iteration() {
    var expected = 0
    for key in space {
      #expect(key.index == expected)
      expected += 1
    }
    #expect(expected == space.count)
  }

  @Test("random keys are reproducible under a seed and cover the space")
  func randomKeys() {
    var first = SplitMix64(seed: 7), second = SplitMix64(seed: 7), other = SplitMix64(seed: 8)
    let a = (0..<1000).map { _ in space.randomKey(using: &first) }
    let b = (0..<1000).map { _ in space.randomKey(using: &second) }
    let c = (0..<1000).map { _ in space.randomKey(using: &other) }
    #expect(a == b)
    #expect(a != c)
    #expect(Set(a.map(\.learningRateIndex)).count == 8)
    #expect(Set(a.map(\.batchSizeIndex)).count == 6)
  }

  @Test("indices outside the space are refused with the allowed range")
  func outOfRange() {
    for index in [-1, 196_608] {
      #expect(throws: NASHPOBench2Error.indexOutOfRange(index, count: 196_608)) { try space.key(at: index) }
    }
    #expect(NASHPOBench2Error.indexOutOfRange(-1, count: 196_608).description.contains("0…196607"))
  }

  @Test("unknown learning rates, batch sizes and seeds name the allowed values")
  func unknownValues() {
    #expect(throws: NASHPOBench2Error.unknownLearningRate(0.3, allowed: NASHPOSearchSpace.learningRates)) {
      try NASHPOKey(cellcode: "0|10|210", lr: 0.3, batchSize: 256)
    }
    #expect(throws: NASHPOBench2Error.unknownBatchSize(100, allowed: NASHPOSearchSpace.batchSizes)) {
      try NASHPOKey(cellcode: "0|10|210", lr: 0.1, batchSize: 100)
    }
    for seed in [0, 1, 223] {
      #expect(throws: NASHPOBench2Error.unknownSeed(seed, allowed: [222, 555, 888])) {
        try NASHPOSearchSpace.seedIndex(of: seed)
      }
    }
    #expect(NASHPOBench2Error.unknownLearningRate(0.3, allowed: NASHPOSearchSpace.learningRates).description
      .contains("0.003125, 0.00625, 0.0125, 0.025, 0.05, 0.1, 0.2, 0.4"))
    #expect(NASHPOBench2Error.unknownBatchSize(100, allowed: NASHPOSearchSpace.batchSizes).description
      .contains("16, 32, 64, 128, 256, 512"))
    #expect(NASHPOBench2Error.unknownSeed(0, allowed: [222, 555, 888]).description.contains("222, 555, 888"))
  }
}
