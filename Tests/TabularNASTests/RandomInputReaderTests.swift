import Testing
@testable import TabularNAS

/// Every reader meets random bytes and random mutations of valid input: each either reads
/// them or throws a typed error; none crashes, and nothing it accepts holds a NaN curve value.
@Suite("Readers on random and mutated input")
struct RandomInputReaderTests {
  static let seeds: [String] = [
    "ModelId,IsTest,lr,acc_1,acc_2\n1,0,0.1,0.2,0.4\n2,1,0.2,0.3,0.5\n",
    #"{"acc_trans": [1.5], "key_trans": [{"config": 0, "id": 0}], "best_acc_trans": [1.5], "best_key_trans": [{"config": 0, "id": 0}], "total_cost_trans": [2], "final_accs": [1.5]}"#,
    #"{"cellcode": "0|10|210", "lr": 0.1, "batch_size": 256, "iepoch": 3}"#,
  ]

  /// A random mutation: flip, insert, delete or duplicate bytes.
  private func mutate(_ bytes: [UInt8], using generator: inout SplitMix64) -> [UInt8] {
    var bytes = bytes
    for _ in 0..<Int.random(in: 1...4, using: &generator) {
      let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &generator)
      switch Int.random(in: 0..<4, using: &generator) {
      case 0 where !bytes.isEmpty: bytes[position] ^= UInt8(1 << Int.random(in: 0..<8, using: &generator))
      case 1: bytes.insert(UInt8.random(in: 0...255, using: &generator), at: position)
      case 2 where !bytes.isEmpty: bytes.remove(at: position)
      default: bytes.insert(contentsOf: bytes[position...].prefix(8), at: position)
      }
    }
    return bytes
  }

  @Test("JSON, pickle, CSV, learning-curve tables, results and requests never crash", arguments: 0..<8)
  func readers(seedIndex: Int) throws {
    var generator = SplitMix64(seed: UInt64(seedIndex))
    let bench = NASHPOBench2.synthetic()
    for round in 0..<1500 {
      let base = Array(Self.seeds[round % Self.seeds.count].utf8)
      let bytes = round % 5 == 0
        ? (0..<Int.random(in: 0..<64, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
        : mutate(base, using: &generator)
      if let json = try? JSONValue(parsing: bytes) {
        _ = try? TrajectoryResults<LearningCurveKey>(json: json)
        _ = try? TrajectoryResults<ExportedKey>(json: json)
        if let request = try? bench.request(from: json) { _ = try? bench.answer(request) }
      }
      _ = try? PickleDecoder().decode(bytes)
      _ = try? CSVReader(bytes: bytes, windowSize: Int.random(in: 1...16, using: &generator)).forEachRecord { _ in }
      if let data = try? LearningCurveDataset(bytes: bytes, path: "random.csv") {
        for key in data.configurations {
          #expect(try data.curve(of: key).allSatisfy(\.isFinite))
          #expect((try? data.query(key, epochs: data.epochRange.upperBound))?.value.isFinite ?? true)
        }
      }
    }
  }
}
