import Testing
@testable import TabularNAS

@Suite("Results read back what they wrote")
struct TrajectoryResultsReadingTests {
  private func results() throws -> TrajectoryResults<NASHPOKey> {
    let bench = NASHPOBench2.synthetic()
    var run = BenchmarkRun(benchmark: bench)
    try run.query(NASHPOKey(index: 5), mode: .test)
    for index in [7, 90_000, 3] { try run.query(NASHPOKey(index: index), iepoch: 4) }
    return try run.results()
  }

  @Test("JSON and pickle round-trip with typed keys; the pickle has no final_epochs or dataset")
  func roundTrips() throws {
    let original = try results()
    #expect(try TrajectoryResults<NASHPOKey>(json: original.json) == original)
    let pickled = try TrajectoryResults<NASHPOKey>(pickleBytes: original.pickleBytes)
    #expect(pickled.values == original.values && pickled.bestKeys == original.bestKeys && pickled.bestValues.first == .some(nil))
    #expect(pickled.finalEpochs.isEmpty && pickled.dataset.isEmpty)
  }

  @Test("results of any dataset read into exported keys and write back the same JSON and pickle")
  func exportedKeys() throws {
    let original = try results()
    let read = try TrajectoryResults<ExportedKey>(json: original.json)
    #expect(read.json.text == original.json.text)
    #expect(read.pickleBytes == original.pickleBytes)
    #expect(read.keys[0].fields.map(\.key) == ["cellcode", "lr", "batch_size"])
  }

  @Test("malformed results name the field")
  func errors() throws {
    let json = try results().json
    func without(_ name: String) -> JSONValue { .object(json.members.filter { $0.key != name }) }
    func replacing(_ name: String, with value: JSONValue) -> JSONValue {
      .object(json.members.map { $0.key == name ? .init(name, value) : $0 })
    }
    #expect(throws: TrajectoryFileError.missingField("total_cost_trans")) { try TrajectoryResults<NASHPOKey>(json: without("total_cost_trans")) }
    #expect(throws: TrajectoryFileError.lengthMismatch(field: "key_trans", count: 0, expected: 4)) {
      try TrajectoryResults<NASHPOKey>(json: replacing("key_trans", with: .array([])))
    }
    #expect(throws: TrajectoryFileError.malformed(field: "acc_trans", reason: "not a list")) {
      try TrajectoryResults<NASHPOKey>(json: replacing("acc_trans", with: .integer(1)))
    }
    #expect(throws: NASHPOBench2Error.self) {
      try NASHPOKey(jsonObject: .object([.init("cellcode", .string("9|99|999")), .init("lr", .number(0.1)), .init("batch_size", .integer(16))]))
    }
    #expect(throws: TrajectoryFileError.self) { try LearningCurveKey(jsonObject: .object([.init("config", .integer(1))])) }
    #expect(try LearningCurveKey(jsonObject: .object([.init("config", .integer(1)), .init("id", .integer(9))])).id == 9)
  }

  @Test("the best configuration follows the direction and keeps the first of equals; positions are checked")
  func bestAndPositions() throws {
    let files = try TemporaryFiles()
    defer { files.remove() }
    let data = try LearningCurveDataset(contentsOf: files.write("p.csv", "e1LossMean,e2LossMean\n3,2\n4,1\n5,1\n"))
    let best = try #require(try data.bestConfiguration(by: data.finalValue(of:)))
    #expect(best.configuration == data.configuration(at: 1) && best.value == 1)
    #expect(throws: BenchmarkError.positionOutOfRange(3, count: 3)) { try data.configuration(checkedAt: 3) }
    #expect(throws: BenchmarkError.positionOutOfRange(-1, count: 3)) { try data.configuration(checkedAt: -1) }
    #expect("\(BenchmarkError.positionOutOfRange(3, count: 3))" == "configuration index 3 is out of range; allowed: 0…2")
    #expect(throws: BenchmarkError.unknownMode("validation", allowed: ["train", "valid", "test"])) { try DataSplit(parsing: "validation") }
  }
}
